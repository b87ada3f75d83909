teieditionSearchLoaded("terms","gp",[["gp",1,[0,1]]]);
