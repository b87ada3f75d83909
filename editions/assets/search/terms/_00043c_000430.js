teieditionSearchLoaded("terms","ма",[["мао",4,[0,1]]]);
