"""Facts read back from a TEI document: what it is, when, where the original lies, who made it.

Why: the HTML head, "How to cite", the PDF's metadata, the catalogue and the
citation exports all need the same few facts, and deciding them in each place
(Python and XSLT) gave a different author, translator and date in each.  They
are decided here, once, from the TEI header (ours or another project's), and
the stylesheets receive the answers as parameters (see ``citing.py``).

Only what the file says: a fact is taken from the element whose meaning is
certain (``titleStmt/author``, ``respStmt`` with a translator's role,
``msIdentifier``, ``publicationStmt/publisher``...); a fact the file does not
give is left out, never filled from a nearby note.  One inference is made,
for teiedition's own TEI only: the archive's titles name the originator before
a quoted title ("Soviet Embassy in X, 'Title'"), and that originator is the
document's author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
#: The title shown when the file gives none (a page must have one).
UNTITLED = "Untitled TEI document"

_SKIPPED = {"note", "metamark", "figDesc"}
#: Inside a name or a publisher line: ids, links, e-mail and addresses are not part of the name.
_NOT_NAME = {"idno", "ptr", "email", "address"}
_NAME_HOLDERS = {"author", "editor", "respStmt", "publisher", "distributor", "authority", "persName", "orgName"}
#: Originator before a quoted title, as the archive writes its titles.
_ORIGINATOR = re.compile(r"^([^,'‘’“”\"]{3,120}), (['‘“\"])(.+)$", re.S)
_CLOSING = {"'": "'’", "‘": "’'", "“": "”\"", '"': "\"”"}
#: Where the header gives the document's own web address (an idno, ptr or ref of publicationStmt).
_OWN_URL = ("t:fileDesc/t:publicationStmt/t:idno/text() | t:fileDesc/t:publicationStmt/t:ptr/@target"
            " | t:fileDesc/t:publicationStmt/t:ref/@target")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class DocumentFacts:
    """One document's facts, as the TEI gives them (empty string or tuple: the file does not say)."""

    key: str                             # a citation key: xml:id, else the file's name
    title: str                           # the header's title, whole (the page's title)
    citation_title: str                  # the title cited: without the originator taken as author
    authors: tuple[str, ...] = ()
    date: str = ""                       # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    date_text: str = ""                  # the date as the file words it, when it is not ISO
    publisher: str = ""
    archive: str = ""                    # the repository's name, with its short code: "... (RGANI)"
    archive_code: str = ""               # repository/@n ("RGANI")
    archive_name: str = ""               # the repository's name alone
    archive_place: str = ""              # "Moscow, Russia"
    location: str = ""                   # the archival reference or shelfmark
    abstract: str = ""
    translators: tuple[str, ...] = ()
    obtainers: tuple[str, ...] = ()
    funder: str = ""
    keywords: tuple[str, ...] = ()       # the header's own terms (textClass)
    language: str = "en"
    url: str = ""                        # the header's own address, else the page's under --base-url
    rights: str = ""                     # publicationStmt/availability, as text

    @property
    def date_parts(self) -> list[int]:
        """[1969, 6, 9] for 1969-06-09; [] when the date is not ISO."""
        m = _ISO_DATE.fullmatch(self.date)
        return [int(p) for p in m.groups() if p] if m else []

    @property
    def human_date(self) -> str:
        """9 June 1969 (or June 1969, 1969), else the date as worded."""
        parts = self.date_parts
        if not parts:
            return self.date_text
        if len(parts) == 1:
            return str(parts[0])
        month = _MONTHS[parts[1] - 1] if 1 <= parts[1] <= 12 else ""
        return " ".join(str(p) for p in ([parts[2]] if len(parts) == 3 else []) + [month, parts[0]] if p)


def plain(node) -> str:
    """Space-normalised text of an element: notes left out, ids and addresses left out of names."""
    return " ".join(_text(node, in_name=etree.QName(node).localname in _NAME_HOLDERS).split())


