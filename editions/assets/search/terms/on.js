teieditionSearchLoaded("terms","on",[["on",0,[0,1],1,[0,32]],["one",1,[0,7]],["only",1,[0,3]]]);
