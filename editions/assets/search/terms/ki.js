teieditionSearchLoaded("terms","ki",[["kim",1,[0,16],2,[0,2],4,[0,8]]]);
