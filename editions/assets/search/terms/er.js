teieditionSearchLoaded("terms","er",[["errors",1,[0,1]]]);
