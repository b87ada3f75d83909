teieditionSearchLoaded("terms","기",[["김일",4,[0,1]],["김일성",4,[0,1]]]);
