teieditionSearchLoaded("terms","cc",[["cc",1,[0,13]]]);
