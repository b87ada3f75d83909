teieditionSearchLoaded("terms","tw",[["two",1,[0,13]]]);
