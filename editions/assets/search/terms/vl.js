teieditionSearchLoaded("terms","vl",[["vladivostok",1,[0,1],4,[0,1]]]);
