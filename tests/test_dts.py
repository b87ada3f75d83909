"""DTS 1.0 as static files: the citation tree, the answers, the layout, and the official validator.

The validator (distributed-text-services/validator, kept in ../shared/dts-validator)
is run against a loopback HTTP server serving a real build: 127.0.0.1 only,
started and stopped by the test.  It is skipped when the validator is not
installed, unless TEIEDITION_REQUIRE_DTS_VALIDATOR=1 (CI), then failed.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from lxml import etree
from uritemplate import URITemplate

from conftest import DEV_CORPUS, RUN_DATE, SEEDS, SHARED
from teiedition.building.build import run_build
from teiedition.errors import InputError
from teiedition.building.dts import _shared_files, dts_share  # the share's check, tested alone
from teiedition.building.dts import (CitationError, CitationTree, Published, Site, citation_tree, document_files,
                                     navigation_members, normalise_base, write_dts)

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
VALIDATOR = SHARED / "dts-validator"

SMALL = f"""<TEI xmlns="{TEI}"><teiHeader><encodingDesc><refsDecl>
<citeStructure unit="section" match="/TEI/text/body/div" use="position()">
<citeStructure unit="paragraph" match="p" use="position()" delim="."/></citeStructure>
</refsDecl></encodingDesc></teiHeader><text><body>
<div><p xml:id="p1">First.</p><p xml:id="p2">Second.</p><p xml:id="p3">Third.</p></div>
<div type="attachment"><head>Annex</head><p xml:id="p4">Fourth.</p></div>
</body></text></TEI>"""


@pytest.fixture(scope="module")
def small() -> CitationTree:
    return citation_tree(SMALL)


def ids(units) -> list[str]:
    """Identifiers of units, or of CitableUnit objects of an answer."""
    return [u["identifier"] if isinstance(u, dict) else u.identifier for u in units]


# --------------------------------------------------------------------------- the citation tree

def test_citation_tree_follows_the_declared_cite_structure(small):
    assert ids(small.units) == ["1", "1.1", "1.2", "1.3", "2", "2.1"]
    assert [u.level for u in small.units] == [1, 2, 2, 2, 1, 2]
    assert [u.parent for u in small.units] == [None, "1", "1", "1", None, "2"]
    assert small.get("2.1").cite_type == "paragraph" and small.get("2").cite_type == "section"
    assert small.get("1.2").anchor == "p2"
    assert small.structure == [{"@type": "CiteStructure", "citeType": "section",
                                "citeStructure": [{"@type": "CiteStructure", "citeType": "paragraph"}]}]


def test_a_unit_keeps_its_whole_element(small):
    fragment = etree.fromstring(small.get("2").xml)
    assert fragment.tag == f"{{{TEI}}}div" and fragment.get("type") == "attachment"
    assert "".join(fragment.itertext()) == "AnnexFourth."


def test_without_refs_decl_there_is_no_tree():
    tree = citation_tree(f'<TEI xmlns="{TEI}"><text><body><p>x</p></body></text></TEI>')
    assert tree.units == [] and tree.structure == []


def test_a_broken_xpath_is_a_clear_error():
    bad = SMALL.replace('match="p"', 'match="p[["')
    with pytest.raises(CitationError, match="cannot be evaluated"):
        citation_tree(bad)


@pytest.mark.parametrize("call", ["unparsed-text('file:///etc/hostname')", "string(doc('file:///etc/hostname'))",
                                  "unparsed-text('http://127.0.0.1:9/x')"])
def test_the_documents_xpath_cannot_read_files_or_the_network(call):
    bad = SMALL.replace('use="position()" delim="."', f'use="{call}" delim="."')
    with pytest.raises(CitationError, match="cannot be evaluated"):
        citation_tree(bad)


def test_an_identifier_unfit_for_a_path_is_refused():
    bad = SMALL.replace('use="position()" delim="."', 'use="\'a/b\'" delim="."')
    with pytest.raises(CitationError, match="static path"):
        citation_tree(bad)


# --------------------------------------------------------------------------- navigation answers

def test_down_from_the_root(small):
    assert ids(navigation_members(small, down=1)) == ["1", "2"]
    assert ids(navigation_members(small, down=2)) == ids(small.units)
    assert ids(navigation_members(small, down=-1)) == ids(small.units)


def test_ref_without_down_has_no_member(small):
    assert navigation_members(small, ref="1.2") is None


def test_down_zero_gives_the_siblings(small):
    assert ids(navigation_members(small, ref="1.2", down=0)) == ["1.1", "1.2", "1.3"]
    assert ids(navigation_members(small, ref="2", down=0)) == ["1", "2"]


def test_ref_and_down(small):
    assert ids(navigation_members(small, ref="1", down=1)) == ["1", "1.1", "1.2", "1.3"]
    assert ids(navigation_members(small, ref="1.3", down=-1)) == ["1.3"]


def test_ranges(small):
    assert ids(navigation_members(small, start="1", end="2", down=1)) == ids(small.units)
    assert ids(navigation_members(small, start="1.2", end="2.1", down=-1)) == ["1.2", "1.3", "2.1"]
    assert navigation_members(small, start="1", end="2") is None


@pytest.mark.parametrize("query, error", [
    ({}, ValueError), ({"down": 0}, ValueError), ({"ref": "1", "start": "1", "end": "2"}, ValueError),
    ({"start": "1"}, ValueError), ({"ref": "9"}, LookupError), ({"start": "2", "end": "1", "down": 1}, LookupError),
])
def test_what_the_spec_calls_an_error(small, query, error):
    with pytest.raises(error):
        navigation_members(small, **query)


def _variables(template: str) -> set[str]:
    return set(URITemplate(template).variable_names)


NAV = "https://example.org/ed/dts/doc/navigation.jsonld"


def test_every_answer_sits_where_its_template_expands(small, tmp_path):
    """Issue 19: whatever a client asks through the templates reaches a file, and the file holds its answer."""
    site = Site(tmp_path, "https://example.org/ed/")
    doc = Published("doc", "k", "A title", "1969-06-09")
    files = dict(document_files(site, doc, b"<TEI/>", small))
    for url, data in files.items():
        path = site.path(url)
        assert path.is_relative_to(tmp_path / "dts" / "doc")
        if url.endswith(".jsonld"):
            answer = json.loads(data)
            assert answer.get("@id") in (url, "doc")
    by_path = {site.path(url): data for url, data in files.items()}
    resource = json.loads(files[site.url("{+base}dts{/id}/collection{;nav,page}.jsonld", id="doc")])
    nav, document = URITemplate(resource["navigation"]), URITemplate(resource["document"])
    assert {"ref", "start", "end"} <= set(nav.variable_names) and {"ref", "start", "end"} <= set(document.variable_names)
    queries = [{"down": 1}, {"down": 2}, {"down": -1}, {"ref": "1", "down": 1}, {"ref": "1.2", "down": 0},
               {"ref": "2.1"}, {"start": "1.2", "end": "2.1", "down": -1}, {"start": "1", "end": "2"}]
    for query in queries:  # every query reaches the one file, and its answer is in it
        answer = json.loads(by_path[site.path(nav.expand(**query))])
        got = ids(answer["member"])
        want = navigation_members(small, **query) or [small.get(query.get("ref") or query["start"])]
        assert set(ids(want)) <= set(got), query
        assert by_path[site.path(document.expand(**{k: v for k, v in query.items() if k != "down"}))] == b"<TEI/>"
    whole = json.loads(by_path[site.path(nav.expand())])
    assert whole["@id"] == nav.expand(start="1", end="2", down=-1)  # the query it answers exactly
    assert ids(whole["member"]) == ids(navigation_members(small, start="1", end="2", down=-1)) == ids(small.units)
    assert whole["start"]["identifier"] == "1" and whole["end"]["identifier"] == "2"
    assert [(m["level"], m["parent"]) for m in whole["member"]] == \
        [(1, None), (2, "1"), (2, "1"), (2, "1"), (1, None), (2, "2")]


def test_a_document_without_citation_tree_answers_with_no_member(tmp_path):
    """The spec: a Resource without citation tree answers every Navigation request with an empty member."""
    site = Site(tmp_path, "https://example.org/ed/")
    files = dict(document_files(site, Published("doc", "k", "T"), b"<TEI/>", CitationTree()))
    [navigation] = [json.loads(d) for u, d in files.items() if "/navigation" in u]
    assert navigation["member"] == [] and navigation["@id"] == "https://example.org/ed/dts/doc/navigation.jsonld"


def _tei(sections: int, paragraphs: int) -> str:
    """A document of ``sections`` top-level divs of ``paragraphs`` paragraphs each, with the converter's refsDecl."""
    body = "".join("<div>" + "".join(f"<p>Paragraph {s}.{n} says something of some length.</p>"
                                     for n in range(1, paragraphs + 1)) + "</div>" for s in range(1, sections + 1))
    return SMALL.split("<text>")[0] + f"<text><body>{body}</body></text></TEI>"


