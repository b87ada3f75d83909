teieditionSearchLoaded("terms","gu",[["guidance",1,[0,1]],["guidelines",1,[0,1]]]);
