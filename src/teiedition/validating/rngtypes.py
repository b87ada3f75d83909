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
import unicodedata

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


# --------------------------------------------------------------------------- XML Schema types, natively
# The types TEI grammars use, checked here in microseconds (xmlschema's is_valid costs ~0.3 ms a call and
# 0.45 s to load); any other type goes to xmlschema.  Each function takes the whitespace-collapsed
# lexical form and returns the value (for equality and bounds) or raises ValueError.

_NAME_START = (":A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
               "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_NAME_CHAR = _NAME_START + "\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
_NAME = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
_NCNAME = re.compile(f"[{_NAME_START.replace(':', '')}][{_NAME_CHAR.replace(':', '')}]*")
_NMTOKEN = re.compile(f"[{_NAME_CHAR}]+")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_DOUBLE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|-?INF|NaN", re.ASCII)
_TZ = r"(Z|[+-](\d\d):(\d\d))?"
_YEAR = r"(-?)(\d{4,})"
_DURATION = re.compile(r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?", re.ASCII)
_GREGORIAN = {
    "date": re.compile(f"{_YEAR}-(\\d\\d)-(\\d\\d){_TZ}", re.ASCII),
    "dateTime": re.compile(f"{_YEAR}-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?{_TZ}", re.ASCII),
    "time": re.compile(f"(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?{_TZ}", re.ASCII),
    "gYear": re.compile(f"{_YEAR}{_TZ}", re.ASCII),
    "gYearMonth": re.compile(f"{_YEAR}-(\\d\\d){_TZ}", re.ASCII),
    "gMonth": re.compile(f"--(\\d\\d){_TZ}", re.ASCII),
    "gDay": re.compile(f"---(\\d\\d){_TZ}", re.ASCII),
    "gMonthDay": re.compile(f"--(\\d\\d)-(\\d\\d){_TZ}", re.ASCII),
}
_INTEGER_RANGES = {
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1), "long": (-2**63, 2**63 - 1),
    "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
    "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 65535),
    "unsignedByte": (0, 255),
}


def _days_in(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _check_tz(hours, minutes) -> None:
    if hours is not None and (int(minutes) > 59 or int(hours) * 60 + int(minutes) > 14 * 60):
        raise ValueError("timezone")


def _check_time(h, m, sec, frac) -> None:
    h, m, sec = int(h), int(m), int(sec)
    if h == 24 and (m or sec or (frac and int(frac[1:] or 0))):
        raise ValueError("24:00:00 only")
    if h > 24 or m > 59 or sec > 59:
        raise ValueError("time")


def _gregorian(name: str, s: str):
    m = _GREGORIAN[name].fullmatch(s)
    if not m:
        raise ValueError(s)
    g = m.groups()
    if name in ("date", "dateTime", "gYear", "gYearMonth"):
        sign, year = g[0], g[1]
        if int(year) == 0 or (len(year) > 4 and year.startswith("0")):
            raise ValueError("year")
        y = -int(year) if sign else int(year)
        if name in ("date", "dateTime", "gYearMonth"):
            month = int(g[2])
            if not 1 <= month <= 12:
                raise ValueError("month")
            if name != "gYearMonth":
                day = int(g[3])
                if not 1 <= day <= _days_in(y if y > 0 else y + 1, month):
                    raise ValueError("day")
        if name == "dateTime":
            _check_time(g[4], g[5], g[6], g[7])
    elif name == "time":
        _check_time(g[0], g[1], g[2], g[3])
    elif name in ("gMonth", "gMonthDay"):
        month = int(g[0])
        if not 1 <= month <= 12:
            raise ValueError("month")
        if name == "gMonthDay" and not 1 <= int(g[1]) <= _days_in(2000, month):
            raise ValueError("day")
    elif name == "gDay" and not 1 <= int(g[0]) <= 31:
        raise ValueError("day")
    _check_tz(g[-2], g[-1])
    return s


def _native(name: str):
    """The checking function for an XML Schema type, or None for xmlschema to handle."""
    from decimal import Decimal

    def matching(rx, convert=lambda s: s):
        def check(s):
            if not rx.fullmatch(s):
                raise ValueError(s)
            return convert(s)
        return check

    if name in ("string", "normalizedString", "token", "anyURI"):
        return lambda s: s  # anyURI: any string, as xmlschema and jing take it
    if name in ("NCName", "ID", "IDREF", "ENTITY"):
        return matching(_NCNAME)
    if name == "Name":
        return matching(_NAME)
    if name == "NMTOKEN":
        return matching(_NMTOKEN)
    if name in ("NMTOKENS", "IDREFS", "ENTITIES"):
        item = _NMTOKEN if name == "NMTOKENS" else _NCNAME

        def check_list(s):
            parts = s.split()
            if not parts or not all(item.fullmatch(p) for p in parts):
                raise ValueError(s)
            return tuple(parts)
        return check_list
    if name == "language":
        return matching(_LANGUAGE)
    if name == "boolean":
        return lambda s: {"true": True, "1": True, "false": False, "0": False}[s]
    if name == "decimal":
        return matching(_DECIMAL, Decimal)
    if name in _INTEGER_RANGES:
        low, high = _INTEGER_RANGES[name]

        def check_int(s):
            if not _INTEGER.fullmatch(s):
                raise ValueError(s)
            v = int(s)
            if (low is not None and v < low) or (high is not None and v > high):
                raise ValueError(s)
            return v
        return check_int
    if name in ("double", "float"):
        return matching(_DOUBLE, lambda s: float(s.replace("INF", "inf")))
    if name in _GREGORIAN:
        return lambda s: _gregorian(name, s)
    if name == "duration":
        return matching(_DURATION)
    return None


class DatatypeError(ValueError):
    """A datatype or parameter this validator does not know (the grammar is refused, as jing would)."""


@functools.lru_cache(maxsize=1)
def _xsd_types():
    import xmlschema

    meta = xmlschema.XMLSchema.meta_schema
    meta.build()
    return meta.types


class _NoControlOrSeparator:
    """``[^\\p{C}\\p{Z}]+`` (TEI's teidata.word, on 171 attributes) by Unicode category, without a huge class."""

    @staticmethod
    def fullmatch(s: str) -> bool:
        return bool(s) and all(unicodedata.category(c)[0] not in "CZ" for c in s)


#: Patterns tei_all uses most, written directly (elementpath takes 0.1 s to build a \p{..} class).
_COMMON_REGEXES = {r"[^\p{C}\p{Z}]+": _NoControlOrSeparator(), r"\S+": re.compile(r"[^ \t\n\r]+")}


@functools.lru_cache(maxsize=None)
def _regex(source: str):
    """An XML Schema regular expression as Python's (XSD's classes and anchoring, by elementpath)."""
    if source in _COMMON_REGEXES:
        return _COMMON_REGEXES[source]
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
            self.native = None
        elif library == XSD_LIB:
            self.native = _native(name)
            if self.native is None:
                try:
                    self.xsd = _xsd_types()[name]
                except KeyError:
                    raise DatatypeError(f"unknown XML Schema datatype {name!r}") from None
            else:
                self.xsd = True
        else:
            raise DatatypeError(f"unknown datatype library {library!r}")
        self.patterns = []
        self.bounds = []
        self.lengths = []
        for pname, pvalue in params:
            if pname == "pattern":
                self.patterns.append((pvalue, None))  # translated on first use (0.1 s for \p{..} classes)
            elif pname in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                try:
                    self.bounds.append((pname, self.value(pvalue)))
                except (ValueError, KeyError):
                    raise DatatypeError(f"bad {pname} {pvalue!r} for {name}") from None
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
        if self.native is not None:
            return self.native(s if self.name == "string" else (
                " ".join(s.replace("\t", " ").replace("\n", " ").replace("\r", " ").split(" "))
                if self.name == "normalizedString" else _collapse(s)))
        if not self.xsd.is_valid(s):
            raise ValueError(s)
        return self.xsd.decode(s)

    def allows(self, s: str) -> bool:
        try:
            v = self.value(s)
        except (ValueError, TypeError, ArithmeticError, KeyError):
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
