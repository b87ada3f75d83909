teieditionSearchLoaded("terms","ar",[["arch",1,[0,1]],["archives",1,[0,1]],["are",1,[0,10]],["area",1,[0,1]],["arena",1,[0,5]],["armed",1,[0,1]],["article",1,[0,5]],["articles",1,[0,2]]]);
