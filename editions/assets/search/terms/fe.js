teieditionSearchLoaded("terms","fe",[["fear",1,[0,3]],["fearing",1,[0,4]],["feature",1,[0,1]],["features",1,[0,1]],["february1968",1,[0,1]],["fertile",1,[0,1]]]);
