teieditionSearchLoaded("terms","au",[["august",1,[0,4]],["authority",1,[0,3]]]);
