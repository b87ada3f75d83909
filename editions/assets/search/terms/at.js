teieditionSearchLoaded("terms","at",[["at",1,[0,20]],["attacks",1,[0,2]],["attempt",1,[0,1]],["attention",1,[0,1]],["attitude",1,[0,1]]]);
