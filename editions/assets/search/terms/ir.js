teieditionSearchLoaded("terms","ir",[["irritates",1,[0,1]]]);
