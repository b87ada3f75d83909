teieditionSearchLoaded("terms","2",[["2",1,[0,2]]]);