def _text(el, in_name: bool) -> str:
    parts = [el.text or ""]
    for child in el:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if not name or name in _SKIPPED or (in_name and name in _NOT_NAME):
            pass
        elif name == "choice":
            picked = [c for c in child if isinstance(c.tag, str)]
            preferred = [c for c in picked if etree.QName(c).localname in ("corr", "reg", "expan")]
            parts.append(_text((preferred or picked)[0], in_name) if picked else "")
        elif name == "lb":
            parts.append(" ")
        else:
            parts.append(_text(child, in_name or name in _NAME_HOLDERS))
        parts.append(child.tail or "")
    return "".join(parts)


def _first(root, *paths: str):
    for path in paths:
        for el in root.xpath(path, namespaces=NS):
            if plain(el) or (isinstance(el, etree._Element) and el.get("when")):
                return el
    return None


def _people(elements) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in (plain(p) for p in elements) if n))


def resp_role(resp_stmt) -> str:
    """translator, obtainer, encoder or other: the MARC relator code of resp/@key, else resp's words."""
    key = (resp_stmt.xpath("string(t:resp[@key][1]/@key)", namespaces=NS) or "").strip()
    if key:
        return {"trl": "translator", "dnr": "obtainer", "mrk": "encoder"}.get(key, "other")
    words = " ".join(plain(r) for r in resp_stmt.xpath("t:resp", namespaces=NS)).lower()
    if "transl" in words:
        return "translator"
    if "obtain" in words:
        return "obtainer"
    if re.search("encod|mark", words):
        return "encoder"
    return "other"


def _header(tree):
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    header = root.find(f"{{{TEI_NS}}}teiHeader")
    if header is None:
        header = next(iter(root.iter(f"{{{TEI_NS}}}teiHeader")), None)
    return root, header


def _own_tei(root) -> bool:
    """Written by teiedition's converter (whose titles follow the archive's "Originator, 'Title'")."""
    return bool(root.xpath("boolean(t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident = 'teiedition'])",
                           namespaces=NS))


def _split_originator(title: str) -> tuple[str, str] | None:
    """("Soviet Embassy in X", "Title") from "Soviet Embassy in X, 'Title'"; None when not of that shape."""
    m = _ORIGINATOR.match(title)
    if not m:
        return None
    rest = m.group(3).rstrip()
    if not rest or rest[-1] not in _CLOSING[m.group(2)]:
        return None  # the quotation does not end the title: its shape is not the archive's
    return m.group(1).strip(), rest[:-1].strip()


def typographic_quotes(text: str) -> str:
    """Straight quotes made curly (‘’ “”), apostrophes ’: what a citation prints inside its own quotes."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(^|[\s(\[—–-])'", r"\1‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(^|[\s(\[—–-])"', r"\1“", text)
    return text.replace('"', "”")


def nested_in_double_quotes(text: str) -> str:
    """A title set inside “…”: its own double quotes become single ones (Chicago 6.11)."""
    return typographic_quotes(text).replace("“", "‘").replace("”", "’")


def _key(text: str) -> str:
    """A citation key: letters, digits, - and _ only (safe in BibTeX and RIS)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "document"


