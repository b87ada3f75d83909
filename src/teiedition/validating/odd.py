"""A project's ODD compiled to RELAX NG and Schematron by the TEI Stylesheets, cached on disk.

Why: TEI projects define their schema as an ODD customisation.  The TEI's
own processors (``odd2odd.xsl``, ``odd2relax.xsl``, ``extract-isosch.xsl``,
shipped unmodified in ``third_party/tei-stylesheets``) run under saxonche
against the shipped ``p5subset.xml`` they are pinned with, so no Java, ant or
web service is needed and the result is what the TEI's own build makes.

``@source`` on ``schemaSpec`` (or a ``moduleRef``, ``elementRef`` …):
``tei:4.8.0``, ``tei:current`` or a tei-c.org address means the shipped
p5subset (nothing is ever fetched); a local file that is itself a
customisation (it has ``moduleRef``s or ``@mode`` changes) is compiled first
(chained ODD), a compiled ODD or p5subset-like file is used as it is; any
other network address is refused with a one-line error.  The user's files are
never changed: a rewritten copy with absolute sources goes to a work folder.

Compiling takes seconds, so the result is cached under
``$TEIEDITION_CACHE_DIR`` (else ``$XDG_CACHE_HOME/teiedition``, else
``~/.cache/teiedition``) in ``odd/<sha256>/``, where the hash covers every
file of the chain, p5subset and the Stylesheets' version.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import resources
from ..errors import InputError, TeiEditionError
from ..safexml import parse_xml_file

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Bumped whenever this module changes how it calls the Stylesheets (invalidates the cache).
COMPILER_VERSION = "1"
#: ODD elements whose @source names where their specifications come from.
SOURCE_ELEMENTS = ("schemaSpec", "moduleRef", "elementRef", "classRef", "macroRef", "dataRef",
                   "elementSpec", "classSpec", "macroSpec", "dataSpec")
MAX_CHAIN = 8


class OddError(InputError):
    """An ODD that cannot be compiled (exit 2)."""


@dataclass(frozen=True)
class CompiledOdd:
    """The RELAX NG and Schematron compiled from one ODD, and where they came from."""

    odd: Path
    rng: Path
    sch: Path
    key: str
    cached: bool

    @property
    def has_rules(self) -> bool:
        """Whether the Schematron holds any pattern (an ODD without constraintSpec has none)."""
        root = etree.parse(str(self.sch)).getroot()
        return root.find("{http://purl.oclc.org/dsdl/schematron}pattern") is not None


def cache_root() -> Path:
    """Where compiled schemas are kept: $TEIEDITION_CACHE_DIR, else the XDG user cache folder."""
    if os.environ.get("TEIEDITION_CACHE_DIR"):
        return Path(os.environ["TEIEDITION_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teiedition"


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_P5_DIGEST: dict[tuple, str] = {}


def p5subset_digest() -> str:
    """The shipped p5subset's SHA-256 (hashed once per process and file version)."""
    st = resources.P5SUBSET.stat()
    key = (str(resources.P5SUBSET), st.st_mtime_ns, st.st_size)
    if key not in _P5_DIGEST:
        _P5_DIGEST[key] = _file_digest(resources.P5SUBSET)
    return _P5_DIGEST[key]


# --------------------------------------------------------------------------- the chain


@dataclass
class _Link:
    """One ODD of a chain: its file, and for each @source value the file it resolves to."""

    path: Path
    sources: dict[str, Path | None]  # value -> local file (None: the shipped p5subset)
    customisation: bool


def _is_customisation(root: etree._Element) -> bool:
    ns = {"t": TEI_NS}
    return bool(root.xpath("//t:schemaSpec//t:moduleRef | //t:schemaSpec//t:specGrpRef | "
                           "//t:schemaSpec//*[@mode='change' or @mode='delete' or @mode='replace']",
                           namespaces=ns))


def _resolve(value: str, odd: Path) -> Path | None:
    """A @source value → a local file, or None for the shipped p5subset; network addresses refused."""
    v = value.strip()
    if v.startswith("tei:"):
        return None
    parsed = urlparse(v)
    if parsed.scheme in ("http", "https"):
        if parsed.netloc.endswith("tei-c.org") and v.endswith("p5subset.xml"):
            return None
        raise OddError(f'@source="{v}" is on the network and is never fetched: save it next to the ODD '
                       "and name the local file", path=str(odd))
    if parsed.scheme == "file":
        target = Path(unquote(parsed.path))
    elif parsed.scheme and len(parsed.scheme) > 1:
        raise OddError(f'@source="{v}": unsupported address scheme "{parsed.scheme}"', path=str(odd))
    else:
        target = (odd.parent / unquote(v)).resolve()
    if not target.is_file():
        raise OddError(f'@source="{v}" not found (looked for {target})', path=str(odd))
    return target


