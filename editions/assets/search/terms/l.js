teieditionSearchLoaded("terms","l",[["l",1,[0,1],4,[0,1]]]);
