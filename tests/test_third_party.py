"""The TEI sources ship inside the package, unmodified, with licence and source notes.

Why: a fresh clone or a ``pip install`` has no ``../shared/``; validate,
the ODD compiler and the tests must find tei_all.rng, p5subset.xml, the TEI
Stylesheets and SchXslt2 in the package itself.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from teiedition import resources
from teiedition.validating.validate import find_tei_all

THIRD = resources.THIRD_PARTY_DIR


@pytest.mark.parametrize("folder", ["tei", "tei-stylesheets", "schxslt2"])
def test_each_folder_has_its_licence_and_source_note(folder):
    names = {p.name for p in (THIRD / folder).iterdir()}
    assert "SOURCE.md" in names
    assert names & {"LICENCE", "LICENCE.md", "LICENSE"}


def test_recorded_checksums_match_the_shipped_files():
    """Every SHA-256 a SOURCE note records is the file's: nothing was edited after copying."""
    checked = 0
    for note in THIRD.glob("*/SOURCE.md"):
        text = note.read_text(encoding="utf-8")
        for block in re.split(r"\n## ", text):
            for digest in re.findall(r"SHA-256:?\s*([0-9a-f]{64})", block):
                names = re.findall(r"([\w.-]+\.(?:rng|xml|xsl))", block)
                shipped = [note.parent / n for n in names if (note.parent / n).is_file()]
                assert any(hashlib.sha256(p.read_bytes()).hexdigest() == digest for p in shipped), (note, digest)
                checked += 1
    assert checked >= 3


def test_versions_are_the_pinned_ones():
    assert "P5 Version 4.12.0" in " ".join(resources.TEI_ALL_RNG.read_text(encoding="utf-8")[:2000].split())
    head = resources.P5SUBSET.read_text(encoding="utf-8")[:2000]
    assert ">4.8.0</ref>" in head and "1f9891a87" in head
    assert (resources.TEI_STYLESHEETS_DIR / "VERSION").read_text().strip() == "7.57.0"
    for xsl in ("odds/odd2odd.xsl", "odds/odd2relax.xsl", "odds/extract-isosch.xsl"):
        assert (resources.TEI_STYLESHEETS_DIR / xsl).is_file()


def test_tei_all_is_found_in_the_package_without_shared_or_options(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TEIEDITION_TEI_ALL", raising=False)
    assert find_tei_all() == resources.TEI_ALL_RNG


@pytest.mark.slow
def test_the_wheel_carries_the_third_party_files(tmp_path):
    repo = resources.PACKAGE_DIR.parent.parent
    source = tmp_path / "source"  # a copy: building in the checkout would leave build/ behind
    for name in ("src", "xslt", "schema"):
        shutil.copytree(repo / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(repo / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                    "-w", str(tmp_path), str(source)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("teiedition-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("teiedition/third_party/tei/tei_all.rng", "teiedition/third_party/tei/p5subset.xml",
                   "teiedition/third_party/tei/LICENCE.md", "teiedition/third_party/tei-stylesheets/odds/odd2odd.xsl",
                   "teiedition/third_party/tei-stylesheets/common/functions.xsl",
                   "teiedition/third_party/tei-stylesheets/i18n.xml",
                   "teiedition/third_party/schxslt2/transpile.xsl", "teiedition/third_party/schxslt2/LICENSE"):
        assert needed in names, needed
