teieditionSearchLoaded("terms","l",[["l",1,[0,1]]]);
