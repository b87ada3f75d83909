teieditionSearchLoaded("terms","we",[["we",1,[0,4]],["were",1,[0,12]]]);
