teieditionSearchLoaded("terms","us",[["ussr",1,[0,1],4,[0,3]]]);
