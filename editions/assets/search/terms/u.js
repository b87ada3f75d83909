teieditionSearchLoaded("terms","u",[["u",4,[0,1]]]);
