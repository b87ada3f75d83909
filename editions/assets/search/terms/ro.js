teieditionSearchLoaded("terms","ro",[["rodong",1,[0,6]],["rok",4,[0,1]],["role",1,[0,9]]]);
