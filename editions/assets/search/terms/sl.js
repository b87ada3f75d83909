teieditionSearchLoaded("terms","sl",[["slanderous",1,[0,1]],["slogan",1,[0,2]],["slogans",1,[0,1]]]);
