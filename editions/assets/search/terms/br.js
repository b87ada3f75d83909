teieditionSearchLoaded("terms","br",[["brezhnev",1,[0,1],2,[0,1],4,[0,4]],["broad",1,[0,1]],["brought",1,[0,1]]]);
