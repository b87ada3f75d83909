teieditionSearchLoaded("terms","kw",[["kwp",1,[0,70],4,[0,8]]]);
