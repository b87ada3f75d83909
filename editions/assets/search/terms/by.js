teieditionSearchLoaded("terms","by",[["by",1,[0,24]]]);
