teieditionSearchLoaded("terms","cd",[["cde",1,[0,3]]]);
