teieditionSearchLoaded("terms","bi",[["big",1,[0,1]],["bilateral",1,[0,3]]]);
