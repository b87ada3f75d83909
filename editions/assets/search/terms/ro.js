teieditionSearchLoaded("terms","ro",[["rodong",1,[0,6]],["role",1,[0,9]]]);
