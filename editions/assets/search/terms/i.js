teieditionSearchLoaded("terms","i",[["i",1,[0,2],2,[0,2],4,[0,4]]]);
