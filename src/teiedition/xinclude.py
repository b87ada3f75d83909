"""XInclude for validation, confined to the input's own folder, with depth and size limits.

Why: real TEI projects split editions into files joined by ``xi:include``; a
validator that calls such files unreadable is useless to them.  But an
include is a file read on a stranger's say-so, so: only relative ``href``s
that stay inside the folder of the file being validated (symbolic links
resolved) are followed; each included file goes through the hardened parser
(no network, no external entities); nesting stops at ``MAX_DEPTH`` and the
bytes read in all at ``max_input_bytes()``.  ``parse="text"`` and
``xi:fallback`` are supported; ``xpointer`` only as a bare xml:id
(``xpointer="p1"`` or ``element(p1)``).  Every refusal is a one-line error.

Included elements keep the line numbers of their own file; ``origins`` maps
the top element of each inclusion to that file, so problems can name it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from .errors import InputError, UnsafeInputError
from .safexml import XINCLUDE_NS, max_input_bytes, parse_xml_bytes, read_bytes

MAX_DEPTH = 8
_XPOINTER = re.compile(r"^(?:element\()?([A-Za-z_][-\w.]*)\)?$")
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class Included:
    """The result of resolving: which elements came from which file."""

    def __init__(self):
        self.origins: dict[etree._Element, Path] = {}
        self.bytes_read = 0

    def origin(self, el: etree._Element | None) -> Path | None:
        """The included file an element came from (None: the input itself)."""
        while el is not None:
            if el in self.origins:
                return self.origins[el]
            el = el.getparent()
        return None


def has_includes(tree: etree._ElementTree) -> bool:
    return next(tree.getroot().iter(f"{{{XINCLUDE_NS}}}include"), None) is not None


def resolve(tree: etree._ElementTree, path: str | os.PathLike, *, entities: str = "refuse") -> Included:
    """Replace every ``xi:include`` in ``tree`` (read from ``path``) by what it names; raise a one-line error."""
    input_path = Path(path)
    folder = input_path.resolve().parent
    state = Included()
    state.bytes_read = input_path.stat().st_size if input_path.exists() else 0
    _expand(tree.getroot(), input_path.resolve(), folder, state, 0, (input_path.resolve(),), str(path), entities)
    return state


def _expand(root, current: Path, folder: Path, state: Included, depth: int, stack: tuple, name: str,
            entities: str) -> None:
    for inc in list(root.iter(f"{{{XINCLUDE_NS}}}include")):
        if inc.getparent() is None:
            raise UnsafeInputError(f"{inc.sourceline}:1: XInclude as the root element is not processed", path=name)
        try:
            replacement = _one(inc, current, folder, state, depth, stack, name, entities)
        except InputError as exc:
            fallback = inc.find(f"{{{XINCLUDE_NS}}}fallback")
            if fallback is None or isinstance(exc, UnsafeInputError):
                raise
            replacement = [_copy(c) for c in fallback] if len(fallback) else (fallback.text or "")
        _replace(inc, replacement)


def _one(inc, current: Path, folder: Path, state: Included, depth: int, stack: tuple, name: str, entities: str):
    line = inc.sourceline or 1
    href = (inc.get("href") or "").strip()
    where = f"{line}:1: XInclude href=\"{href}\""
    if not href:
        raise UnsafeInputError(f"{line}:1: XInclude without href (same-document includes are not processed)",
                               path=name)
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href) or href.startswith(("/", "\\")):
        raise UnsafeInputError(f"{where}: only relative paths inside the file's own folder are followed",
                               path=name)
    target = (current.parent / href).resolve()
    if folder not in target.parents and target.parent != folder:
        raise UnsafeInputError(f"{where}: leaves the file's own folder; refused", path=name)
    if depth + 1 > MAX_DEPTH:
        raise UnsafeInputError(f"{where}: includes nest deeper than {MAX_DEPTH}; refused", path=name)
    if target in stack:
        raise UnsafeInputError(f"{where}: includes itself (a loop); refused", path=name)
    if not target.is_file():
        raise InputError(f"{where}: no such file", path=name)
    budget = max_input_bytes() - state.bytes_read
    if target.stat().st_size > budget:
        raise UnsafeInputError(f"{where}: the input and its includes exceed {max_input_bytes() // 1048576} MB "
                               "together (set TEIEDITION_MAX_BYTES to raise it)", path=name)
    data = read_bytes(target, max_bytes=budget)
    state.bytes_read += len(data)
    parse = (inc.get("parse") or "xml").strip()
    if parse == "text":
        encoding = inc.get("encoding") or "utf-8"
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{where}: cannot decode as {encoding}: {exc}", path=name) from None
    if parse != "xml":
        raise InputError(f"{where}: parse=\"{parse}\" is not xml or text", path=name)
    included = parse_xml_bytes(data, name=str(target), allow_xinclude=True, entities=entities).getroot()
    _expand(included, target, folder, state, depth + 1, stack + (target,), name, entities)
    pointer = (inc.get("xpointer") or "").strip()
    if pointer:
        m = _XPOINTER.match(pointer)
        if not m:
            raise InputError(f"{where}: xpointer=\"{pointer}\" is not supported (only an xml:id)", path=name)
        found = next((el for el in included.iter() if el.get(XML_ID) == m.group(1)), None)
        if found is None:
            raise InputError(f"{where}: no element with xml:id \"{m.group(1)}\"", path=name)
        included = found
    state.origins[included] = target
    return [included]


def _copy(el):
    import copy

    return copy.deepcopy(el)


def _replace(inc, replacement) -> None:
    """Put ``replacement`` (elements, or text) where ``inc`` is, keeping the text around it."""
    parent = inc.getparent()
    tail = inc.tail or ""
    if isinstance(replacement, str):
        _append_text(parent, inc, replacement + tail)
        parent.remove(inc)
        return
    index = parent.index(inc)
    parent.remove(inc)
    for offset, el in enumerate(replacement):
        el.tail = None
        parent.insert(index + offset, el)
    if replacement:
        replacement[-1].tail = (replacement[-1].tail or "") + tail
    else:
        _append_text_at(parent, index, tail)


def _append_text(parent, inc, text: str) -> None:
    prev = inc.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _append_text_at(parent, index: int, text: str) -> None:
    if index > 0:
        prev = parent[index - 1]
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
