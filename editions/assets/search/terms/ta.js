teieditionSearchLoaded("terms","ta",[["tactic",1,[0,1]],["tactical",1,[0,2]],["take",1,[0,7]],["takes",1,[0,1]],["taking",1,[0,1]],["task",1,[0,2]],["tasks",1,[0,2]]]);
