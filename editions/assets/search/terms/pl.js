teieditionSearchLoaded("terms","pl",[["place",1,[0,1]],["placed",1,[0,1]],["planning",4,[0,1]],["platform",1,[0,1]],["play",1,[0,1]],["played",1,[0,1]],["plenum",1,[0,4]],["plundering",1,[0,1]]]);
