teieditionSearchLoaded("terms","ab",[["abandon",1,[0,1]],["about",1,[0,6]],["above",1,[0,1]],["absent",1,[0,1]],["absolute",1,[0,3]]]);
