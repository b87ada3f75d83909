teieditionSearchLoaded("terms","ti",[["tied",1,[0,1]],["ties",1,[0,11]],["time",1,[0,10]],["timeframe",1,[0,1]],["times",1,[0,4]]]);
