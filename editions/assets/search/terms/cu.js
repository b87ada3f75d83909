teieditionSearchLoaded("terms","cu",[["cuba",1,[0,2],4,[0,3]],["cult",1,[0,2]],["cultural",1,[0,3]],["current",1,[0,1]],["curtailing",1,[0,1]]]);
