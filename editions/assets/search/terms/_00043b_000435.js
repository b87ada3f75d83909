teieditionSearchLoaded("terms","ле",[["леонид",4,[0,1]]]);
