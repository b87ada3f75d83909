teieditionSearchLoaded("terms","ts",[["tse",4,[0,1]],["tsetung",4,[0,1]],["tstak",1,[0,1],4,[0,1]]]);
