teieditionSearchLoaded("terms","dp",[["dprk",1,[0,24],4,[0,1]]]);
