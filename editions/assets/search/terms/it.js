teieditionSearchLoaded("terms","it",[["it",1,[0,35]],["its",1,[0,14]],["itself",1,[0,2]]]);
