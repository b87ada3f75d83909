"""teiedition: TEI P5 editions of archival translations.

Stages, one folder each: ``reading`` (the page's zones, plain text), ``recognising``
(the archive's conventions, zone by zone), ``transforms``, ``writing`` (TEI, entry
point ``writing.teiwriter.write_tei``), ``validating``, ``rendering``, ``building``;
``convert`` wires the converter's stages.  The CLI in ``cli`` is a thin layer over these.
"""

__version__ = "0.1.0"
