teieditionSearchLoaded("terms","ke",[["keeps",1,[0,1]],["key",1,[0,1]]]);
