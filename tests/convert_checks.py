"""Helpers for the converter's tests: convert, read facts back out of TEI, rebuild the source text.

Why: the tests read like the domain (``assert_converts(text, fragment)``,
``facts_of(tei)``) and the facts checker lives in one place.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from lxml import etree

from conftest import RUN_DATE

#: A layout-A page around invented body lines (``BODY_PAGE.format(body=...)``), for tests of body conventions.
BODY_PAGE = """Skip to content

March 3, 1961

An Invented Record

This document was made possible with support from Example Foundation

{body}

An invented summary of an invented document about invented talks.

Author(s):

Document Information

Source

AVPRF, fond 0102, opis 17, papka 5, delo 3, listy 1-4. Translated by Jane Doe.
"""

NS = {"t": "http://www.tei-c.org/ns/1.0"}
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def norm(text: str) -> str:
    """Whitespace-normalised, as the facts files cut their strings."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def convert(text: str, doc_id: str = "doc-test") -> etree._Element:
    from teiedition.convert import convert_text

    return etree.fromstring(convert_text(text, doc_id=doc_id, run_date=RUN_DATE).tei)


@lru_cache(maxsize=64)
def convert_path(path: str) -> bytes:
    from teiedition.convert import convert_text, doc_id_for

    text = Path(path).read_text(encoding="utf-8")
    return convert_text(text, doc_id=doc_id_for(path), source_name=path, run_date=RUN_DATE).tei


def xp(el, path: str):
    return el.xpath(path, namespaces=NS)


#: Two paragraphs of invented running text, to stand before a closing zone.
PROSE = "The Ministry asks the Embassy to send the names of the delegates by the end of the month."
MORE = "The delegation will travel by train and arrive in the capital on the morning of the fifth."


def page_under_a_lead(lead: str, date_line: str, title: str) -> str:
    """A compact page whose first paragraph stands above its date line and title (a summary or a neighbour's teaser)."""
    return (lead + "\n\n" + date_line + "\n\n" + title + "\n\n"
            "This document was made possible with support from Blavatnik Family Foundation\n\n" + PROSE + "\n\n" + MORE)


def body_page(*blocks: str, sep: str = "\n\n") -> etree._Element:
    """``BODY_PAGE`` with these blocks as its body, converted."""
    return convert(BODY_PAGE.format(body=sep.join(blocks)))


def texts(root, path: str) -> list[str]:
    """The whitespace-normalised text of each element ``path`` finds."""
    return [" ".join("".join(e.itertext()).split()) for e in xp(root, path)]


def supplied(root, reason: str = "added-in-translation") -> list[str]:
    """The text of each ``supplied`` of the body with this ``@reason`` (words added, by default)."""
    return texts(root, f"//t:body//t:supplied[@reason='{reason}']")


def fragment(el: etree._Element) -> str:
    """Serialised TEI without namespace declarations, for readable assertions."""
    s = etree.tostring(el, encoding="unicode")
    return re.sub(r' xmlns(:\w+)?="[^"]+"', "", s)


def body_xml(root: etree._Element) -> str:
    return fragment(xp(root, "//t:text")[0])


def assert_converts(text: str, *fragments: str) -> etree._Element:
    """Convert ``text`` and check each TEI fragment occurs in ``<text>`` (namespace-free)."""
    root = convert(text)
    xml = body_xml(root)
    for frag in fragments:
        assert frag in xml, f"{frag!r} not in converted text:\n{xml}"
    return root


# -- rebuilding the source text from TEI --------------------------------------------


def rebuild(el: etree._Element) -> str:
    """The text a reader of the TEI would see, square brackets restored."""
    out: list[str] = []
    _rebuild(el, out)
    return "".join(out)


