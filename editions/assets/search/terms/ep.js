teieditionSearchLoaded("terms","ep",[["epoch",1,[0,1]]]);
