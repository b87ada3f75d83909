teieditionSearchLoaded("terms","us",[["ussr",1,[0,1]]]);
