teieditionSearchLoaded("terms","b",[["b",1,[0,1]]]);
