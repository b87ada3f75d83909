teieditionSearchLoaded("terms","id",[["idea",1,[0,3]],["ideological",1,[0,6]]]);
