teieditionSearchLoaded("terms","te",[["technical",1,[0,1]],["technically",1,[0,1]],["telegraph",4,[0,1]],["tendencies",1,[0,2]],["term",1,[0,2]]]);
