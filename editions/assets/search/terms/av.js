teieditionSearchLoaded("terms","av",[["avoid",1,[0,1]],["avoids",1,[0,1]]]);
