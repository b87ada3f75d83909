teieditionSearchLoaded("terms","fi",[["fidelity",1,[0,1]],["fight",1,[0,4]],["fighting",1,[0,1]],["file",1,[0,1]],["final",1,[0,4]],["find",1,[0,1]],["first",1,[0,2]],["five",1,[0,1]]]);
