teieditionSearchLoaded("terms","kw",[["kwp",1,[0,70]]]);
