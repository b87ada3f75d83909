teieditionSearchLoaded("terms","ed",[["educational",1,[0,1]]]);
