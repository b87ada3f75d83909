"""Small fake pipeline stages for the build tests (no tests here).

Why: build's own machinery (planning, manifest, workers, catalogue, index)
is tested without waiting for the real converter and renderers.  The fakes
have the shape of ``build.PipelineStages`` and live in an importable module
so worker processes can unpickle them.

A fake source is ``key: value`` header lines (title, date, archive,
citation, summary) then a body.  A body containing ``FAIL`` makes the
converter refuse it, ``INVALID`` makes validation fail, ``SLOW`` makes the
conversion take ``FAKE_STAGE_DELAY`` seconds (default 0.1) and ``SLOW:N``
N seconds of Python work (busy, as a super-linear converter would be; a
worker process started earlier does not see the environment).
"""

from __future__ import annotations

import json
import os
import re
import time
from html import escape

from teiedition.building.build import Checked
from teiedition.errors import InvalidDocument


def fake_source(title: str, *, date: str = "1969-06-09", archive: str = "RGANI",
                citation: str = "RGANI, fond 5, opis 61, delo 462, listy 79-94",
                summary: str = "A summary.", body: str = "Body text.") -> str:
    return (f"title: {title}\ndate: {date}\narchive: {archive}\ncitation: {citation}\n"
            f"summary: {summary}\n\n{body}\n")


def _fields(text: str) -> dict:
    head, _, body = text.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    fields["body"] = body.strip()
    return fields


class FakeStages:
    """Text → a small TEI document carrying the header facts the catalogue reads."""

    def __init__(self, *, pdf: bool):
        self.pdf_enabled = pdf
        self.pid = os.getpid()

    def convert(self, text, *, doc_id, source_name, run_date):
        f = _fields(text)
        if "FAIL" in f["body"]:
            raise InvalidDocument("no title line found", path=source_name)
        busy = re.search(r"SLOW:([\d.]+)", f["body"])
        if busy:
            deadline = time.monotonic() + float(busy.group(1))
            while time.monotonic() < deadline:
                pass
        elif "SLOW" in f["body"]:
            time.sleep(float(os.environ.get("FAKE_STAGE_DELAY", "0.1")))
        e = {k: escape(v) for k, v in f.items()}
        tei = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d-{escape(doc_id)}"><teiHeader><fileDesc>'
            f'<titleStmt><title>{e["title"]}</title></titleStmt><publicationStmt><p/></publicationStmt>'
            f'<sourceDesc><msDesc><msIdentifier><repository>{e["archive"]}</repository>'
            f'<altIdentifier><idno>{e["citation"]}</idno></altIdentifier></msIdentifier></msDesc></sourceDesc>'
            f'</fileDesc><profileDesc><creation><date when="{e["date"]}"/></creation>'
            f'<abstract><p>{e["summary"]}</p></abstract></profileDesc>'
            f'<revisionDesc><change when="{run_date}">built</change></revisionDesc></teiHeader>'
            f'<text><body><p>{e["body"]}</p></body></text></TEI>\n'
        )
        return tei.encode("utf-8"), ()

    def validate(self, tree, name, *, source=None):
        body = "".join(tree.getroot()[-1].itertext())
        ok = "INVALID" not in body
        problem = "" if ok else f"{name}:1:1: error: body says INVALID [fake]"
        return Checked(ok=ok, problems=0 if ok else 1, first_problem=problem,
                       json=json.dumps({"path": name, "ok": ok}) + "\n")

    def validate_tei(self, tree, name, *, source=None):
        """A TEI source is checked against TEI P5 (here: the same fake check)."""
        return self.validate(tree, name, source=source)

    def html(self, tree, *, tei_href, pdf_href, page=None, citation_hrefs=None, base_url=""):
        body = "".join(tree.getroot()[-1].itertext())
        pdf = f'<a href="{pdf_href}">PDF</a>' if pdf_href else ""
        return f'<!DOCTYPE html><html><body><a href="{tei_href}">TEI</a>{pdf}<p>{escape(body)}</p></body></html>\n'

    def pdf(self, tree, **_):
        return b"%PDF-1.7 fake " + "".join(tree.getroot()[-1].itertext()).encode() + b"\n%%EOF\n"
