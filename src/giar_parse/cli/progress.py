"""What a batch did so far: the honest summary line, and a progress bar on stderr (no dependency)."""

from __future__ import annotations

import time
from typing import TextIO

from giar_parse.cli.batch import Outcome

__all__ = ["Progress", "Tally"]


class Tally:
    """Counts every input once: parsed clean, with warnings, with errors (still parsed), or failed.

    >>> from giar_parse.cli.batch import Outcome
    >>> tally = Tally(4)
    >>> tally.add(Outcome("a"))
    >>> tally.add(Outcome("b", warnings=2))
    >>> tally.add(Outcome("c", errors=1, warnings=1))
    >>> tally.add(Outcome("d", error="d: cannot read: No such file or directory"))
    >>> tally.summary()
    '4 inputs: 3 parsed (1 clean, 1 with warnings, 1 with errors), 1 failed'
    """

    def __init__(self, total: int) -> None:
        self.total = total
        self.clean = self.warned = self.errored = self.failed = 0

    def add(self, outcome: Outcome) -> None:
        """Count one finished input."""
        if outcome.error is not None:
            self.failed += 1
        elif outcome.errors:
            self.errored += 1
        elif outcome.warnings:
            self.warned += 1
        else:
            self.clean += 1

    def summary(self) -> str:
        """``N inputs: P parsed (C clean, W with warnings, E with errors), F failed``; says how many are left."""
        parsed = self.clean + self.warned + self.errored
        text = (
            f"{self.total} inputs: {parsed} parsed ({self.clean} clean, {self.warned} with warnings, "
            f"{self.errored} with errors), {self.failed} failed"
        )
        left = self.total - parsed - self.failed
        return f"{text}, {left} not done" if left else text


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
