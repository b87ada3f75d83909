teieditionSearchLoaded("terms","ju",[["july",1,[0,1]],["june",1,[0,5]],["just",1,[0,1]]]);
