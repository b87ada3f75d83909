teieditionSearchLoaded("terms","wp",[["wpk",4,[0,1]]]);
