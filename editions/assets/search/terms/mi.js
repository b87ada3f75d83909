teieditionSearchLoaded("terms","mi",[["might",1,[0,4]],["militarily",1,[0,1]],["military",1,[0,2]],["mistakes",1,[0,1]]]);
