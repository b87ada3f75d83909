teieditionSearchLoaded("terms","oc",[["occasion",1,[0,1]],["occur",1,[0,1]],["occurred",1,[0,2]],["october",1,[0,8]]]);
