teieditionSearchLoaded("terms","ba",[["base",1,[0,1]],["based",1,[0,1]],["basis",1,[0,3]]]);
