teieditionSearchLoaded("terms","34",[["340",1,[0,1]]]);
