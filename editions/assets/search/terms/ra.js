teieditionSearchLoaded("terms","ra",[["rally",1,[0,1]],["ranks",1,[0,1]],["rarely",1,[0,1]]]);
