teieditionSearchLoaded("terms","ир",[["ир",4,[0,2]]]);
