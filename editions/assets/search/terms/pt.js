teieditionSearchLoaded("terms","pt",[["ptv",1,[0,1],4,[0,1]]]);
