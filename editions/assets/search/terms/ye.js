teieditionSearchLoaded("terms","ye",[["year",1,[0,2]],["years",1,[0,1]]]);
