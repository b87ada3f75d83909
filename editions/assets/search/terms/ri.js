teieditionSearchLoaded("terms","ri",[["right",1,[0,1]],["ripe",1,[0,1]]]);