def _answers(tei: str) -> dict[str, bytes]:
    site = Site(Path("/nowhere"), "https://example.org/ed/")
    return dict(document_files(site, Published("doc", "k", "T"), tei.encode(), citation_tree(tei)))


def test_a_long_document_gets_a_few_answers_linear_in_its_size():
    """Issue 22 item 1: every paragraph's answer listed every sibling (quadratic: 1 MB -> 1.5 GB)."""
    small, large = _tei(1, 200), _tei(1, 2000)
    for tei in (small, large):
        answers = _answers(tei)
        assert len(answers) + 1 <= 10  # + the nav=parents answer written with the collections
    ratio = sum(map(len, _answers(large).values())) / sum(map(len, _answers(small).values()))
    assert ratio < 11  # 10x the paragraphs, about 10x the bytes
    assert sum(map(len, _answers(large).values())) < 8 * len(large)  # tiny paragraphs: mostly unit records


@pytest.mark.parametrize("sections", [1, 10, 200])
def test_at_most_ten_files_whatever_the_number_of_sections(sections):
    """Issue 19: a file per section (406 files for 200 signature blocks), more than static hosts take."""
    answers = _answers(_tei(sections, 2))
    assert len(answers) + 1 <= 10  # + the nav=parents answer written with the collections
    whole = json.loads(next(data for url, data in answers.items() if url.startswith(NAV)))
    assert [m["identifier"] for m in whole["member"] if m["level"] == 1] == [str(s) for s in range(1, sections + 1)]
    assert len(whole["member"]) == 3 * sections


