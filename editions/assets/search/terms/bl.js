teieditionSearchLoaded("terms","bl",[["blindly",1,[0,1]],["blow",1,[0,1]]]);
