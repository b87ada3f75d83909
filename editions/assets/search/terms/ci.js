teieditionSearchLoaded("terms","ci",[["circumstances",1,[0,1]]]);
