teieditionSearchLoaded("terms","yu",[["yu",1,[0,1],2,[0,1],4,[0,1]]]);
