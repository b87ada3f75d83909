"""teiedition: TEI P5 editions of archival translations.

Stages, one module each: ``source`` (read plain text), ``recognise`` (find the
archive's conventions), ``teiwriter`` (write TEI), ``validate``, ``render``,
``build``.  The CLI in ``cli`` is a thin layer over these.
"""

__version__ = "0.1.0"
