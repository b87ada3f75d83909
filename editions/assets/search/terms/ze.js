teieditionSearchLoaded("terms","ze",[["zedong",1,[0,5],2,[0,1],4,[0,1]]]);
