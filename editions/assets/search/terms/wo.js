teieditionSearchLoaded("terms","wo",[["word",1,[0,1]],["words",1,[0,2]],["work",1,[0,3]],["worker",1,[0,8],4,[0,3]],["workers",4,[0,8]],["working",1,[0,1]],["world",1,[0,9]],["would",1,[0,7]]]);
