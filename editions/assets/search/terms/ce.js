teieditionSearchLoaded("terms","ce",[["central",4,[0,7]],["centrist",1,[0,2]],["certain",1,[0,5]],["cessation",1,[0,2]]]);
