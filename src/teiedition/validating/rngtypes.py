"""RELAX NG datatypes: the built-in library and XML Schema's, with the words jing uses for them.

Why: the derivative validator (``rngvalid``) must accept exactly the values
jing accepts, and its messages must say what a value should have been
(``must be an ISO date``).  XML Schema's lexical and value spaces come from
``xmlschema`` (already a dependency, built lazily: 0.2 s once); facets are
applied here, regular expressions translated by ``elementpath`` as XML Schema
defines them.
"""

from __future__ import annotations

import functools
import re

XSD_LIB = "http://www.w3.org/2001/XMLSchema-datatypes"

#: How jing names a type in "must be ..." (jing's own phrases, for XML Schema's types).
_DESCRIPTIONS = {
    "date": "an ISO date", "dateTime": "an ISO date and time", "time": "an ISO time",
    "gYear": "a year", "gYearMonth": "an ISO year and month", "gMonth": "an ISO month (of the form --MM)",
    "gDay": "an ISO day of the month (of the form ---DD)", "gMonthDay": "an ISO month and day (of the form --MM-DD)",
    "duration": "an ISO duration", "double": "a floating-point number", "float": "a floating-point number",
    "decimal": "a decimal number", "integer": "an integer", "nonNegativeInteger": "an integer greater than or equal to 0",
    "positiveInteger": "an integer greater than 0", "nonPositiveInteger": "an integer less than or equal to 0",
    "negativeInteger": "an integer less than 0", "boolean": "\"true\", \"false\", \"1\" or \"0\"",
    "anyURI": "a URI", "language": "an RFC 3066 language identifier", "NCName": "a name with no colon",
    "Name": "a name", "ID": "a name with no colon", "IDREF": "a name with no colon",
    "IDREFS": "a list of names with no colon", "NMTOKEN": "a name token", "NMTOKENS": "a list of name tokens",
    "QName": "a qualified name",
}


class DatatypeError(ValueError):
    """A datatype or parameter this validator does not know (the grammar is refused, as jing would)."""


@functools.lru_cache(maxsize=1)
def _xsd_types():
    import xmlschema

    meta = xmlschema.XMLSchema.meta_schema
    meta.build()
    return meta.types


@functools.lru_cache(maxsize=None)
def _regex(source: str) -> re.Pattern:
    """An XML Schema regular expression as Python's (XSD's classes and anchoring, by elementpath)."""
    from elementpath.regex import translate_pattern

    return re.compile(translate_pattern(source, anchors=False))


def _collapse(s: str) -> str:
    return " ".join(s.split())


class Datatype:
    """One (library, type, params) triple: ``allows(s)``, ``equal(a, b)``, and a phrase for messages."""

    def __init__(self, library: str, name: str, params: tuple[tuple[str, str], ...] = ()):
        self.library, self.name, self.params = library, name, params
        self.id_type = name if library == XSD_LIB and name in ("ID", "IDREF", "IDREFS") else None
        if library == "":
            if name not in ("string", "token"):
                raise DatatypeError(f"unknown datatype {name!r} of the built-in library")
            if params:
                raise DatatypeError("the built-in datatypes take no parameters")
            self.xsd = None
        elif library == XSD_LIB:
            try:
                self.xsd = _xsd_types()[name]
            except KeyError:
                raise DatatypeError(f"unknown XML Schema datatype {name!r}") from None
        else:
            raise DatatypeError(f"unknown datatype library {library!r}")
        self.patterns = []
        self.bounds = []
        self.lengths = []
        for pname, pvalue in params:
            if pname == "pattern":
                self.patterns.append((pvalue, None))  # translated on first use (0.1 s for \p{..} classes)
            elif pname in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                self.bounds.append((pname, self.xsd.decode(pvalue)))
            elif pname in ("length", "minLength", "maxLength"):
                self.lengths.append((pname, int(pvalue)))
            elif pname in ("totalDigits", "fractionDigits"):
                self.lengths.append((pname, int(pvalue)))
            else:
                raise DatatypeError(f"unknown datatype parameter {pname!r}")

    def value(self, s: str):
        """The value of ``s`` in this type, or raise ValueError."""
        if self.xsd is None:
            return s if self.name == "string" else _collapse(s)
        if not self.xsd.is_valid(s):
            raise ValueError(s)
        return self.xsd.decode(s)

    def allows(self, s: str) -> bool:
        try:
            v = self.value(s)
        except (ValueError, TypeError, ArithmeticError):
            return False
        except Exception:  # xmlschema's own errors
            return False
        lexical = s if self.name == "string" else _collapse(s)
        for i, (source, rx) in enumerate(self.patterns):
            if rx is None:
                rx = _regex(source)
                self.patterns[i] = (source, rx)
            if not rx.fullmatch(lexical):
                return False
        for pname, bound in self.bounds:
            try:
                if ((pname == "minInclusive" and not v >= bound) or (pname == "maxInclusive" and not v <= bound)
                        or (pname == "minExclusive" and not v > bound)
                        or (pname == "maxExclusive" and not v < bound)):
                    return False
            except TypeError:
                return False
        for pname, n in self.lengths:
            size = len(v.split()) if self.name in ("IDREFS", "NMTOKENS", "ENTITIES") else len(lexical)
            if ((pname == "length" and size != n) or (pname == "minLength" and size < n)
                    or (pname == "maxLength" and size > n)):
                return False
            if pname in ("totalDigits", "fractionDigits"):
                digits = lexical.lstrip("+-").lstrip("0").replace(".", "") if pname == "totalDigits" else (
                    lexical.split(".")[1].rstrip("0") if "." in lexical else "")
                if len(digits) > n:
                    return False
        return True

    def equal(self, a: str, b: str) -> bool:
        try:
            return self.value(a) == self.value(b)
        except Exception:
            return False

    def describe(self) -> str:
        """jing's phrase: ``an ISO date``, ``a string matching the regular expression "..."``."""
        if self.patterns:
            return f'a string matching the regular expression "{self.patterns[0][0]}"'
        if self.xsd is None:
            return "a string"
        text = _DESCRIPTIONS.get(self.name, f"a value of type {self.name}")
        for i, (pname, bound) in enumerate(self.bounds):
            word = {"minInclusive": "greater than or equal to", "maxInclusive": "less than or equal to",
                    "minExclusive": "greater than", "maxExclusive": "less than"}[pname]
            text += f" {'and ' if i else ''}{word} {bound}"
        for pname, n in self.lengths:
            text += {"length": f" with length {n}", "minLength": f" with length at least {n}",
                     "maxLength": f" with length at most {n}"}.get(pname, "")
        return text


@functools.lru_cache(maxsize=None)
def datatype(library: str, name: str, params: tuple = ()) -> Datatype:
    return Datatype(library, name, params)
