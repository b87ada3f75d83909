teieditionSearchLoaded("terms","du",[["dual",1,[0,1]],["during",1,[0,6]]]);
