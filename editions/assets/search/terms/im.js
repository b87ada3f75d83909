teieditionSearchLoaded("terms","im",[["imperialism",1,[0,7]],["imperialist",1,[0,4]],["importance",1,[0,7]],["important",1,[0,6]],["improve",1,[0,1]]]);
