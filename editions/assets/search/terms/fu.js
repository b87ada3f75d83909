teieditionSearchLoaded("terms","fu",[["fully",1,[0,1]],["fundamental",1,[0,1]],["future",1,[0,2]]]);
