teieditionSearchLoaded("terms","fl",[["flexible",1,[0,1]]]);
