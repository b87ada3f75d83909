teieditionSearchLoaded("terms","ev",[["evaluated",1,[0,1]],["eve",1,[0,1]],["even",1,[0,3]],["events",1,[0,1]],["evidently",1,[0,1]]]);
