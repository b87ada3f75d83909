teieditionSearchLoaded("terms","af",[["affairs",1,[0,2]],["affirmed",1,[0,2]],["after",1,[0,8]]]);
