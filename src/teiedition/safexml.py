"""Hardened XML parsing, shared by validate, render and build.

Why: archives feed us files from strangers.  The parser never loads a DTD,
never fetches entities, never touches the network, never follows XInclude
(``xinclude.py`` resolves it for ``validate``, inside the input's folder
only), and refuses files over a size limit;  entities declared in the
document's own DOCTYPE are expanded only when the caller asks
(``entities="internal"``), within strict limits; libxml2's default depth limit
(256) stays on because ``huge_tree`` stays off.  Every refusal is a one-line
``TeiEditionError`` that names the file and, where known, line and column.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from lxml import etree

from .errors import InputError, UnsafeInputError, XmlSyntaxError

#: Default upper bound on an XML input, in bytes (override with TEIEDITION_MAX_BYTES).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

XINCLUDE_NS = "http://www.w3.org/2001/XInclude"


def max_input_bytes(default: int = DEFAULT_MAX_BYTES) -> int:
    """The size limit in force: ``TEIEDITION_MAX_BYTES`` (ASCII digits) may raise or lower the default."""
    value = (os.environ.get("TEIEDITION_MAX_BYTES") or "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()):
        raise InputError(f"TEIEDITION_MAX_BYTES must be a whole number of bytes, not {value!r}")
    return int(value)


#: Internal entities (``entities="internal"``): how deep entity values may nest, how long one entity may
#: expand, and how many characters all references in a document may add.  Real TEI declares a handful of
#: characters (``&mdash;``) or phrases; a billion-laughs or quadratic blow-up file exceeds each by far.
MAX_ENTITY_DEPTH = 3
MAX_ENTITY_CHARS = 16 * 1024
MAX_ENTITY_EXPANSION = 1024 * 1024

_ENTITY_REF = re.compile(rb"&([A-Za-z_:][-\w.:]*);")


def _parser(resolve_entities=False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=resolve_entities,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


def read_bytes(path: str | os.PathLike, *, max_bytes: int | None = None) -> bytes:
    """Read a whole input file, refusing directories, missing files and oversized ones."""
    limit = max_input_bytes() if max_bytes is None else max_bytes
    p = Path(path)
    try:
        st = p.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a directory, not a file", path=str(path))
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise InputError("not a regular file (a FIFO, device or socket); give a file", path=str(path))
        if size > limit:
            raise InputError(
                f"file is {size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB limit "
                "(set TEIEDITION_MAX_BYTES to raise it)",
                path=str(path),
            )
        with open(p, "rb") as fh:
            data = _read_at_most(fh, limit)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    if data is None:
        raise InputError("file grew past the size limit while being read", path=str(path))
    return data


def _read_at_most(fh, limit: int) -> bytes | None:
    """The whole file in 1 MB chunks, or None past ``limit`` bytes (any limit, however large, is safe)."""
    chunks, total = [], 0
    while chunk := fh.read(1 << 20):
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def parse_xml_bytes(data: bytes, *, name: str = "<input>", allow_xinclude: bool = False,
                    entities: str = "refuse") -> etree._ElementTree:
    """Parse bytes into a tree with the hardened parser, or raise a one-line error.

    ``entities="internal"`` accepts a DOCTYPE whose internal subset declares
    general entities with literal values (``<!ENTITY mdash "&#x2014;">``),
    expanded within ``MAX_ENTITY_*`` limits; external and parameter entities
    and external DTDs are refused whatever the setting.
    """
    if not data.strip():
        raise InputError("empty file: no XML content", path=name)
    tree = _parse(data, name, _parser())
    if entities == "internal" and _has_internal_entities(tree, data, name):
        tree = _parse(data, name, _parser(resolve_entities="internal"))
    else:
        _refuse_doctype(tree, name)
    if not allow_xinclude:
        _refuse_xinclude(tree.getroot(), name)
    return tree


def _parse(data: bytes, name: str, parser: etree.XMLParser) -> etree._ElementTree:
    try:
        root = etree.fromstring(data, parser, base_url=None)
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (0, 0))
        msg = re.sub(r",? (\(line \d+|line \d+, column \d+).*$", "", str(exc.msg or exc))
        if "network entity" in msg or "failed to load" in msg:
            raise UnsafeInputError(
                f"{line}:{col}: document refers to an external DTD or entity; "
                "nothing outside the file is ever loaded, and such files are refused",
                path=name,
            ) from None
        if "Excessive depth" in msg or "Maximum depth" in msg.lower():
            msg = "elements nested deeper than 256 levels (refused)"
        elif "amplification" in msg or "entity" in msg.lower() and "loop" in msg.lower():
            msg = f"entity expansion refused: {msg}"
        raise XmlSyntaxError(f"{line}:{col}: not well-formed XML: {msg}", path=name) from None
    except ValueError as exc:  # e.g. unicode strings with encoding declarations
        raise XmlSyntaxError(f"not well-formed XML: {exc}", path=name) from None
    return root.getroottree()


def parse_xml_file(path: str | os.PathLike, *, max_bytes: int | None = None, allow_xinclude: bool = False,
                   entities: str = "refuse") -> etree._ElementTree:
    """Read and parse one file with the hardened parser."""
    data = read_bytes(path, max_bytes=max_bytes)
    return parse_xml_bytes(data, name=str(path), allow_xinclude=allow_xinclude, entities=entities)


def _has_internal_entities(tree: etree._ElementTree, data: bytes, name: str) -> bool:
    """Whether the DOCTYPE declares entities, all internal and within the limits (else refuse)."""
    info = tree.docinfo
    dtd = info.internalDTD
    if info.system_url or info.public_id or dtd is None:
        _refuse_doctype(tree, name)
        return False
    values: dict[str, str] = {}
    for entity in dtd.iterentities():
        if entity.system_url or entity.orig is None:
            raise UnsafeInputError(f"entity &{entity.name}; is external ({entity.system_url or 'no literal value'}); "
                                   "external entities are never loaded and such files are refused", path=name)
        values[entity.name] = entity.orig
    if not values:
        return False
    subset = data[:data.find(b"]>") + 2] if b"]>" in data else data[:4096]
    if re.search(rb"<!ENTITY\s+%", subset):
        raise UnsafeInputError("parameter entities are refused (they can pull in external declarations)", path=name)
    sizes: dict[str, int] = {}

    def expanded(entity: str, depth: int) -> int:
        if depth > MAX_ENTITY_DEPTH:
            raise UnsafeInputError(f"entity expansion refused: entities nest more than {MAX_ENTITY_DEPTH} deep "
                                   f"(at &{entity};)", path=name)
        if entity not in sizes:
            value = values.get(entity)
            if value is None:  # a predefined or character reference: one character
                return 1
            total = len(value)
            for ref in _ENTITY_REF.findall(value.encode("utf-8")):
                total += expanded(ref.decode(), depth + 1) - len(ref) - 2
            if total > MAX_ENTITY_CHARS:
                raise UnsafeInputError(f"entity expansion refused: &{entity}; expands to {total} characters "
                                       f"(limit {MAX_ENTITY_CHARS})", path=name)
            sizes[entity] = total
        return sizes[entity]

    body = data[len(subset):]
    added = sum(expanded(ref.decode(), 1) for ref in _ENTITY_REF.findall(body) if ref.decode() in values)
    if added > MAX_ENTITY_EXPANSION:
        raise UnsafeInputError(f"entity expansion refused: the references would add {added} characters "
                               f"(limit {MAX_ENTITY_EXPANSION})", path=name)
    return True


def _refuse_doctype(tree: etree._ElementTree, name: str) -> None:
    """A plain ``<!DOCTYPE TEI>`` is harmless; declared entities or an external DTD are not."""
    info = tree.docinfo
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise UnsafeInputError(
            "document type declaration defines entities; entity declarations are refused "
            "(possible entity-expansion or external-entity attack)",
            path=name,
        )
    if info.system_url or info.public_id:
        raise UnsafeInputError(
            f"document refers to an external DTD ({info.system_url or info.public_id}); "
            "external DTDs are never loaded and such files are refused",
            path=name,
        )


def _refuse_xinclude(root: etree._Element, name: str) -> None:
    for el in root.iter(f"{{{XINCLUDE_NS}}}include"):
        raise UnsafeInputError(
            f"{el.sourceline}:0: XInclude is not processed (it could read other files); "
            "resolve includes before validating",
            path=name,
        )


#: Characters XML cannot carry: controls (tab, newline, return aside), lone surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """Characters XML cannot carry (controls) become U+FFFD; they cannot be in a TEI header anyway.

    A printable string has none of them (all are categories Cc, Cs or Cn): answered without the
    pattern (the entity pages pass every title and context through here, 250,000 strings an edit).
    """
    return value if value.isprintable() else _NOT_XML.sub("\ufffd", value)
