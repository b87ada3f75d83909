teieditionSearchLoaded("terms","16",[["16",1,[0,1]]]);