def _rebuild(el, out: list[str]) -> None:
    tag = el.tag.replace(T, "") if isinstance(el.tag, str) else ""
    if tag in ("metamark",):
        pass
    elif tag == "anchor" and el.get("type") == "footnote":  # a call whose note is not on the page
        n = el.get("n") or ""
        out.append(f"[{n}]" if el.get("rend") == "bracketed" else f"({n})" if el.get("rend") == "parenthesised" else n)
    elif tag == "milestone":
        out.append(" " + (el.get("rend") or "") + " ")
    elif tag == "choice":
        sic = el.find(T + "sic")
        abbr = el.find(T + "abbr")
        pick = sic if sic is not None else abbr if abbr is not None else el[0]
        _rebuild(pick, out)
    elif tag == "sic" and el.getparent().tag != T + "choice":
        _children(el, out)
        out.append({"upper": " [SIC]", "capitalised": " [Sic]", "exclaimed": " [sic!]", "upper-exclaimed": " [SIC!]",
                    "capitalised-exclaimed": " [Sic!]"}.get(el.get("rend"), " [sic]"))
    elif tag == "note" and el.get("type") == "footnote" and el.get("rend") in ("glued", "letter"):
        n = el.get("n") or ""  # a call printed as digits set against a word (``Surname1``), or as ``[l]`` for 1
        out.append((n if el.get("rend") == "glued" else "[l]") + f" [{n} ")
        _children(el, out)
        out.append("]")
    elif tag in ("supplied", "note", "gap", "ex"):
        out.append("[")
        if tag == "note" and el.get("type") == "footnote":
            n = el.get("n") or ""
            out.append(f"{n}] [{n} ")  # the marker here; the moved text "[n] ..." after it
        _children(el, out)
        out.append("]")
    elif tag == "unclear":
        out.append("[[")
        _children(el, out)
        out.append("]]")
    else:
        _children(el, out)
    if el.tail:
        out.append(el.tail)


def _children(el, out):
    if el.text:
        out.append(el.text)
    for child in el:
        _rebuild(child, out)


WORD_RE = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(WORD_RE.findall(text))


#: Header parts that are the converter's own words or second copies of source text; leaving
#: them out keeps them from hiding a word lost elsewhere.
GENERATED = ("//t:encodingDesc | //t:revisionDesc | //t:creation/t:listChange | //t:titleStmt/t:respStmt"
             " | //t:titleStmt/t:funder | //t:publicationStmt/t:publisher | //t:publicationStmt/t:idno"
             " | //t:publicationStmt/t:date | //t:langUsage | //t:textClass | //t:sourceDesc/t:msDesc"
             " | //t:standOff")


def lost_words(source_text: str, tei: bytes, dropped_chrome: list[str]) -> Counter:
    """Words of the source (minus dropped chrome lines) not found in the TEI (header + text)."""
    kept_lines = []
    chrome = {norm(c) for c in dropped_chrome}
    for line in source_text.split("\n"):
        if norm(line) in chrome:
            continue
        kept_lines.append(line)
    root = etree.fromstring(tei)
    for el in xp(root, GENERATED):  # text the converter writes itself, or copies of source text
        el.getparent().remove(el)
    tei_words = words(rebuild(root))
    return words("\n".join(kept_lines)) - tei_words


# -- reading facts back out of TEI ----------------------------------------------------


def _text(el) -> str:
    return norm(rebuild(el)) if el is not None else ""


def _after_label(note) -> str:
    label = note.find(T + "label")
    full = _inner(note)
    if label is not None:
        lab = _inner(label)
        if full.startswith(lab):
            return full[len(lab):].strip()
    return full


def _inner(el) -> str:
    out: list[str] = []
    _children(el, out)
    return norm("".join(out))