def test_a_deep_citation_tree_stays_within_ten_files():
    """Seven levels: still one Navigation file, down to the deepest unit."""
    nested = "".join('<citeStructure unit="level" match="div" use="position()" delim=".">' for _ in range(6))
    structure = ('<citeStructure unit="level" match="/TEI/text/body/div" use="position()">' + nested
                 + "</citeStructure>" * 7)
    body = "<div>" * 7 + "<p>Deep.</p>" + "</div>" * 7
    tei = (f'<TEI xmlns="{TEI}"><teiHeader><encodingDesc><refsDecl>{structure}</refsDecl></encodingDesc>'
           f"</teiHeader><text><body>{body}</body></text></TEI>")
    answers = _answers(tei)
    assert citation_tree(tei).depth == 7 and len(answers) + 1 <= 10
    whole = json.loads(next(data for url, data in answers.items() if url.startswith(NAV)))
    assert ids(whole["member"])[-1] == "1.1.1.1.1.1.1"


def test_many_top_level_units_stay_linear():
    """Issue 22 item 2: 200 enclosures gave every (start, end) pair an answer holding the units between (cubic)."""
    size = {}
    for k in (20, 200):
        tei = _tei(k, 2)
        size[k] = sum(map(len, _answers(tei).values()))
        assert size[k] < 3 * len(tei) + 2000 * k  # the text once, and each unit listed in a few answers
    assert size[200] / size[20] < 11


