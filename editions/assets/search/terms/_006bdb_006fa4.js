teieditionSearchLoaded("terms","毛澤",[["毛澤東",4,[0,1]]]);
