teieditionSearchLoaded("terms","ob",[["objection",1,[0,1]],["observed",1,[0,2]],["obvious",1,[0,2]]]);
