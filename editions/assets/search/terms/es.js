teieditionSearchLoaded("terms","es",[["especially",1,[0,2]],["essentially",1,[0,5]]]);
