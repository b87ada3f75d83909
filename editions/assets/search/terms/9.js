teieditionSearchLoaded("terms","9",[["9",1,[0,3]]]);
