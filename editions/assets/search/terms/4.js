teieditionSearchLoaded("terms","4",[["4",1,[0,1]]]);
