teieditionSearchLoaded("terms","лю",[["лю",4,[0,1]]]);
