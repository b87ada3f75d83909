teieditionSearchLoaded("terms","ow",[["own",1,[0,3]]]);
