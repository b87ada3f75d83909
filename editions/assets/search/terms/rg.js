teieditionSearchLoaded("terms","rg",[["rgani",3,[0,1]]]);
