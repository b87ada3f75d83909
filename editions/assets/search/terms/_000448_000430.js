teieditionSearchLoaded("terms","ша",[["шаоци",4,[0,1]]]);
