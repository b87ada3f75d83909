"""Rendering: XSLT 3.0 (saxonche) to the HTML edition and, through WeasyPrint, the print edition."""
