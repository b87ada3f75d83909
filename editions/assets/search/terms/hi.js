teieditionSearchLoaded("terms","hi",[["highlighted",1,[0,17]],["himself",1,[0,1]],["his",1,[0,3]],["history",1,[0,1]]]);
