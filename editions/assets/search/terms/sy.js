teieditionSearchLoaded("terms","sy",[["system",1,[0,1]]]);
