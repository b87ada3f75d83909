teieditionSearchLoaded("terms","eu",[["europe",1,[0,1],4,[0,1]],["european",1,[0,2]]]);
