teieditionSearchLoaded("terms","ef",[["efforts",1,[0,3]]]);
