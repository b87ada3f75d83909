teieditionSearchLoaded("terms","tu",[["tung",4,[0,1]],["turn",1,[0,3]],["turnabout",1,[0,1]],["turning",1,[0,2]]]);
