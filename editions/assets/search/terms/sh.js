teieditionSearchLoaded("terms","sh",[["shao",4,[0,2]],["shaoqi",1,[0,1],2,[0,1],4,[0,1]],["sharp",1,[0,3]],["shift",1,[0,1]],["should",1,[0,1]],["show",1,[0,2]]]);
