teieditionSearchLoaded("terms","s",[["s",1,[0,34],4,[0,7]]]);
