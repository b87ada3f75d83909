teieditionSearchLoaded("terms","is",[["is",1,[0,35]],["isolation",1,[0,1]],["isolationism",1,[0,1]],["isolationist",1,[0,1]]]);
