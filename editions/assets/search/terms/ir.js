teieditionSearchLoaded("terms","ir",[["ir",4,[0,1]],["irritates",1,[0,1]]]);
