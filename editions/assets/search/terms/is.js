teieditionSearchLoaded("terms","is",[["is",1,[0,37]],["isolation",1,[0,1]],["isolationism",1,[0,1]],["isolationist",1,[0,1]]]);
