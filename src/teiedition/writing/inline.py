"""Writing inline nodes: names, notes, brackets, foreign words, footnote references.

Why: every block's text is a run of strings and model ``Node``s; one writer
per node kind turns them into TEI phrase elements (``note``, ``supplied``,
``gap``, ``foreign``, ``persName``...).  It also places what hangs on a node:
the marginal marks a translator's note describes (``metamark``) and the
footnote a reference calls.  A kind without a writer is ``UnplacedNode``.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from ..model import Document, Inline, Mark, Node
from .elements import E, ENTITY_ELEMENTS, XML_LANG, UnplacedNode, add_text, set_attrs, sub

#: Entity kind -> the element that names it in the text.
NAME_ELEMENT = {kind: names[0] for kind, names in ENTITY_ELEMENTS.items()}
#: Original languages written in another script: their words in a translation are transliterated.
NON_LATIN_SCRIPT = frozenset({"ru", "bg", "mn", "zh", "ko", "ja", "und"})
#: Languages written in Cyrillic: the original's own code for Cyrillic words in its translation.
CYRILLIC_LANGUAGES = frozenset("ru uk be bg sr mk mn kk ky tg".split())


class InlineWriter:
    """Writes inline nodes; knows the document's marks and footnotes to place them."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.marks_by_note: dict[str, list[Mark]] = {}
        for mark in doc.marks:
            self.marks_by_note.setdefault(mark.note, []).append(mark)
        self.footnotes = {b.get("n"): b for b in doc.footnotes}
        self.line = 0
        self.writers: dict[str, Callable[[etree._Element, Node], None]] = {
            "note": self.note, "label": self.simple("label"), "stamp": self.simple("stamp"),
            "idno": self.simple("idno"), "date": self.simple("date"), "mentioned": self.simple("mentioned"),
            "title": self.simple("title"), "quote": self.simple("quote"), "bibl": self.simple("bibl"),
            "cit": self.simple("cit"), "supplied": self.simple("supplied"), "gap": self.gap,
            "unclear": self.simple("unclear"), "sic": self.simple("sic"), "slip": self.slip,
            "expan": self.simple("expan"), "ex": self.simple("ex"), "seg": self.simple("seg"),
            "num": self.simple("num"), "name": self.name, "list": self.simple("list"),
            "item": self.simple("item"), "fnref": self.footnote, "sic-mark": self.simple("sic"),
            "foreign": self.foreign, "note-stop": self.note_stop, "roleName": self.simple("roleName"),
            "speaker": self.simple("speaker"), "anchor": self.simple("anchor"),
        }
        code, _name = doc.header.original_language
        #: transliterated original words: the original's language, in Latin script
        self.original_lang = f"{code}-Latn" if code in NON_LATIN_SCRIPT else code

    def write(self, parent: etree._Element, inlines: tuple[Inline, ...]) -> None:
        for node in inlines:
            if isinstance(node, str):
                add_text(parent, node)
                continue
            writer = self.writers.get(node.kind)
            if writer is None:
                raise UnplacedNode(f"line {self.line}: no TEI element for inline node '{node.kind}'")
            writer(parent, node)

    def simple(self, tag: str):
        def write(parent, node: Node):
            el = sub(parent, tag)
            set_attrs(el, node.attrs)
            self.write(el, node.children)
        return write

    def note(self, parent, node: Node):
        el = sub(parent, "note")
        set_attrs(el, node.attrs)
        self.write(el, node.children)
        for mark in self.marks_by_note.get(node.get("xml:id") or "", []):
            sub(parent, "metamark", function=mark.function, rend=mark.rend, place=mark.place,
                     target=f"#{mark.target}", change="#readers",
                     cert=None if mark.cert == "high" else mark.cert)

    def foreign(self, parent, node: Node):
        el = sub(parent, "foreign")
        el.set(XML_LANG, self.script_lang(node.get("script")))
        self.write(el, node.children)

    def script_lang(self, script: str | None) -> str:
        """``@xml:lang`` of the original's words: transliterated (no script given), or in their own script."""
        code = self.original_lang.split("-")[0]
        if script == "Hani":
            return {"ja": "ja", "ko": "ko-Hani"}.get(code, "zh-Hans")
        if script == "Hang":
            return "ko"
        if script == "Cyrl":
            return code if code in CYRILLIC_LANGUAGES else "ru"
        return self.original_lang

    def note_stop(self, parent, node: Node):
        """The full stop printed after a note that follows a full stop ends the note's own sentence."""
        for el in reversed(parent):
            if el.tag == E("metamark"):
                continue
            if el.tag == E("note") and not (el.tail or "").strip():
                self.write(el, node.children)
                return
            break
        self.write(parent, node.children)

    def gap(self, parent, node: Node):
        el = sub(parent, "gap")
        set_attrs(el, node.attrs)
        if node.children:
            desc = sub(el, "desc")
            self.write(desc, node.children)

    def slip(self, parent, node: Node):
        choice = sub(parent, "choice")
        sic = sub(choice, "sic")
        self.write(sic, node.children)
        sub(choice, "corr", node.get("corr"), resp="#encoder")

    def name(self, parent, node: Node):
        tag = NAME_ELEMENT.get(node.get("type") or "person", "name")
        el = sub(parent, tag, ref=node.get("ref"))
        self.write(el, node.children)

    def footnote(self, parent, node: Node):
        n = node.get("n")
        block = self.footnotes.get(n)
        el = sub(parent, "note", type="footnote", n=n, place="foot", rend=node.get("rend"))
        if block is not None:
            self.write(el, block.inlines())
