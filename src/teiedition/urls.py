"""Turning file names into URLs: one function, used by every link, permanent URL and DTS answer.

Why: a file name is text (``café report #2.html``), a URL path segment is
percent-encoded UTF-8 (``caf%C3%A9%20report%20%232.html``).  Encoding must
happen exactly once, at the moment a name becomes part of a URL: encoding a
name that was already encoded turns ``%`` into ``%25`` (a 404), and not
encoding it leaves spaces, ``#`` and ``?`` that cut the URL short.  Every
place that puts a name into a URL calls :func:`segment`; code that holds an
encoded URL and needs the name back calls :func:`name_of`.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

__all__ = ["name_of", "segment", "under"]


def segment(name: str) -> str:
    """``name`` as one URL path segment: UTF-8, every character but letters, digits and ``-._~`` escaped.

    ``/`` is escaped too: a name is never a path.
    """
    return quote(name, safe="", encoding="utf-8", errors="strict")


def under(base: str, name: str) -> str:
    """The URL of the file ``name`` in the folder whose URL is ``base`` (which ends with ``/``)."""
    return base + segment(name)


def name_of(href: str) -> str:
    """The file name at the end of an encoded relative URL (``a/caf%C3%A9.xml`` -> ``café.xml``)."""
    return unquote(href.rsplit("/", 1)[-1], encoding="utf-8", errors="strict")