def odd_chain(path: str | os.PathLike) -> list[_Link]:
    """The ODD and every local file its @source attributes name, recursively, first the given ODD."""
    links: list[_Link] = []
    seen: dict[Path, _Link] = {}

    def visit(p: Path, depth: int, stack: tuple) -> None:
        if p in stack:
            raise OddError("ODD chain loops back to " + p.name, path=str(stack[0]))
        if depth > MAX_CHAIN:
            raise OddError(f"ODD chain longer than {MAX_CHAIN} files (refused)", path=str(stack[0]))
        if p in seen:
            return
        root = parse_xml_file(p).getroot()
        if etree.QName(root).namespace != TEI_NS:
            raise OddError("not a TEI ODD (root element not in the TEI namespace)", path=str(p))
        sources: dict[str, Path | None] = {}
        for name in SOURCE_ELEMENTS:
            for el in root.iter(f"{{{TEI_NS}}}{name}"):
                value = el.get("source")
                if value is not None and value not in sources:
                    sources[value] = _resolve(value, p)
        link = _Link(p, sources, _is_customisation(root))
        seen[p] = link
        links.append(link)
        for target in sources.values():
            if target is not None:
                visit(target, depth + 1, stack + (p,))

    start = Path(path).resolve()
    if not start.is_file():
        raise OddError("ODD file not found", path=str(path))
    visit(start, 0, ())
    if next(parse_xml_file(start).getroot().iter(f"{{{TEI_NS}}}schemaSpec"), None) is None:
        raise OddError("no <schemaSpec> in this file: not an ODD customisation, nothing to compile", path=str(path))
    return links


def chain_key(links: list[_Link]) -> str:
    """The cache key: the compiler, the Stylesheets, p5subset and each chained file's bytes, in order."""
    h = hashlib.sha256()
    h.update(f"teiedition-odd {COMPILER_VERSION}\n".encode())
    h.update((resources.TEI_STYLESHEETS_DIR / "VERSION").read_bytes())
    h.update(p5subset_digest().encode())
    for link in links:
        h.update(b"\0file\0" + _file_digest(link.path).encode())
        for value, target in sorted(link.sources.items()):
            h.update(f"\0{value}\0{target or 'p5subset'}".encode())
    return h.hexdigest()


# --------------------------------------------------------------------------- compiling


@contextlib.contextmanager
def _stderr_captured():
    """Saxon prints its errors and xsl:messages on fd 2; keep them for a one-line error instead."""
    with tempfile.TemporaryFile() as tmp:
        try:
            saved = os.dup(2)
        except OSError:  # no fd 2 (embedded use): nothing to capture
            yield lambda: ""
            return
        os.dup2(tmp.fileno(), 2)
        text: list[str] = []

        def read() -> str:
            return "".join(text)

        try:
            yield read
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            tmp.seek(0)
            text.append(tmp.read().decode("utf-8", "replace"))


def _last_messages(captured: str, exc: Exception | None = None) -> str:
    lines = [ln.strip() for ln in captured.splitlines() if ln.strip()]
    useful = [ln for ln in lines if not ln.startswith(("Error on line", "In template", "at ", "In "))]
    text = " ".join(useful[-3:]) or (" ".join(str(exc).split()) if exc else "unknown error")
    return text[:600]


class _Stylesheets:
    """The three TEI Stylesheets, compiled once per process."""

    _cache: dict[int, "_Stylesheets"] = {}

    def __init__(self):
        from .schxslt import processor

        self.proc = processor()
        odds = resources.TEI_STYLESHEETS_DIR / "odds"
        xslt = self.proc.new_xslt30_processor()
        self.odd2odd = xslt.compile_stylesheet(stylesheet_file=str(odds / "odd2odd.xsl"))
        self.odd2relax = xslt.compile_stylesheet(stylesheet_file=str(odds / "odd2relax.xsl"))
        self.isosch = xslt.compile_stylesheet(stylesheet_file=str(odds / "extract-isosch.xsl"))

    @classmethod
    def get(cls) -> "_Stylesheets":
        pid = os.getpid()
        if pid not in cls._cache:
            cls._cache[pid] = cls()
        return cls._cache[pid]

    def run_odd2odd(self, source: Path, out: Path) -> None:
        ex = self.odd2odd
        ex.set_parameter("defaultSource", self.proc.make_string_value(resources.P5SUBSET.resolve().as_uri()))
        ex.transform_to_file(source_file=str(source), output_file=str(out))


