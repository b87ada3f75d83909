teieditionSearchLoaded("terms","jo",[["joint",1,[0,2]]]);
