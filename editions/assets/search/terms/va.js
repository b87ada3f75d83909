teieditionSearchLoaded("terms","va",[["value",1,[0,1]],["various",1,[0,1]],["vasily",2,[0,1],4,[0,1]]]);
