teieditionSearchLoaded("terms","vi",[["victory",1,[0,2]],["vietnam",1,[0,3]],["views",0,[0,1],1,[0,1]],["vindictive",1,[0,1]],["virtue",1,[0,1]],["visit",1,[0,2]],["visits",1,[0,1]]]);
