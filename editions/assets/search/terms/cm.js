teieditionSearchLoaded("terms","cm",[["cmea",4,[0,1]]]);
