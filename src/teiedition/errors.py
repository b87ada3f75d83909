"""Domain errors and the exit codes they map to.

Why: every command turns one of these into a single line on stderr and a
documented exit code, so no user ever sees a traceback.

Exit codes (all commands):
  0  success (warnings may have been printed)
  1  a document is invalid or could not be processed (others may have succeeded)
  2  unreadable input, unsafe input, or a usage error
  3  internal error (a bug: please report it; set TEIEDITION_DEBUG=1 for a traceback)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3


class TeiEditionError(Exception):
    """Base class: a one-line, user-facing message and an exit code."""

    exit_code = EXIT_UNREADABLE

    def __init__(self, message: str, *, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(TeiEditionError):
    """The input cannot be read: missing, empty, binary, undecodable, too large."""

    exit_code = EXIT_UNREADABLE


class UnsafeInputError(InputError):
    """The input asks for something we refuse: entities, external DTDs, XInclude."""


class XmlSyntaxError(InputError):
    """The input is not well-formed XML."""


class EngineUnavailable(TeiEditionError):
    """A rendering engine cannot start on this machine (e.g. under a memory limit): say so, exit 1."""

    exit_code = 1


class InvalidDocument(TeiEditionError):
    """The input is readable but not what the operation needs (e.g. not TEI)."""

    exit_code = EXIT_INVALID
