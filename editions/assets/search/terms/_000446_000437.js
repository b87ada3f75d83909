teieditionSearchLoaded("terms","цз",[["цзэдун",4,[0,1]]]);
