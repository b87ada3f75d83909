"""A small progress bar for long commands: on a terminal only, never in CI or logs.

Why: a build or validation of thousands of files should show it is alive, but a
bar full of carriage returns ruins CI logs and piped output.  The bar goes to
stderr, redraws at most ten times a second, and is erased when done so the
summary line that follows stands alone.

Usage::

    with Progress(len(paths), label="validate", enabled=progress) as bar:
        for path in paths:
            ...
            bar.advance(note=path.name)
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import TextIO


def progress_wanted(requested: bool | None, stream: TextIO | None = None) -> bool:
    """Whether to draw a bar: an explicit choice wins; else only on a terminal outside CI."""
    if requested is not None:
        return requested
    if os.environ.get("CI"):
        return False
    stream = sys.stderr if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """A one-line ``label [#####.....] done/total note`` bar; a no-op when disabled."""

    #: Seconds between redraws: often enough to look alive, rarely enough to cost nothing.
    INTERVAL = 0.1

    def __init__(self, total: int, *, label: str = "", enabled: bool | None = None,
                 stream: TextIO | None = None):
        self.total = max(int(total), 0)
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.enabled = progress_wanted(enabled, self.stream) and self.total > 0
        self.done = 0
        self._last_draw = 0.0
        self._drawn = False

    def __enter__(self) -> "Progress":
        self._draw("", force=True)
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def advance(self, n: int = 1, *, note: str = "") -> None:
        """Count ``n`` more items as done; redraw when the interval has passed or at the end."""
        self.done = min(self.done + n, self.total)
        self._draw(note, force=self.done >= self.total)

    def write(self, message: str) -> None:
        """Print a line (a failure, a warning) above the bar, which is then redrawn."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[2K")
        self.stream.write(message + "\n")
        self._drawn = False
        self._draw("", force=True)
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar so the next line (the summary) starts clean."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False

    def line(self, note: str = "") -> str:
        """The bar as text (without control characters), fitted to ``width`` columns."""
        width = shutil.get_terminal_size((80, 24)).columns
        count = f"{self.done}/{self.total}"
        head = f"{self.label} " if self.label else ""
        bar_width = max(10, min(40, width // 3))
        filled = bar_width * self.done // self.total if self.total else bar_width
        text = f"{head}[{'#' * filled}{'.' * (bar_width - filled)}] {count}"
        room = width - len(text) - 2
        if note and room > 5:
            text += " " + (note if len(note) <= room else note[: room - 1] + "…")
        return text

    def _draw(self, note: str, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < self.INTERVAL:
            return
        self._last_draw = now
        self.stream.write("\r\x1b[2K" + self.line(note))
        self.stream.flush()
        self._drawn = True