def test_the_time_limit_bounds_a_documents_answers(tmp_path):
    """Issue 22 item 1: --time-limit did not cover the DTS pass; past it a document gets no answers, others do."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "long.xml").write_text(_tei(1, 100_000), encoding="utf-8")
    (out / "short.xml").write_text(SMALL, encoding="utf-8")
    entries = [{"id": name, "status": "valid", "outputs": [f"{name}.xml"], "key": "k"} for name in ("long", "short")]
    warnings: list[str] = []
    write_dts(out, entries, warn=warnings.append, time_limit=0.5)  # long: about 2 s even warm; short: milliseconds (warm by then)
    assert [w for w in warnings if w.startswith("long.xml: warning: no DTS answers") and "time limit" in w]
    assert not (out / "dts" / "long").exists() and (out / "dts" / "short" / "navigation.jsonld").is_file()
    root = json.loads((out / "dts" / "archive-none" / "collection.jsonld").read_text())
    assert [m["@id"] for m in root["member"]] == ["short"]


@pytest.mark.parametrize("given, base", [(None, "/"), ("/ed", "/ed/"), ("https://x.org/a/", "https://x.org/a/")])
def test_base_url_is_normalised(given, base):
    assert normalise_base(given) == base


@pytest.mark.parametrize("bad", ["ed/", "ftp://x.org/", "https://x.org/?a=1"])
def test_a_bad_base_url_is_a_usage_error(bad, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), src)
    with pytest.raises(InputError, match="--base-url") as caught:
        run_build(src, tmp_path / "out", base_url=bad, progress=False, stream=io.StringIO())
    assert caught.value.exit_code == 2
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- a real build

def _sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for path in sorted(SEEDS.glob("*.txt")) + sorted(DEV_CORPUS.glob("*.txt"))[:2]:
        shutil.copy(path, src / path.name)
    return src


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".jsonld": "application/ld+json", ".xml": "application/tei+xml"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A build of the seed and two dev documents, served on 127.0.0.1 (the base URL names the port)."""
    root = tmp_path_factory.mktemp("dts")
    out = root / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    stream = io.StringIO()
    summary = run_build(_sources(root), out, jobs=1, pdf=False, run_date=RUN_DATE, progress=False,
                        stream=stream, base_url=base)
    assert summary.built >= 2 and not summary.failed, stream.getvalue()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out, base, root / "src"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_build_writes_the_four_endpoints(served):
    out, base, _ = served
    entry = json.loads((out / "dts" / "entry.jsonld").read_text())
    assert entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0"
    root = json.loads((out / "dts" / "collection.jsonld").read_text())
    assert root["@id"] == "index" and root["totalChildren"] == len(root["member"]) >= 1
    archives = [m["@id"] for m in root["member"]]
    assert all(a.startswith("archive-") for a in archives)
    seed = next(SEEDS.glob("*.txt")).stem
    resource = json.loads((out / "dts" / seed / "collection.jsonld").read_text())
    assert resource["@type"] == "Resource" and resource["citationTrees"][0]["citeStructure"]
    assert (out / "dts" / seed / "document.xml").read_bytes() == (out / f"{seed}.xml").read_bytes()


def test_paragraph_refs_match_the_tei_paragraphs(served):
    out, _, _ = served
    seed = next(SEEDS.glob("*.txt")).stem
    tei = etree.parse(str(out / f"{seed}.xml"))
    paragraphs = tei.xpath("/t:TEI/t:text/t:body/t:div[1]//t:p[not(ancestor::t:note or ancestor::t:p)]", namespaces=NS)
    nav = json.loads((out / "dts" / seed / "navigation.jsonld").read_text())
    refs = [m["identifier"] for m in nav["member"] if m["parent"] == "1"]
    assert refs == [f"1.{i}" for i in range(1, len(paragraphs) + 1)]


def test_at_most_ten_files_per_document(served):
    """Issue 19: ~97 files per document (1.05 million at 10,000 documents), more than static hosts accept."""
    out, _, src = served
    for source in src.glob("*.txt"):
        files = [p for p in (out / "dts" / source.stem).rglob("*") if p.is_file()]
        assert 4 <= len(files) <= 10, (source.name, sorted(str(p) for p in files))


def test_requests_by_template_get_the_right_answers(served):
    import urllib.request

    out, base, _ = served
    entry = json.loads(urllib.request.urlopen(base + "dts/entry.jsonld", timeout=10).read())
    seed = next(SEEDS.glob("*.txt")).stem
    template = URITemplate(entry["navigation"])
    url = template.expand(resource=seed, ref="1", down=1)
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/ld+json"
        answer = json.loads(response.read())
    assert answer["@id"] == template.expand(resource=seed, start="1", end="1", down=-1)  # what it answers exactly
    assert [m["identifier"] for m in answer["member"][:3]] == ["1", "1.1", "1.2"]
    passage = URITemplate(entry["document"]).expand(resource=seed, ref="1.2")
    assert _get(passage) == (out / f"{seed}.xml").read_bytes()  # the whole TEI holds the passage


