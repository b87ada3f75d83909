teieditionSearchLoaded("terms","gr",[["gradual",1,[0,1]],["gradually",1,[0,2]],["grants",1,[0,1]],["great",1,[0,6]],["group",1,[0,2]],["groups",1,[0,3]],["growing",1,[0,2]]]);
