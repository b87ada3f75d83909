teieditionSearchLoaded("terms","mo",[["modern",1,[0,6]],["more",1,[0,3]],["moscow",1,[0,8],4,[0,1]],["most",1,[0,4]],["move",1,[0,1]],["movement",0,[0,1],1,[0,29]]]);
