teieditionSearchLoaded("terms","kn",[["known",1,[0,1]]]);
