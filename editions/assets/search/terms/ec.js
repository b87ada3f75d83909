teieditionSearchLoaded("terms","ec",[["economic",1,[0,10],4,[0,1]],["economically",1,[0,1]]]);
