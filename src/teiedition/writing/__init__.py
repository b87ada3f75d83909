"""Writing TEI: the document model to an lxml TEI tree, one function per node type."""
