teieditionSearchLoaded("terms","v",[["v",1,[0,4],2,[0,3],4,[0,6]]]);
