teieditionSearchLoaded("terms","la",[["labor",1,[0,1]],["lack",1,[0,1]],["lager",1,[0,1]],["language",1,[0,1]],["large",1,[0,2]],["last",1,[0,4]],["latter",1,[0,2]]]);
