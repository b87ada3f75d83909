teieditionSearchLoaded("terms","vl",[["vladivostok",1,[0,1]]]);
