"""Run the project's XSLT 3.0 stylesheets with saxonche, compiled once per process.

Why: compiling a stylesheet costs far more than running it, so each process
keeps one ``PySaxonProcessor`` and a cache of compiled stylesheets, reused for
every document.  Input documents are parsed by ``safexml`` (hardened lxml)
and handed to Saxon as entity-free XML text, so Saxon never resolves a DTD,
entity or XInclude of its own.  Once the entry stylesheets are compiled the
processor is locked down (Saxon's ``allowedProtocols`` set to nothing): from
then on no stylesheet can read any URI at run time, whatever the input says.

Usage::

    from teiedition.rendering import xsltrun
    html = xsltrun.compiled("html.xsl").transform(tree, {"tei-href": "doc.xml"})
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from .. import resources
from ..errors import EngineUnavailable, InvalidDocument, TeiEditionError
from ..safexml import parse_xml_bytes

#: Where the stylesheets live: the repository's ``xslt/`` folder (override with TEIEDITION_XSLT_DIR).
XSLT_DIR = resources.XSLT_DIR

_ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
_XINCLUDE = "http://saxon.sf.net/feature/xinclude-aware"

_lock = threading.RLock()
_processor = None
_cache: dict[str, "Stylesheet"] = {}
_failed: dict[str, StylesheetError] = {}
_locked_down = False


class StylesheetError(TeiEditionError):
    """A stylesheet of ours failed to compile: a bug in the project, not in the input."""

    exit_code = 3


@dataclass(frozen=True)
class TransformResult:
    """What a transformation produced: the serialised output and any xsl:message texts."""

    output: str
    messages: tuple[str, ...] = ()


#: The JDK parser inside Saxon refuses depth over 100 and 200 attributes (namespaces) per element,
#: valid TEI that ``validate`` accepts; the text Saxon gets comes from our hardened lxml parse.
_PARSER_PROPERTY = "http://saxon.sf.net/feature/parserProperty?uri="
_JAXP = "http://www.oracle.com/xml/jaxp/properties/"
_JAXP_LIMITS = ("maxElementDepth", "elementAttributeLimit")


def _check_isolate_can_start() -> None:
    """Under an address-space limit (``ulimit -v``) saxonche's GraalVM runtime cannot start and
    kills the whole process with ``graal_create_isolate error``; try it in a child first."""
    try:
        import resource  # lazy: POSIX only; this check is skipped where it is missing

        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, ValueError, OSError):
        return
    if soft == resource.RLIM_INFINITY or not hasattr(os, "fork"):
        return
    pid = os.fork()
    if pid == 0:  # the child: start the engine, report by exit status only
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            from saxonche import PySaxonProcessor  # lazy: in the forked child only, to try the isolate

            PySaxonProcessor(license=False)
            os._exit(0)
        except BaseException:
            os._exit(1)
    _pid, status = os.waitpid(pid, 0)
    if status != 0:
        raise EngineUnavailable(
            f"the XSLT engine (saxonche) cannot start under the memory limit of {soft // 2**20} MB "
            "(ulimit -v): its runtime reserves about 32 GB of address space; raise or remove the limit")


def processor():
    """The one ``PySaxonProcessor`` of this process, created on first use."""
    global _processor
    with _lock:
        if _processor is None:
            _check_isolate_can_start()
            from saxonche import PySaxonProcessor  # lazy: only after the child showed it can start

            proc = PySaxonProcessor(license=False)
            proc.set_configuration_property(_XINCLUDE, "false")
            for name in _JAXP_LIMITS:  # lxml already parsed (and bounded) the input: no second, lower limit
                proc.set_configuration_property(_PARSER_PROPERTY + quote(_JAXP + name, safe=""), "0")
            _processor = proc
        return _processor


def entry_stylesheets() -> list[str]:
    """The entry stylesheets (``xslt/*.xsl``), all compiled before the processor is locked down."""
    return sorted(p.name for p in XSLT_DIR.glob("*.xsl"))


def compiled(name: str) -> "Stylesheet":
    """The compiled stylesheet ``name`` (relative to ``xslt/``), compiled once per process.

    The first call compiles the requested stylesheet and every entry stylesheet
    (``xslt/*.xsl``), then forbids Saxon any URI access (``allowedProtocols``
    empty), so no input can make a stylesheet read a file.  Saxon cannot lift
    that restriction again: a stylesheet that is not an entry point can only be
    compiled by the very first call of the process.  An entry stylesheet that
    fails to compile does not stop the others; its error is raised when asked for.
    """
    with _lock:
        if name in _cache:
            return _cache[name]
        if name in _failed:
            raise _failed[name]
        if _locked_down:
            raise StylesheetError(
                f"{name}: not an entry stylesheet in {XSLT_DIR} and compiled after lock-down"
            )
        _cache[name] = _compile(name)
        for entry in entry_stylesheets():
            if entry not in _cache:
                try:
                    _cache[entry] = _compile(entry)
                except StylesheetError as exc:
                    _failed[entry] = exc
        _lock_down()
        return _cache[name]


def safe_processor():
    """The processor, locked down first: for XPath over untrusted input (``doc()``, ``unparsed-text()`` refused).

    Locking down compiles the entry stylesheets (once per process), as ``compiled`` does.
    """
    with _lock:
        if not _locked_down:
            entries = entry_stylesheets()
            if entries:
                with contextlib.suppress(StylesheetError):
                    compiled(entries[0])
            if not _locked_down:
                _lock_down()
        return processor()


def _lock_down() -> None:
    global _locked_down
    processor().set_configuration_property(_ALLOWED_PROTOCOLS, "")
    _locked_down = True


def _compile(name: str) -> "Stylesheet":
    path = (XSLT_DIR / name).resolve()
    if not path.is_file():
        raise StylesheetError(f"stylesheet not found: {path}")
    proc = processor()
    xslt = proc.new_xslt30_processor()
    try:
        executable = xslt.compile_stylesheet(stylesheet_file=str(path))
    except Exception as exc:  # PySaxonApiError: static errors in our own stylesheet
        raise StylesheetError(f"{name}: stylesheet does not compile: {_one_line(exc)}") from None
    if executable is None:
        raise StylesheetError(f"{name}: stylesheet does not compile")
    return Stylesheet(name, path, executable)


class Stylesheet:
    """One compiled stylesheet; ``transform`` runs it on a document with parameters."""

    def __init__(self, name: str, path: Path, executable):
        self.name = name
        self.path = path
        self._executable = executable
        self._executable.set_save_xsl_message(True)

    def __repr__(self) -> str:
        return f"Stylesheet({self.name!r})"

    def transform(self, source, params: dict | None = None) -> str:
        """Transform an lxml tree/element or XML bytes; return the serialised output."""
        return self.run(source, params).output

    def run(self, source, params: dict | None = None) -> TransformResult:
        """Like ``transform``, but also return the stylesheet's xsl:message texts (warnings).

        ``source`` may also be a document ``xdm_document`` parsed already (used as it is).
        """
        given = source if _is_xdm(source) else None
        text = None if given is not None else _as_xml_text(source)
        with _lock:
            proc = processor()
            exe = self._executable
            exe.clear_parameters()
            exe.clear_xsl_messages()
            for key, value in (params or {}).items():
                if value is not None:
                    exe.set_parameter(key, _xdm_value(proc, value))
            try:
                node = given if given is not None else proc.parse_xml(xml_text=text, encoding="UTF-8")
                output = exe.transform_to_string(xdm_node=node)
            except Exception as exc:  # PySaxonApiError: a dynamic error, or xsl:message terminate="yes"
                said = _messages(exe)
                reason = said[-1] if said else _one_line(exc)
                raise InvalidDocument(f"cannot render ({self.name}): {reason}") from None
            finally:
                exe.clear_parameters()
            messages = _messages(exe)
        if output is None:
            raise InvalidDocument(f"cannot render ({self.name}): the stylesheet produced nothing")
        return TransformResult(output, messages)


def xdm_document(source):
    """A document as Saxon's tree, parsed once from its entity-free text (``_as_xml_text``).

    Why: a build hands one document to several stylesheets and XPath walks (the HTML page,
    the DTS citation tree); each used to serialise the lxml tree and parse it again.
    """
    text = _as_xml_text(source)
    with _lock:
        try:
            return processor().parse_xml(xml_text=text, encoding="UTF-8")
        except EngineUnavailable:
            raise
        except Exception as exc:  # PySaxonApiError; lxml's text should always parse
            raise InvalidDocument(f"cannot read the document into the XSLT engine: {_one_line(exc)}") from None


def _is_xdm(source) -> bool:
    """Is ``source`` a Saxon node (``xdm_document``)?  By type name: saxonche is imported lazily."""
    return type(source).__name__ == "PyXdmNode"


def _as_xml_text(source) -> str:
    """Entity-free XML text for Saxon; bytes go through the hardened parser first."""
    if isinstance(source, (bytes, bytearray)):
        source = parse_xml_bytes(bytes(source))
    if isinstance(source, etree._ElementTree):
        source = source.getroot()
    if not isinstance(source, etree._Element):
        raise TypeError(f"expected an lxml tree, element or bytes, not {type(source).__name__}")
    # The root element alone: no DOCTYPE, no internal subset, nothing for Saxon to resolve.
    return etree.tostring(source, encoding="unicode", with_tail=False)


def _xdm_value(proc, value):
    if isinstance(value, bool):
        return proc.make_boolean_value(value)
    if isinstance(value, int):
        return proc.make_integer_value(value)
    if isinstance(value, float):
        return proc.make_double_value(value)
    return proc.make_string_value(str(value))


def _messages(exe) -> tuple[str, ...]:
    try:
        found = exe.get_xsl_messages()
    except Exception:
        return ()
    if found is None:
        return ()
    texts = []
    for item in found:
        text = " ".join(str(item.string_value if hasattr(item, "string_value") else item).split())
        if text:
            texts.append(text)
    return tuple(texts)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:400] + ("…" if len(text) > 400 else "")
