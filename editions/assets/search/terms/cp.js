teieditionSearchLoaded("terms","cp",[["cp",1,[0,1],4,[0,1]],["cpsu",1,[0,17],4,[0,5]]]);
