teieditionSearchLoaded("terms","wa",[["wake",1,[0,1]],["want",1,[0,2]],["ward",1,[0,1]],["was",1,[0,31]]]);
