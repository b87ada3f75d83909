teieditionSearchLoaded("terms","ai",[["aid",1,[0,5]]]);
