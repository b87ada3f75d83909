teieditionSearchLoaded("terms","cz",[["czechoslovak",4,[0,1]],["czechoslovakia",4,[0,1]]]);
