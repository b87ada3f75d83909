teieditionSearchLoaded("terms","ag",[["again",1,[0,2]],["against",1,[0,9]],["agency",4,[0,2]],["aggravation",1,[0,1]],["aggression",1,[0,2]],["ago",1,[0,1]],["agreement",1,[0,2]]]);
