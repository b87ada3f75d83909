teieditionSearchLoaded("terms","t",[["t",1,[0,1]]]);
