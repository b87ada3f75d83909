teieditionSearchLoaded("terms","if",[["if",1,[0,2]]]);
