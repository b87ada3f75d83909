teieditionSearchLoaded("terms","k",[["k",1,[0,1]]]);
