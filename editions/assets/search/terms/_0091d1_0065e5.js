teieditionSearchLoaded("terms","金日",[["金日成",4,[0,1]]]);
