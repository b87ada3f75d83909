teieditionSearchLoaded("terms","бр",[["брежнев",4,[0,2]]]);
