teieditionSearchLoaded("terms","br",[["brezhnev",1,[0,1],2,[0,1]],["broad",1,[0,1]],["brought",1,[0,1]]]);
