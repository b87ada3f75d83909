teieditionSearchLoaded("terms","5",[["5",1,[0,2]]]);
