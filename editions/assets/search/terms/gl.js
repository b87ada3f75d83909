teieditionSearchLoaded("terms","gl",[["global",1,[0,2]]]);