def _validate(entry: str, tmp_path: Path) -> None:
    """Run the official DTS validator against ``entry``: 0 failures, 0 errors, its endpoint tests run."""
    if importlib.util.find_spec("dts_validator") is None or not (VALIDATOR / "tests").is_dir():
        if os.environ.get("TEIEDITION_REQUIRE_DTS_VALIDATOR") == "1":
            pytest.fail(f"the DTS validator is required but not installed (pip install {VALIDATOR})")
        pytest.skip(f"DTS validator not installed (pip install {VALIDATOR})")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", str(VALIDATOR / "tests"), f"--entry-endpoint={entry}",
         "-p", "no:cacheprovider", "-p", "no:xdist", "-o", "log_cli=false", "-q", "-rfEs",
         f"--rootdir={VALIDATOR}", f"--junitxml={tmp_path / 'dts.xml'}"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)
    report = etree.parse(str(tmp_path / "dts.xml")).getroot()
    suite = report if report.tag == "testsuite" else report[0]
    failures, errors = int(suite.get("failures")), int(suite.get("errors"))
    tests, skipped = int(suite.get("tests")), int(suite.get("skipped"))
    assert run.returncode == 0 and failures == 0 and errors == 0, run.stdout[-3000:]
    assert tests - skipped >= 15, run.stdout[-3000:]  # the endpoint tests ran, not only skipped


def test_the_official_dts_validator_passes_with_no_failure(served, tmp_path):
    _validate(f"{served[1]}dts/entry.jsonld", tmp_path)


@pytest.mark.parametrize("name, sections, paragraphs", [("200 enclosures ü#", 200, 2),
                                                        ("long report ü #2", 1, 10_000)])
def test_the_validator_passes_on_many_sections_and_a_long_document(tmp_path, name, sections, paragraphs):
    """Issue 19: ten files per document at most, and the validator (which picks this document) still passes."""
    out = tmp_path / "site"
    out.mkdir()
    (out / f"{name}.xml").write_text(_tei(sections, paragraphs), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    write_dts(out, [{"id": name, "status": "valid", "outputs": [f"{name}.xml"], "key": "k"}], base_url=base)
    files = [p for p in out.joinpath("dts").iterdir() if p.is_dir() and p.name not in ("index", "archive-none")]
    assert len(files) == 1 and len([p for p in files[0].rglob("*") if p.is_file()]) <= 10
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _validate(f"{base}dts/entry.jsonld", tmp_path)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# --------------------------------------------------------------------------- incremental

def test_unchanged_build_rewrites_nothing_and_removed_documents_go(tmp_path):
    src = _sources(tmp_path)
    out = tmp_path / "out"
    options = dict(jobs=1, pdf=False, run_date=RUN_DATE, progress=False)
    run_build(src, out, stream=io.StringIO(), **options)
    folders = sorted(p.name for p in (out / "dts").iterdir() if p.is_dir())
    stamp = {p: p.stat().st_mtime_ns for p in (out / "dts").rglob("*") if p.is_file()}
    run_build(src, out, stream=io.StringIO(), **options)
    assert {p: p.stat().st_mtime_ns for p in (out / "dts").rglob("*") if p.is_file()} == stamp
    gone = sorted(src.glob("dev*.txt"))[0]
    gone.unlink()
    run_build(src, out, stream=io.StringIO(), **options)
    now = sorted(p.name for p in (out / "dts").iterdir() if p.is_dir())
    assert gone.stem in folders and gone.stem not in now
    root = json.loads((out / "dts" / "collection.jsonld").read_text())
    assert sum(m["totalChildren"] for m in root["member"]) == len(list(src.glob("*.txt")))
    assert not list((out / "dts").glob(".*.tmp"))


def test_a_new_base_url_rewrites_every_answer(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), src)
    out = tmp_path / "out"
    options = dict(jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO())
    run_build(src, out, base_url="https://a.example/", **options)
    run_build(src, out, base_url="https://b.example/ed/", **options)
    texts = [p.read_text() for p in (out / "dts").rglob("*.jsonld")]
    assert not any("a.example" in t for t in texts)
    assert all("https://b.example/ed/dts/" in t for t in texts if '"@type":"Navigation"' in t)


