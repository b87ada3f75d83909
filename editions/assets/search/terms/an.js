teieditionSearchLoaded("terms","an",[["an",1,[0,22]],["and",0,[0,1],1,[0,184]],["anniversary",1,[0,1]],["another",1,[0,2]],["anti",1,[0,6]],["any",1,[0,6]],["anyone",1,[0,2]]]);
