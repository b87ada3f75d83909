teieditionSearchLoaded("terms","cl",[["class",1,[0,1]],["clearly",1,[0,1]],["clique",1,[0,1]],["close",1,[0,2]],["closed",1,[0,1]],["closeness",1,[0,2]],["closer",1,[0,2]]]);
