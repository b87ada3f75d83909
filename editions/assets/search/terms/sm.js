teieditionSearchLoaded("terms","sm",[["small",1,[0,2]]]);
