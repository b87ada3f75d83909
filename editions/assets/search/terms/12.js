teieditionSearchLoaded("terms","12",[["12",1,[0,1]]]);
