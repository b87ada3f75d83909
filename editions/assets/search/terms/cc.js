teieditionSearchLoaded("terms","cc",[["cc",1,[0,13],4,[0,8]]]);
