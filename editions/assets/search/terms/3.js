teieditionSearchLoaded("terms","3",[["3",1,[0,1]]]);
