teieditionSearchLoaded("terms","毛泽",[["毛泽东",4,[0,1]]]);