def test_a_forced_rebuild_with_a_new_run_date_refreshes_the_answers(tmp_path):
    """The build key leaves the run date out; the answers must still follow the rewritten TEI."""
    src = tmp_path / "src"
    src.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, src)
    out = tmp_path / "out"
    options = dict(jobs=1, pdf=False, progress=False, stream=io.StringIO())
    run_build(src, out, run_date="2026-01-01", **options)
    run_build(src, out, run_date="2026-02-02", force=True, **options)
    assert b'when="2026-02-02"' in (out / f"{seed.stem}.xml").read_bytes()
    assert (out / "dts" / seed.stem / "document.xml").read_bytes() == (out / f"{seed.stem}.xml").read_bytes()


def test_one_base_url_for_the_api_and_the_pages(tmp_path):
    """build --base-url (or $TEIEDITION_BASE_URL, as render reads it) sets the DTS base and each page's
    permanent URL; changing it rebuilds the pages; a path-only base leaves the pages without one."""
    from click.testing import CliRunner
    from teiedition.cli import main

    src = tmp_path / "src"
    src.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, src)
    out = tmp_path / "out"
    page = out / f"{seed.stem}.html"
    runner = CliRunner()
    common = ["build", str(src), "-o", str(out), "-j", "1", "--no-pdf", "--run-date", RUN_DATE, "--no-progress"]

    result = runner.invoke(main, common, env={"TEIEDITION_BASE_URL": "https://a.example/ed/"})
    assert result.exit_code == 0, result.output
    canonical = f'<link rel="canonical" href="https://a.example/ed/{seed.stem}.html"'
    assert canonical in page.read_text(encoding="utf-8")
    assert '"https://a.example/ed/dts/' in (out / "dts" / "entry.jsonld").read_text()

    result = runner.invoke(main, common + ["--base-url", "https://b.example/"], env={"TEIEDITION_BASE_URL": ""})
    assert result.exit_code == 0 and "1 built" in result.output, result.output
    html = page.read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://b.example/{seed.stem}.html"' in html and "a.example" not in html

    result = runner.invoke(main, common + ["--base-url", "/ed/"], env={"TEIEDITION_BASE_URL": ""})
    assert result.exit_code == 0 and "1 built" in result.output, result.output
    assert 'rel="canonical"' not in page.read_text(encoding="utf-8")
    assert '"/ed/dts/' in (out / "dts" / "entry.jsonld").read_text()


# --------------------------------------------------------------------------- names that are not URLs

