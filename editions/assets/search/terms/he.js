teieditionSearchLoaded("terms","he",[["he",1,[0,3]],["head",1,[0,2]],["headed",1,[0,2]],["heading",1,[0,1]],["heavy",1,[0,1]],["held",1,[0,3]],["here",1,[0,1]]]);
