teieditionSearchLoaded("terms","pu",[["public",1,[0,3]],["publication",1,[0,1]],["published",1,[0,4]],["publishing",1,[0,1]],["pursued",1,[0,1]],["pushed",1,[0,1]],["put",1,[0,1]]]);
