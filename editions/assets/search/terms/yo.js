teieditionSearchLoaded("terms","yo",[["young",1,[0,1]]]);
