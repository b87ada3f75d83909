teieditionSearchLoaded("terms","a",[["a",1,[0,78]]]);
