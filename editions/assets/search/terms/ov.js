teieditionSearchLoaded("terms","ov",[["overblown",1,[0,1]],["overcome",1,[0,2]],["overthrow",1,[0,1]]]);
