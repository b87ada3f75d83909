teieditionSearchLoaded("terms","or",[["or",1,[0,7]],["organizations",1,[0,1]],["orientation",1,[0,3]],["oriented",1,[0,1]]]);
