teieditionSearchLoaded("terms","sh",[["shaoqi",1,[0,1],2,[0,1]],["sharp",1,[0,3]],["shift",1,[0,1]],["should",1,[0,1]],["show",1,[0,2]]]);
