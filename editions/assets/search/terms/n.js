teieditionSearchLoaded("terms","n",[["n",1,[0,1],2,[0,1],4,[0,2]]]);