def facts_of(tei: bytes) -> dict:
    """The facts-file view of a TEI document (see corpus/README.md)."""
    root = etree.fromstring(tei)
    text = xp(root, "/t:TEI/t:text")[0]
    ids = {el.get(XML_ID): el for el in root.iter() if el.get(XML_ID)}
    f: dict = {}
    f["date"] = (xp(root, "//t:profileDesc/t:creation/t:date/@when") or [None])[0]
    f["title"] = norm(xp(root, "string(//t:titleStmt/t:title[@type='main'])"))
    f["funder"] = [norm(x) for x in xp(root, "//t:titleStmt/t:funder/text()")]
    f["summary_starts"] = norm(xp(root, "string(//t:profileDesc/t:abstract)"))[:40]
    ident = (xp(root, "//t:sourceDesc/t:msDesc/t:msIdentifier") or [None])[0]
    if ident is None:
        f["archive"] = None
    else:
        units = {}
        for c in xp(ident, "t:collection|t:idno"):
            units[c.get("type")] = norm(c.text or "")
        for locus in xp(root, "//t:msDesc/t:msContents/t:msItem/t:locus"):
            units["folios"] = norm(locus.text or "")
        f["archive"] = {"repository": ident.find(T + "repository").get("n"),
                        "citation": norm(xp(ident, "string(t:altIdentifier/t:idno)")),
                        "units": units}
    f["translator"] = [norm(x) for x in xp(root, "//t:respStmt[@xml:id='translator']/t:persName/text()")]
    f["obtainer"] = [norm(x) for x in xp(root, "//t:titleStmt/t:respStmt[starts-with(t:resp, 'obtained')]"
                                                "/t:persName/text()")]
    stamps = []
    for note in xp(text, ".//t:note[@type='stamp']"):
        number = xp(note, ".//t:stamp//t:idno")
        when = xp(note, ".//t:stamp/@when")
        stamps.append({"text_starts": _inner(note)[:25],
                       "number": norm(number[0].text) if number else None,
                       "date": when[0] if when else None})
    f["stamps"] = stamps
    f["classification"] = [_inner(s) for s in xp(text, ".//t:seg[@type='classification']")]
    f["copy"] = [n for n in xp(text, ".//t:seg[@type='copy']/t:num/@value")]
    f["outgoing"] = [_inner(i) for i in xp(text, ".//t:idno[@type='outgoing']")]
    f["signatories"] = [_inner(p) for p in xp(text, ".//t:closer/t:signed//t:persName")]
    items = xp(text, ".//t:list[@type='distribution']/t:item")
    if items:
        f["distribution_items"] = len(items)
    elif re.search(r"Distributed according to a list", norm("".join(text.itertext()))):
        f["distribution_items"] = 0
    else:
        f["distribution_items"] = None
    notes = []
    for note in xp(text, ".//t:note[@type='translator']"):
        marks = []
        nid = note.get(XML_ID)
        for mm in xp(text, f".//t:metamark[preceding-sibling::t:note[1][@xml:id='{nid}']]") if nid else []:
            target = ids.get(mm.get("target", "").lstrip("#"))
            ttext = _text_without_notes(target) if target is not None else ""
            marks.append({"function": mm.get("function"), "rend": mm.get("rend"),
                          "target_starts": ttext[:30], "target_ends": ttext[-20:],
                          "cert": mm.get("cert") or "high"})
        notes.append({"text_starts": _after_label(note)[:40], "marks": marks})
    f["translator_notes"] = notes
    f["supplied"] = [_inner(s) for s in xp(text, ".//t:supplied[@reason='added-in-translation']")]
    f["handwritten"] = [_inner(n)[:25] for n in xp(text, ".//t:note[@type='handwritten']")]
    f["doubtful"] = [_inner(d) if d.tag == T + "unclear" else _inner(d.find(T + "desc"))
                     for d in xp(text, ".//t:unclear[@reason='doubtful']|.//t:gap[@reason='illegible']")]
    f["omissions"] = len(xp(text, ".//t:gap[@reason='omitted']"))
    f["footnotes"] = len(xp(text, ".//t:note[@type='footnote']"))
    f["quotes_with_source"] = [
        {"quote_starts": norm(rebuild(c.find(T + "quote"))).strip("“”\"")[:25],
         "source_title": norm(xp(c, "string(t:bibl/t:title)")),
         "date": (xp(c, "t:bibl/t:date/@when") or [None])[0]}
        for c in xp(text, ".//t:cit")]
    # body conventions of issue 10 (optional keys: only fixtures that state them are checked)
    f["speeches"] = len(xp(text, ".//t:sp"))
    speakers: list[str] = []
    for sp in xp(text, ".//t:sp/t:speaker"):
        if _inner(sp) not in speakers:
            speakers.append(_inner(sp))
    f["speakers"] = speakers
    f["routing"] = [{"head": _inner(lst.find(T + "head")), "items": [_inner(i) for i in lst.findall(T + "item")]}
                    for lst in xp(text, ".//t:list[@type='routing']")]
    f["roles"] = [_inner(r) for r in xp(text, ".//t:closer/t:signed//t:roleName")]
    f["original_wording"] = [_inner(s) for s in xp(text, ".//t:supplied[@reason='original-wording']")]
    f["paragraphs"] = len(xp(text, ".//t:p[@xml:id]"))
    f["text_string"] = norm("".join(text.itertext()))
    return f


def _text_without_notes(el) -> str:
    out: list[str] = []
    _rebuild_no_notes(el, out, top=True)
    return norm("".join(out))


def _rebuild_no_notes(el, out, top=False):
    tag = el.tag.replace(T, "")
    if tag == "note" and not top:
        if el.tail:
            out.append(el.tail)
        return
    if tag in ("p", "seg", "quote"):
        if el.text:
            out.append(el.text)
        for child in el:
            _rebuild_no_notes(child, out)
        if el.tail and not top:
            out.append(el.tail)
        return
    # any other element: its rebuilt text without the tail, then the tail
    tail = el.tail
    el.tail = None
    _rebuild(el, out)
    el.tail = tail
    if tail and not top:
        out.append(tail)
