teieditionSearchLoaded("terms","kc",[["kcna",4,[0,1]]]);
