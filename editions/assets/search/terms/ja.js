teieditionSearchLoaded("terms","ja",[["january",1,[0,1]]]);
