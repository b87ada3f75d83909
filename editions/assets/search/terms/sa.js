teieditionSearchLoaded("terms","sa",[["said",1,[0,1]],["same",1,[0,6]],["say",1,[0,1]]]);
