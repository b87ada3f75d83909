teieditionSearchLoaded("terms","em",[["embassy",0,[0,1]],["embittered",1,[0,1]],["emphasizing",1,[0,1]]]);
