teieditionSearchLoaded("terms","6",[["6",1,[0,1]]]);