def read_facts(tree, doc_id: str = "", *, page_url: str = "") -> DocumentFacts:
    """The facts of one TEI document (for a teiCorpus: of its own header).

    ``page_url`` is the address the edition is published under (``--base-url``);
    it is the document's URL unless the header gives its own.
    """
    root, h = _header(tree)
    if h is None:
        return DocumentFacts(key=_key(root.get("{http://www.w3.org/XML/1998/namespace}id") or doc_id),
                             title=UNTITLED, citation_title=UNTITLED, url=page_url)
    title_el = _first(h, "t:fileDesc/t:titleStmt/t:title[not(@type = 'sub' or @type = 'alt' or @type = 'short')]",
                      "t:fileDesc/t:titleStmt/t:title")
    if title_el is None:
        title_el = _first(root, ".//t:text//t:docTitle", ".//t:text//t:head")
    title = plain(title_el) if title_el is not None else UNTITLED

    authors = tuple(n for a in h.xpath("t:fileDesc/t:titleStmt/t:author", namespaces=NS)
                    for n in (_people(a.xpath("t:persName | t:name | t:orgName", namespaces=NS))
                              if len(a.xpath("t:persName | t:name | t:orgName", namespaces=NS)) >= 2
                              else _people([a])))
    citation_title = title
    if not authors and _own_tei(root):
        split = _split_originator(title)
        if split:
            authors, citation_title = (split[0],), split[1]

    date_el = _first(h, "t:profileDesc/t:creation//t:date", "t:fileDesc/t:sourceDesc/t:msDesc//t:origDate")
    if date_el is None:
        date_el = _first(root, ".//t:text//t:docDate", ".//t:text//t:dateline//t:date")
    when = (date_el.get("when") or "").strip() if date_el is not None else ""
    date = when if _ISO_DATE.fullmatch(when) else ""
    date_text = plain(date_el) if date_el is not None else ""

    ms_id = next(iter(h.xpath("t:fileDesc/t:sourceDesc//t:msDesc/t:msIdentifier", namespaces=NS)), None)
    archive = code = name = place = location = ""
    if ms_id is not None:
        def one(path: str) -> str:
            found = ms_id.xpath(path, namespaces=NS)
            return plain(found[0]) if found else ""
        name = one("t:repository")
        code = (ms_id.xpath("string(t:repository[1]/@n)", namespaces=NS) or "").strip()
        archive = f"{name} ({code})" if name and code and code not in name else (name or code)
        place = ", ".join(p for p in (one("t:settlement"), one("t:country")) if p)
        location = one("t:altIdentifier/t:idno") or ", ".join(
            plain(u) for u in ms_id.xpath("t:collection | t:idno", namespaces=NS) if plain(u))

    # A statement that the page names nobody ("translation (translator not named on the page)") credits nobody.
    resp = [r for r in h.xpath("t:fileDesc/t:titleStmt/t:respStmt", namespaces=NS)
            if "not named" not in " ".join(plain(x) for x in r.xpath("t:resp", namespaces=NS))]
    names = "t:persName | t:name | t:orgName"
    translators = _people(p for r in resp if resp_role(r) == "translator" for p in r.xpath(names, namespaces=NS))
    obtainers = _people(p for r in resp if resp_role(r) == "obtainer" for p in r.xpath(names, namespaces=NS))

    own_url = next((u for u in (str(s).strip() for s in h.xpath(_OWN_URL, namespaces=NS))
                    if u.startswith(("http://", "https://")) and not re.search(r"\s", u)), "")
    lang = (h.xpath("string(t:profileDesc/t:langUsage/t:language[1]/@ident)", namespaces=NS)
            or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en").strip()
    xml_id = root.get("{http://www.w3.org/XML/1998/namespace}id") or ""

    def text_of(path: str) -> str:
        found = h.xpath(path, namespaces=NS)
        return plain(found[0]) if found else ""

    return DocumentFacts(
        key=_key(xml_id or doc_id), title=title, citation_title=citation_title, authors=authors, date=date,
        date_text=date_text, publisher=", ".join(p for p in (plain(e) for e in h.xpath(
            "t:fileDesc/t:publicationStmt/t:publisher", namespaces=NS)) if p),
        archive=archive, archive_code=code, archive_name=name, archive_place=place, location=location,
        abstract=text_of("t:profileDesc/t:abstract"), translators=translators, obtainers=obtainers,
        funder="; ".join(p for p in (plain(e) for e in h.xpath("t:fileDesc/t:titleStmt/t:funder", namespaces=NS)) if p),
        keywords=_people(h.xpath("t:profileDesc/t:textClass//t:term", namespaces=NS)),
        language=lang or "en", url=own_url or page_url,
        rights=" ".join(p for p in (plain(e) for e in h.xpath("t:fileDesc/t:publicationStmt/t:availability",
                                                               namespaces=NS)) if p))
