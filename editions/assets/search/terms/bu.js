teieditionSearchLoaded("terms","bu",[["bucharest",1,[0,1],4,[0,1]],["budapest",1,[0,1],4,[0,1]],["bulletin",1,[0,1]],["bulwark",1,[0,1]],["burden",1,[0,1]],["but",1,[0,9]]]);
