teieditionSearchLoaded("terms","cp",[["cp",1,[0,1]],["cpsu",1,[0,17]]]);
