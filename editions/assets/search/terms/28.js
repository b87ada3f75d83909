teieditionSearchLoaded("terms","28",[["28",1,[0,1]]]);
