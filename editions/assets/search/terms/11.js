teieditionSearchLoaded("terms","11",[["11",1,[0,1]]]);
