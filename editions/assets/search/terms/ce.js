teieditionSearchLoaded("terms","ce",[["centrist",1,[0,2]],["certain",1,[0,5]],["cessation",1,[0,2]]]);
