teieditionSearchLoaded("terms","of",[["of",0,[0,3],1,[0,276],4,[0,23]],["off",1,[0,2]],["offered",1,[0,1]],["official",1,[0,1]]]);
