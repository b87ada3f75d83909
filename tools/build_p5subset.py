"""Rebuild the shipped ``p5subset.xml`` from the TEI Consortium's tagged source.

Why: the p5subset.xml that TEI publishes in its release zip could not be
reached from here, but it is only build output.  TEI's own Makefile makes it
in two XSLT steps (``P5/antbuilder.xml``, targets ``base`` and ``subset``):
``Utilities/expand.xsl`` on ``Source/guidelines-en.xml`` gives ``p5.xml``
(XIncludes resolved, version, date and revision filled from ``VERSION`` and
``repodate.xml``), then ``Utilities/subset.xsl`` gives ``p5subset.xml``.  This
script runs both stylesheets unchanged with saxonche on a checkout of the
TEIC/TEI repository at a release tag and writes ``repodate.xml`` exactly as the
Makefile's ``git log`` line does.

Usage: python tools/build_p5subset.py TEI_CHECKOUT OUT.xml
(TEI_CHECKOUT is the root of a TEIC/TEI work tree at tag P5_Release_X.Y.Z)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from saxonche import PySaxonProcessor


def main(checkout: str, out: str) -> None:
    p5 = Path(checkout).resolve() / "P5"
    info = subprocess.run(["git", "-C", str(p5), "log", "--max-count=1",
                           '--pretty=format:<info type="git"><entry><commit revision="%h"><date>%ai</date>'
                           "</commit></entry></info>"], capture_output=True, text=True, check=True).stdout
    (p5 / "repodate.xml").write_text(info, encoding="utf-8")
    with PySaxonProcessor(license=False) as proc:
        xslt = proc.new_xslt30_processor()
        expand = xslt.compile_stylesheet(stylesheet_file=str(p5 / "Utilities" / "expand.xsl"))
        expand.transform_to_file(source_file=str(p5 / "Source" / "guidelines-en.xml"), output_file=str(p5 / "p5.xml"))
        subset = xslt.compile_stylesheet(stylesheet_file=str(p5 / "Utilities" / "subset.xsl"))
        subset.transform_to_file(source_file=str(p5 / "p5.xml"), output_file=str(Path(out).resolve()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-2])
    main(sys.argv[1], sys.argv[2])
