teieditionSearchLoaded("terms","tr",[["trade",1,[0,1]],["translator",1,[0,17]],["treaty",1,[0,2]],["trust",1,[0,1]]]);
