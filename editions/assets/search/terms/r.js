teieditionSearchLoaded("terms","r",[["r",4,[0,1]]]);
