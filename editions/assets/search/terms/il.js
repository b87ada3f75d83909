teieditionSearchLoaded("terms","il",[["il",1,[0,16],2,[0,2],4,[0,6]],["illegible",1,[0,1]],["illusions",1,[0,1]],["ilsung",4,[0,1]]]);
