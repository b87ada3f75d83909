teieditionSearchLoaded("terms","4t",[["4th",1,[0,1]]]);
