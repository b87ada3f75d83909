teieditionSearchLoaded("terms","се",[["сен",4,[0,1]]]);
