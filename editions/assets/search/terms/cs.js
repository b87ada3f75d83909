teieditionSearchLoaded("terms","cs",[["cssr",1,[0,1],4,[0,2]]]);
