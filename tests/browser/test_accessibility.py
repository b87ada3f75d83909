"""The pages a reader gets, checked by the tools an accessibility reviewer uses.

axe-core (WCAG 2.0/2.1/2.2 A and AA rules) is injected with Playwright into
the HTML edition of the seed, of every dev-corpus page and into the
collection index and names pages (``entities/``) that ``build`` makes of
them; the Nu HTML checker (vnu.jar, run with java) reads the same files.  Both come from npm
(tests/browser/package.json), installed by .ci/run into
tests/browser/node_modules (or ``$TEIEDITION_NODE_MODULES``).  Missing
checkers skip these tests, unless TEIEDITION_REQUIRE_BROWSER=1 (CI), then fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import RUN_DATE, dev_documents, seed_documents

pytestmark = pytest.mark.browser

NODE_MODULES = Path(os.environ.get("TEIEDITION_NODE_MODULES", Path(__file__).resolve().parent / "node_modules"))
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The Nu checker's CSS grammar predates CSS Anchor Positioning (in Chromium since
# version 125), which places the margin marks beside their span without
# JavaScript.  Only its messages about those two properties and anchor() are set
# aside; every other message, CSS ones included, counts.
VNU_UNKNOWN_CSS = (r"CSS: “(anchor-name|position-anchor)”: Property “(anchor-name|position-anchor)” doesn't exist\..*"
                   r"|CSS: “(top|bottom)”: “anchor\((top|bottom)\)” is not a “(top|bottom)” value\..*")


def _need(path: Path, what: str) -> None:
    if not path.exists():
        message = f"{what} not found at {path} (npm install --prefix tests/browser)"
        if os.environ.get("TEIEDITION_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The seed and the dev corpus built as one collection (HTML only), as a reader would get it."""
    from teiedition.building.build import build

    src = tmp_path_factory.mktemp("a11y-src")
    for text in [*seed_documents(), *dev_documents()]:
        shutil.copy(text, src / text.name)
    out = tmp_path_factory.mktemp("a11y-site")
    assert build(src, out, jobs=2, pdf=False, run_date=RUN_DATE, progress=False) == 0
    # and the TEI of other projects (sourceDoc, standOff, apparatus, facsimile, drama), rendered beside them
    from htmlpage import FIXTURES, as_tree, renderer

    for sample in sorted((FIXTURES / "foreign-projects").glob("*.xml")) + sorted((FIXTURES / "foreign").glob("*.xml")):
        page = renderer().render(as_tree(sample), tei_href=sample.name)
        (out / f"foreign-{sample.stem}.html").write_text(page, encoding="utf-8")
    # and the public samples (a corpus, an inscription whose page links its IIIF manifest), as render writes them
    from teiedition.rendering.render import render

    for sample in sorted((FIXTURES / "public-samples").rglob("*.xml")):
        if sample.name == "ISic000001.xml":
            assert render(sample, target="iiif", output=out / f"public-{sample.stem}.manifest.json",
                          base_url="https://editions.example.org/") == 0
        if sample.name in ("test.xml", "test24.xml", "ISic000001.xml", "goethe-proserpina.xml"):
            assert render(sample, target="html", output=out / f"public-{sample.stem}.html") == 0
    return out


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def _checked_pages(site: Path) -> list[Path]:
    """The pages above, and the names pages: their index and the first page of each kind."""
    entities = site / "entities"
    firsts = [next(iter(sorted(entities.glob(f"{prefix}-*.html"))), None) for prefix in ("pers", "org", "place")]
    return [*_pages(site), entities / "index.html", *(p for p in firsts if p)]


def test_the_collection_has_every_page(site):
    names = {p.stem for p in _pages(site)}
    assert "index" in names
    assert {p.stem for p in [*seed_documents(), *dev_documents()]} <= names


AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary.split('\\n').slice(1, 2).join(''))}));
}"""


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_wcag_22_aa_violation(browser, site, width):
    _need(AXE, "axe-core")
    script = AXE.read_text(encoding="utf-8")
    found = {}
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        for page in _checked_pages(site):
            tab = context.new_page()
            tab.goto(page.as_uri())
            tab.wait_for_load_state("load")
            tab.add_script_tag(content=script)
            violations = tab.evaluate(AXE_RUN, WCAG_AA)
            if violations:
                found[str(page.relative_to(site))] = violations
            tab.close()
    finally:
        context.close()
    assert found == {}, json.dumps(found, indent=1)


@pytest.mark.slow
def test_the_nu_checker_finds_no_error(site):
    _need(VNU, "vnu.jar")
    if not shutil.which("java"):
        pytest.fail("java is needed for the Nu HTML checker")
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                          "--filterpattern", VNU_UNKNOWN_CSS, *map(str, _checked_pages(site))],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')[:80]}]"
              for m in messages if m.get("type") == "error"]
    assert errors == [], "\n".join(errors[:30])
