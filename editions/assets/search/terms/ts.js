teieditionSearchLoaded("terms","ts",[["tstak",1,[0,1]]]);
