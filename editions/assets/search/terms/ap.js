teieditionSearchLoaded("terms","ap",[["apart",1,[0,1]],["appeals",1,[0,1]],["appeared",1,[0,1]],["appendage",1,[0,1]],["approach",1,[0,6]],["approaches",1,[0,1]],["april",1,[0,5]]]);
