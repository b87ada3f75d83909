teieditionSearchLoaded("terms","cr",[["creating",1,[0,1]],["credo",1,[0,1]],["criterion",1,[0,1]],["criticism",1,[0,3]],["criticized",1,[0,2]],["cruder",1,[0,1]]]);
