teieditionSearchLoaded("terms","en",[["end",1,[0,3]],["ending",1,[0,1]],["endured",1,[0,1]],["enemy",1,[0,1]],["entailed",1,[0,1]],["entered",1,[0,1]],["entire",1,[0,4]]]);
