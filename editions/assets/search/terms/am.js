teieditionSearchLoaded("terms","am",[["ambassador",1,[0,1]],["american",1,[0,3]],["among",1,[0,4]]]);
