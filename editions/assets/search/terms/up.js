teieditionSearchLoaded("terms","up",[["up",1,[0,1]],["upcoming",1,[0,1]],["upvm",1,[0,1],4,[0,1]]]);
