teieditionSearchLoaded("terms","go",[["go",1,[0,1]],["goal",1,[0,1]],["goals",1,[0,1]],["government",1,[0,7]]]);
