teieditionSearchLoaded("terms","31",[["31",1,[0,2]]]);
