teieditionSearchLoaded("terms","za",[["zashchitim",1,[0,1]]]);
