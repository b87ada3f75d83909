teieditionSearchLoaded("terms","ut",[["utterly",1,[0,1]]]);
