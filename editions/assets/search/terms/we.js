teieditionSearchLoaded("terms","we",[["we",1,[0,4]],["well",1,[0,1]],["were",1,[0,12]]]);
