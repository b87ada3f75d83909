teieditionSearchLoaded("terms","ve",[["vengeful",1,[0,1]],["vertical",1,[0,10]],["very",1,[0,3]]]);