def _rewrite(link: _Link, compiled_sources: dict[Path, Path], work: Path, n: int) -> Path:
    """A copy of the ODD whose @source values are absolute file addresses (the user's file is untouched)."""
    if not link.sources:
        return link.path  # nothing to resolve: the Stylesheets read the user's file itself
    tree = parse_xml_file(link.path)
    p5 = resources.P5SUBSET.resolve().as_uri()
    for name in SOURCE_ELEMENTS:
        for el in tree.getroot().iter(f"{{{TEI_NS}}}{name}"):
            value = el.get("source")
            if value is None:
                continue
            target = link.sources[value]
            el.set("source", p5 if target is None else compiled_sources.get(target, target).resolve().as_uri())
    out = work / f"odd{n}-{link.path.name}"
    tree.write(str(out), encoding="utf-8", xml_declaration=True)
    return out


def _compile_into(links: list[_Link], work: Path) -> None:
    sheets = _Stylesheets.get()
    compiled_sources: dict[Path, Path] = {}
    # compile the chain from its far end, so each customisation's sources are ready before it
    for n, link in reversed(list(enumerate(links))):
        if n and not link.customisation:
            continue  # a compiled ODD or a p5subset-like file is a source as it stands
        odd = _rewrite(link, compiled_sources, work, n)
        out = work / ("compiled.odd" if n == 0 else f"chain{n}.compiled.xml")
        sheets.run_odd2odd(odd, out)
        compiled_sources[link.path] = out
    compiled = work / "compiled.odd"
    sheets.odd2relax.transform_to_file(source_file=str(compiled), output_file=str(work / "schema.rng"))
    sheets.isosch.transform_to_file(source_file=str(compiled), output_file=str(work / "schema.isosch"))
    for name in ("schema.rng", "schema.isosch"):
        if not (work / name).is_file() or (work / name).stat().st_size == 0:
            raise OddError(f"the TEI Stylesheets wrote no {name}", path=str(links[0].path))


def compile_odd(path: str | os.PathLike, *, use_cache: bool = True) -> CompiledOdd:
    """The ODD's RELAX NG and Schematron: from the cache, else compiled (seconds) and cached."""
    links = odd_chain(path)
    key = chain_key(links)
    final = cache_root() / "odd" / key
    if use_cache and (final / "schema.rng").is_file() and (final / "schema.isosch").is_file():
        return CompiledOdd(Path(path), final / "schema.rng", final / "schema.isosch", key, True)
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=final.parent))
    except OSError as exc:
        raise OddError(f"cannot write the schema cache at {final.parent}: {exc.strerror or exc} "
                       "(set TEIEDITION_CACHE_DIR)", path=str(path)) from None
    try:
        with _stderr_captured() as said:
            try:
                _compile_into(links, work)
            except TeiEditionError:
                raise
            except Exception as exc:  # Saxon: a dynamic error or xsl:message terminate="yes"
                failure = exc
            else:
                failure = None
        if failure is not None:
            raise OddError(f"the TEI Stylesheets could not compile this ODD: {_last_messages(said(), failure)}",
                           path=str(path))
        for extra in work.iterdir():
            if extra.name not in ("schema.rng", "schema.isosch", "compiled.odd"):
                extra.unlink()
        if final.exists():
            shutil.rmtree(final, ignore_errors=True)
        try:
            os.replace(work, final)
        except OSError:  # another process finished first: its copy is as good as ours
            if not (final / "schema.rng").is_file():
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return CompiledOdd(Path(path), final / "schema.rng", final / "schema.isosch", key, False)


def write_schemas(odd: str | os.PathLike, out_dir: str | os.PathLike, *, use_cache: bool = True) -> list[Path]:
    """``teiedition schema ODD -o DIR``: write NAME.rng and NAME.isosch (NAME: the ODD's file name stem)."""
    compiled = compile_odd(odd, use_cache=use_cache)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        stem = Path(odd).stem
        written = [out / f"{stem}.rng", out / f"{stem}.isosch"]
        shutil.copyfile(compiled.rng, written[0])
        shutil.copyfile(compiled.sch, written[1])
    except OSError as exc:
        raise InputError(f"cannot write the schemas: {exc.strerror or exc}", path=str(out)) from None
    return written
