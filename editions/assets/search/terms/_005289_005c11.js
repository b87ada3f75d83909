teieditionSearchLoaded("terms","劉少",[["劉少奇",4,[0,1]]]);
