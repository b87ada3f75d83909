teieditionSearchLoaded("terms","ru",[["rupture",1,[0,1]],["rusakov",1,[0,1],2,[0,1],4,[0,3]]]);
