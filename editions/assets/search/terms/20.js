teieditionSearchLoaded("terms","20",[["20th",1,[0,2]]]);
