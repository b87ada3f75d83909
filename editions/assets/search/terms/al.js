teieditionSearchLoaded("terms","al",[["all",1,[0,8]],["alliance",1,[0,1]],["ally",1,[0,1]],["almost",1,[0,1]],["along",1,[0,2]],["also",1,[0,7]],["although",1,[0,4]]]);
