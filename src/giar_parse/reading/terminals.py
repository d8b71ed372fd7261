"""A cell's grammar terminal, looked up among the few terminals that can start with its first character.

The classifier (one regex of every cell terminal, :func:`~giar_parse.reading.grammar.classifier`)
tries each of its sixty-odd alternatives on every cell.  Here each first character gets a
regex of only the terminals whose matches can start with it (read from their patterns:
:func:`~giar_parse.reading.grammar.terminal_starts`), in the classifier's order, so that it
names the same terminal.  Compiling one costs as much as a few dozen look-ups, so a character gets its own regex only
once it has started that many cells; until then the classifier answers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from giar_parse.reading.grammar import classifier, tables, terminal_starts

__all__ = ["terminal_of"]

# look-ups by the classifier before a first character gets a regex of its own
_COMPILE_AFTER = 24


class _Terminals:
    """The cell terminals by first character (see the module's docstring)."""

    def __init__(
        self, terminals: list[tuple[str, str]], starts: Sequence[frozenset[str] | None], whole: re.Pattern[str]
    ) -> None:
        self._patterns = terminals
        self._whole = whole
        # first character → the indices of the terminals a match starting with it may be of;
        # None where some terminal may start with anything (then the classifier answers all)
        self._subsets: dict[str, tuple[int, ...]] | None = None
        if all(chars is not None for chars in starts):
            subsets: dict[str, list[int]] = {}
            for index, chars in enumerate(starts):
                for char in chars or ():
                    subsets.setdefault(char, []).append(index)
            self._subsets = {char: tuple(indices) for char, indices in subsets.items()}
        self._by_char: dict[str, re.Pattern[str]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._uses: dict[str, int] = {}

    def of(self, text: str) -> str | None:
        """The terminal ``text`` (a folded cell, not empty) matches whole; None for none."""
        first = text[0]
        pattern = self._by_char.get(first)
        if pattern is None:
            pattern = self._pattern(first)
            if pattern is None:
                return None
        match = pattern.fullmatch(text)
        return match.lastgroup if match else None

    def _pattern(self, first: str) -> re.Pattern[str] | None:
        if self._subsets is None:
            return self._whole
        subset = self._subsets.get(first)
        if subset is None:
            return None  # no terminal starts so
        uses = self._uses.get(first, 0) + 1
        if uses < _COMPILE_AFTER:
            self._uses[first] = uses
            return self._whole
        pattern = self._compiled.get(subset)
        if pattern is None:
            chosen = (self._patterns[index] for index in subset)
            pattern = self._compiled[subset] = re.compile("|".join(f"(?P<{n}>{p})" for n, p in chosen))
        self._by_char[first] = pattern
        return pattern


@functools.lru_cache(maxsize=1)
def _terminals() -> _Terminals:
    return _Terminals(tables()["terminals"], terminal_starts(), classifier())


def terminal_of(text: str) -> str | None:
    """The grammar's cell terminal that the folded cell ``text`` (not empty) matches whole, or None.

    >>> terminal_of("本年新收政府信息公开申请数量"), terminal_of("全年共收到申请")
    ('RECEIVED', None)
    """
    return _terminals().of(text)
