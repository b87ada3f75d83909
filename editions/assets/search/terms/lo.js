teieditionSearchLoaded("terms","lo",[["long",1,[0,2]],["longer",1,[0,2]],["losing",1,[0,1]],["loud",1,[0,1]]]);
