teieditionSearchLoaded("terms","ou",[["ought",1,[0,1]],["our",1,[0,7]],["out",1,[0,1]],["outbreak",1,[0,1]]]);
