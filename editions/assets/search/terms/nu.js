teieditionSearchLoaded("terms","nu",[["number",1,[0,5]],["numerous",1,[0,1]]]);
