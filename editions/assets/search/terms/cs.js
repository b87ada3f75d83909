teieditionSearchLoaded("terms","cs",[["cssr",1,[0,1]]]);
