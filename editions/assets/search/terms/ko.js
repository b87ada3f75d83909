teieditionSearchLoaded("terms","ko",[["konstantin",2,[0,1],4,[0,1]],["korea",0,[0,1],1,[0,5],4,[0,9]],["korean",0,[0,1],1,[0,41],4,[0,5]],["koreans",1,[0,1]]]);
