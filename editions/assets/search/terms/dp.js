teieditionSearchLoaded("terms","dp",[["dprk",1,[0,24]]]);
