teieditionSearchLoaded("terms","sp",[["special",1,[0,2]],["specific",1,[0,1]],["speech",1,[0,1]],["spite",1,[0,3]],["split",1,[0,3]],["spoil",1,[0,1]],["spoke",1,[0,1]]]);
