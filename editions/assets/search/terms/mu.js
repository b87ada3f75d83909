teieditionSearchLoaded("terms","mu",[["multilateral",1,[0,1]],["muted",1,[0,1]],["mutual",1,[0,1],4,[0,1]]]);
