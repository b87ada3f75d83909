teieditionSearchLoaded("terms","ho",[["hold",1,[0,1]],["holding",1,[0,3]],["how",1,[0,1]],["however",1,[0,7]]]);
