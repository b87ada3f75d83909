teieditionSearchLoaded("terms","刘少",[["刘少奇",4,[0,1]]]);
