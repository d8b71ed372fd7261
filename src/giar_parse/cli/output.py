"""Outcomes → the output, as they come: JSON, JSON Lines, CSV, a table or Parquet, closed validly even on Ctrl-C."""

from __future__ import annotations

import contextlib
import signal
import textwrap
import threading
from collections.abc import Iterator
from typing import Any, TextIO

from giar_parse.cli.batch import Options, Outcome, csv_header
from giar_parse.writing.parquet import ParquetWriter

__all__ = ["Interrupt", "Writer", "held"]


class Writer:
    """Writes outcomes as they come, so memory stays flat however long the batch."""

    def __init__(self, out: TextIO | None, options: Options, *, many: bool, parquet: ParquetWriter | None) -> None:
        self.out = out
        self.parquet = parquet
        self.format = options.format
        self.many = many
        self.count = 0
        if self.format == "csv":
            self._text(csv_header(options) + "\n")
        elif self.format == "json" and many:
            self._text("[")

    def _text(self, text: str) -> None:
        if self.out is not None:
            self.out.write(text)

    def write(self, outcome: Outcome) -> None:
        """Write one parsed input's output."""
        text = outcome.output
        if self.parquet is not None:
            self.parquet.write(outcome.records)
        elif self.format == "csv":
            if text:  # a report without tables has no cells
                self._text(text + "\n")
        elif self.format == "json" and self.many:
            self._text(("," if self.count else "") + "\n" + textwrap.indent(text, " "))
        elif self.format == "table":
            self._text(("\n" if self.count else "") + text + "\n")
        else:
            self._text(text + "\n")
        self.count += 1

    def close(self) -> None:
        """End the output validly: close the JSON list, write the last Parquet row group."""
        if self.format == "json" and self.many:
            self._text("\n]\n" if self.count else "]\n")
        if self.out is not None:
            self.out.flush()
        if self.parquet is not None:
            self.parquet.close()


class Interrupt:
    """The first Ctrl-C asks the batch to stop after the input at hand; a second one stops it at once.

    So an output is never cut in the middle of a write, and it is closed validly either way.
    """

    def __init__(self) -> None:
        self.asked = False
        self._previous: Any = None

    def __enter__(self) -> Interrupt:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._ask)
        return self

    def _ask(self, number: int, frame: object) -> None:
        if self.asked:
            raise KeyboardInterrupt
        self.asked = True

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Hold Ctrl-C back while writing: a signal in the middle of a write to a pipe can lose the write's tail."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