HOSTILE = ["café report", "a#b", "what?", "100%", "x+y&z=1;w", "%41 stays"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The seed under hostile names, built with an http base URL and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("hostile")
    src, out = root / "src", root / "site"
    src.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    for name in HOSTILE:
        shutil.copy(seed, src / f"{name}.txt")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    base = f"http://127.0.0.1:{server.server_address[1]}/ed/"
    summary = run_build(src, out / "ed", jobs=1, pdf=False, run_date=RUN_DATE, progress=False,
                        stream=io.StringIO(), base_url=base)
    assert summary.built == len(HOSTILE) and not summary.failed
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out / "ed", base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _get(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.mark.parametrize("name", HOSTILE)
def test_permanent_url_and_canonical_link_are_encoded_once(hostile_site, name):
    """Issue 22 item 9: `café report.html` was published as `caf%25C3%25A9%2520report.html` (a 404)."""
    from urllib.parse import quote

    out, base = hostile_site
    html = (out / f"{name}.html").read_text(encoding="utf-8")
    expected = base + quote(f"{name}.html", safe="")
    page = etree.HTML(html.encode("utf-8"))
    assert page.xpath("//link[@rel='canonical']/@href") == [expected]
    assert expected in page.xpath("//div[contains(@class, 'permanent-url')]//a/@href")
    assert _get(expected) == (out / f"{name}.html").read_bytes()


def test_dts_ids_and_downloads_of_hostile_names_are_urls_that_answer(hostile_site):
    """Issue 22 item 9: DTS `download` URLs and `@id`s were written raw (5 of 16 hostile names gave 404s)."""
    import re

    out, base = hostile_site
    entry = json.loads(_get(base + "dts/entry.jsonld"))
    root = json.loads(_get(URITemplate(entry["collection"]).expand()))
    resources = []
    for archive in root["member"]:
        resources += json.loads(_get(URITemplate(entry["collection"]).expand(id=archive["@id"])))["member"]
    assert len(resources) == len(HOSTILE)
    by_name = {}
    for res in resources:
        assert re.fullmatch(r"(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})+", res["@id"]), res["@id"]  # a valid relative IRI
        tei = res["download"][0]
        by_name[tei] = res
        assert _get(URITemplate(entry["collection"]).expand(id=res["@id"]))  # found by its @id
        assert json.loads(_get(URITemplate(res["navigation"]).expand(down=-1)))["member"]
        assert _get(URITemplate(res["document"]).expand()).startswith(b"<?xml")
    for name in HOSTILE:
        from urllib.parse import quote

        url = base + quote(f"{name}.xml", safe="")
        assert url in by_name, sorted(by_name)
        assert _get(url) == (out / f"{name}.xml").read_bytes()


def test_build_passes_its_time_limit_to_the_dts_pass(tmp_path, monkeypatch):
    """`build --time-limit` covers the collection's DTS pass, not only each document's conversion."""
    import teiedition.building.build as buildmod
    import teiedition.building.dts as dts

    seen = {}
    real = dts.write_dts

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(buildmod, "write_dts", spy)  # the name build calls
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), src)
    run_build(src, tmp_path / "out", jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO(),
              time_limit=123)
    assert seen["time_limit"] == 123


def test_units_come_in_document_order_whatever_the_declared_order():
    """Sibling structures or matches out of order are sorted; the converter's tree needs no sorting."""
    swapped = SMALL.replace('match="/TEI/text/body/div"', 'match="/TEI/text/body/div[2], /TEI/text/body/div[1]"')
    tree = citation_tree(swapped)
    assert ids(tree.units) == ["2", "2.1", "2.2", "2.3", "1", "1.1"]  # div[1] is "2": position() in the match
    assert tree.get("2").anchor is None and tree.get("2.1").anchor == "p1"


def test_a_base_url_with_percent_escapes_is_a_base_like_any_other(tmp_path):
    """Issue 22 item 7: `--base-url https://example.org/my%20site/` stopped the build (`… is not under …`)."""
    src = tmp_path / "src"
    src.mkdir()
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, src)
    out = tmp_path / "out"
    summary = run_build(src, out, jobs=1, pdf=False, run_date=RUN_DATE, progress=False, stream=io.StringIO(),
                        base_url="https://example.org/my%20site/")
    assert summary.built == 1 and not summary.failed
    entry = json.loads((out / "dts" / "entry.jsonld").read_text())
    assert entry["@id"] == "https://example.org/my%20site/dts/entry.jsonld"
    assert (out / "dts" / seed.stem / "navigation.jsonld").is_file()
    assert f'href="https://example.org/my%20site/{seed.stem}.html"' in (out / f"{seed.stem}.html").read_text()


def test_the_workers_answers_are_swapped_in_only_for_their_tei_base_and_facts(tmp_path):
    """The worker makes a document's answers from the tree it holds (``dts_share``); the pass takes
    them only when they were made from the same TEI, base URL and catalogue facts: else it makes them."""
    tei = _tei(2, 2).encode()
    doc = Published("doc", "k", "T")
    site = Site(tmp_path, "https://example.org/ed/")
    [(path, data)] = dts_share(etree.ElementTree(etree.fromstring(tei)), tei, doc, site.base).items()
    (tmp_path / path).parent.mkdir(parents=True)
    (tmp_path / path).write_bytes(data)
    assert dict(_shared_files(site, doc, tei)) == _answers(tei.decode())
    assert _shared_files(site, doc, tei.replace(b"Paragraph", b"Passage")) is None
    assert _shared_files(Site(tmp_path, "/"), doc, tei) is None
    assert _shared_files(site, Published("doc", "k", "Another title"), tei) is None
