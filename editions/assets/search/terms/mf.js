teieditionSearchLoaded("terms","mf",[["mfa",4,[0,2]]]);
