teieditionSearchLoaded("terms","as",[["as",1,[0,26]],["aspects",1,[0,1]],["assistance",4,[0,1]],["associated",1,[0,1]],["assure",1,[0,1]]]);
