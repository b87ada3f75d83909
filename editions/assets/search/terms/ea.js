teieditionSearchLoaded("terms","ea",[["each",1,[0,3]]]);
