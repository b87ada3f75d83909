teieditionSearchLoaded("terms","hu",[["humanity",1,[0,1]]]);
