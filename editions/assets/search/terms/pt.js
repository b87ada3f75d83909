teieditionSearchLoaded("terms","pt",[["ptv",1,[0,1]]]);
