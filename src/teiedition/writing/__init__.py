"""Writing TEI: the document model to an lxml TEI tree, one module per part of the document.

``teiwriter.write_tei`` is the entry point; ``header`` (with ``source_desc`` and
``declarations``) writes ``teiHeader``, ``body`` (with ``frame`` for
opener/closer/postscript, ``lists`` and ``inline``) writes ``text``,
``standoff`` writes ``standOff``; ``elements`` holds what they all share.
"""
