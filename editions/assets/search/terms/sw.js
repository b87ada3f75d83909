teieditionSearchLoaded("terms","sw",[["switched",1,[0,2]]]);
