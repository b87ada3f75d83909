teieditionSearchLoaded("terms","b",[["b",1,[0,1],4,[0,1]]]);
