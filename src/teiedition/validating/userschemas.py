"""The user's own schemas beyond .xsd and .rng: RELAX NG compact, Schematron of any binding, ODD.

Why: projects keep their schema in the form their tools made it: ``.rnc``
from Roma or trang, Schematron with ``queryBinding="xslt2"`` (what ODDs
yield), or the ODD itself.  Each becomes checks of the kinds ``validate``
already runs; RELAX NG always goes through the validator's own RELAX NG
entry points, so its verdicts and messages are the same as for a ``.rng``.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..errors import InputError
from .reports import MAX_PROBLEMS_PER_CHECK, Problem, more_problems
from .xsd import SchemaError

#: Bindings lxml's XSLT 1.0 Schematron runs; others go to SchXslt2 under saxonche.
XSLT1_BINDINGS = ("xslt", "exslt", "xpath")


def rnc_to_rng(path: Path) -> Path:
    """RELAX NG compact syntax → XML syntax with rnc2rng (pure Python), cached by the file's hash."""
    import rnc2rng

    from .odd import cache_root

    data = path.read_bytes()
    key = hashlib.sha256(b"rnc2rng\0" + data + b"\0" + str(path.resolve().parent).encode()).hexdigest()
    out = cache_root() / "rnc" / f"{key}.rng"
    if out.is_file():
        return out
    try:
        # includes and externalRefs are resolved relative to the .rnc file itself
        rng = rnc2rng.dumps(rnc2rng.load(str(path)))
    except Exception as exc:  # rnc2rng raises its parser's own errors
        raise SchemaError(f"cannot read RELAX NG compact schema: {' '.join(str(exc).split())[:300]}",
                          path=str(path)) from None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".rng", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(rng)
        os.replace(tmp, out)
    except OSError as exc:
        raise SchemaError(f"cannot write the schema cache at {out.parent}: {exc.strerror or exc} "
                          "(set TEIEDITION_CACHE_DIR)", path=str(path)) from None
    return out


class Xslt3SchematronCheck:
    """Schematron with an XSLT 2/3 binding (SchXslt2 + saxonche); findings located on their element."""

    uses_saxon = True  # batches give this check fresh worker processes, never forked ones

    def __init__(self, path: Path, rule_prefix: str = ""):
        from .schxslt import Xslt3Schematron

        self.rule_prefix = rule_prefix
        try:
            self.schema = Xslt3Schematron(path)
        except InputError as exc:
            raise SchemaError(str(exc).split(": ", 1)[-1], path=str(path)) from None

    def check(self, tree, name: str, locate) -> list[Problem]:
        problems = []
        findings = self.schema.check(tree, limit=MAX_PROBLEMS_PER_CHECK)
        for f in findings:
            el = f.element if f.element is not None else tree.getroot()
            line, col = locate.position(el)
            problems.append(Problem(name, line, col, f.severity, f.message, self.rule_prefix + f.rule,
                                    locate.xpath(el)))
        if self.schema.unlisted:
            problems.append(more_problems(name, "schematron", self.schema.unlisted))
        return problems


def schematron_check(path: Path, compiled, lxml_check):
    """lxml's engine for XSLT 1.0 Schematron (fast, in C), SchXslt2 for every other binding."""
    from .schxslt import query_binding

    try:
        binding = query_binding(path)
    except InputError as exc:
        raise SchemaError(str(exc).split(": ", 1)[-1], path=str(path)) from None
    if binding in XSLT1_BINDINGS:
        return compiled(lxml_check, path)
    return compiled(Xslt3SchematronCheck, path)


def odd_checks(path: Path, rng_check) -> list:
    """An ODD: its compiled RELAX NG (rule ``odd:NAME``) and, if it has constraints, its Schematron."""
    from .odd import compile_odd

    result = compile_odd(path)
    checks = [rng_check(result.rng, f"odd:{path.name}")]
    if result.has_rules:
        checks.append(_compiled_sch(result.sch))
    return checks


_SCH: dict[str, Xslt3SchematronCheck] = {}


def _compiled_sch(path: Path) -> Xslt3SchematronCheck:
    key = str(path)
    if key not in _SCH:
        _SCH[key] = Xslt3SchematronCheck(path)
    return _SCH[key]
