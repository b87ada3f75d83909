teieditionSearchLoaded("terms","ки",[["ким",4,[0,2]]]);
