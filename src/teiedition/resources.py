"""Where the project's stylesheets and schemas are.

Why: the design keeps ``xslt/`` and ``schema/`` at the top of the repository,
but a wheel installed with ``pip install .`` has no repository around it.
pyproject maps both folders into the package (``teiedition/xslt``,
``teiedition/schema``), so the same code finds them in a checkout (editable
install), in an installed wheel, or where an environment variable points.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_dir(name: str, env: str) -> Path:
    """The folder ``name`` (``xslt`` or ``schema``): ``$env``, else the checkout's, else the packaged copy."""
    override = os.environ.get(env)
    if override:
        return Path(override)
    checkout = PACKAGE_DIR.parent.parent / name
    if (PACKAGE_DIR.parent.name == "src") and checkout.is_dir():
        return checkout
    return PACKAGE_DIR / name


XSLT_DIR = project_dir("xslt", "TEIEDITION_XSLT_DIR")
SCHEMA_DIR = project_dir("schema", "TEIEDITION_SCHEMA_DIR")

#: Third-party files shipped unmodified with the package (see third_party/README.md).
THIRD_PARTY_DIR = PACKAGE_DIR / "third_party"
#: The official TEI P5 tei_all.rng (4.12.0) and p5subset.xml (4.8.0): see third_party/tei/SOURCE.md.
TEI_ALL_RNG = THIRD_PARTY_DIR / "tei" / "tei_all.rng"
P5SUBSET = THIRD_PARTY_DIR / "tei" / "p5subset.xml"
#: The TEI Stylesheets' ODD processors and SchXslt2's transpiler.
TEI_STYLESHEETS_DIR = THIRD_PARTY_DIR / "tei-stylesheets"
SCHXSLT2_XSL = THIRD_PARTY_DIR / "schxslt2" / "transpile.xsl"
