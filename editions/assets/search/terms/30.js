teieditionSearchLoaded("terms","30",[["30",1,[0,1]]]);
