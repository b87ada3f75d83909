teieditionSearchLoaded("terms","bo",[["boris",2,[0,1],4,[0,1]],["both",1,[0,1]]]);
