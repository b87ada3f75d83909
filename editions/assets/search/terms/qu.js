teieditionSearchLoaded("terms","qu",[["question",1,[0,8]],["questions",0,[0,1],1,[0,5]],["quite",1,[0,3]],["quote",1,[0,1]]]);
