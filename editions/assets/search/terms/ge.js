teieditionSearchLoaded("terms","ge",[["general",1,[0,1],4,[0,3]],["genuinely",1,[0,1]]]);
