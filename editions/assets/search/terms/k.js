teieditionSearchLoaded("terms","k",[["k",1,[0,1],4,[0,2]]]);
