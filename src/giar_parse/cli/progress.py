"""A one-line progress bar on stderr for long batches (no dependency)."""

from __future__ import annotations

import time
from typing import TextIO

__all__ = ["Progress"]

_BAR = 30
_INTERVAL = 0.1  # seconds between redraws


class Progress:
    """Redraws ``[#####.....] done/total`` in place; does nothing when not ``enabled``."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 0
        self.done = 0
        self.failed = 0
        self._drawn = 0.0
        self._started = time.monotonic()

    def advance(self, *, failed: bool) -> None:
        """Count one finished input and redraw, at most ten times a second."""
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= _INTERVAL or self.done == self.total):
            self._drawn = now
            filled = _BAR * self.done // self.total
            rate = self.done / max(now - self._started, 1e-9)
            bar = "#" * filled + "." * (_BAR - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total}  {self.failed} failed  {rate:.0f}/s")
            self.stream.flush()

    def note(self, message: str) -> None:
        """Write a line to the stream, clearing the bar first (it is redrawn on the next advance)."""
        self.clear()
        self.stream.write(message + "\n")
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar."""
        if self.enabled:
            self.stream.write("\r\033[K")
            self._drawn = 0.0
