teieditionSearchLoaded("terms","ge",[["general",1,[0,1]],["genuinely",1,[0,1]]]);
