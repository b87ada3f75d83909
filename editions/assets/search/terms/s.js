teieditionSearchLoaded("terms","s",[["s",1,[0,34]]]);
