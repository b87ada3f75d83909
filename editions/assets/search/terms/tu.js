teieditionSearchLoaded("terms","tu",[["turn",1,[0,3]],["turnabout",1,[0,1]],["turning",1,[0,2]]]);
