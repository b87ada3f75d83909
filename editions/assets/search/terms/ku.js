teieditionSearchLoaded("terms","ku",[["kurt",2,[0,1],4,[0,1]],["kuznetsov",1,[0,1],2,[0,1],4,[0,2]]]);
