teieditionSearchLoaded("terms","sc",[["scientific",1,[0,1]]]);
