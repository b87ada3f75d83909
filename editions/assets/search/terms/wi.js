teieditionSearchLoaded("terms","wi",[["will",1,[0,12]],["with",1,[0,62]],["withdrawing",1,[0,1]],["within",1,[0,1]],["without",1,[0,4]]]);
