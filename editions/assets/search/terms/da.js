teieditionSearchLoaded("terms","da",[["danger",1,[0,3]],["day",1,[0,1]]]);
