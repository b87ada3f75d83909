teieditionSearchLoaded("terms","ec",[["economic",1,[0,10]],["economically",1,[0,1]]]);
