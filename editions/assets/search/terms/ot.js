teieditionSearchLoaded("terms","ot",[["other",1,[0,17]],["others",1,[0,1]]]);
