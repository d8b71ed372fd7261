"""Row labels that PDF text cut short (``5.要求行政机关确认或重新出``) or that carry a typo.

Only long official labels are matched this way, and only where the cell can stand for
one label alone; every such match is reported in an info diagnostic by the lexer.
"""

from __future__ import annotations

import functools
import re

from giar_parse import labels
from giar_parse.reading.grammar import classifier
from giar_parse.reading.normalise import fold

__all__ = ["Match", "match_label", "official_label"]

# shorter cells are too ambiguous to stand for a cut-off label
_MIN_PREFIX = 6
_MIN_TYPO_LENGTH = 7
_ENUMERATOR = re.compile(r"^(\d{1,2}\.|\([一二三四五六七]\)|[一二三四]、)")

Match = tuple[str, str]  # (terminal, "prefix" or "typo")


@functools.lru_cache(maxsize=1)
def _official() -> dict[str, str]:
    """Terminal → the official wording of its row (labels.py), for every table row."""
    texts = [*labels.REQUEST_ROWS.values(), *(label for _, label in labels.ACTIVE_ROWS_2019.values())]
    texts += [label for _, label in labels.ACTIVE_ROWS_2021.values()]
    found: dict[str, str] = {}
    for text in texts:
        match = classifier().fullmatch(fold(text))
        if match is not None and match.lastgroup is not None:
            found.setdefault(match.lastgroup, text)
    return found


@functools.lru_cache(maxsize=1)
def _canonical() -> tuple[tuple[str, str], ...]:
    """(folded label, terminal) for every long official row label, with and without its enumerator."""
    found: dict[str, str] = {}
    for terminal, text in _official().items():
        folded = fold(text)
        for variant in (folded, _ENUMERATOR.sub("", folded)):
            if len(variant) >= _MIN_PREFIX:
                found[variant] = terminal
    return tuple(found.items())


@functools.lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[tuple[str, str], ...]]:
    """The canonical labels by their first character (a label a text starts is among those of its first)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for label, terminal in _canonical():
        found.setdefault(label[0], []).append((label, terminal))
    return {first: tuple(labels) for first, labels in found.items()}


@functools.lru_cache(maxsize=1)
def _by_length() -> dict[int, tuple[tuple[str, str], ...]]:
    """The canonical labels by length (a typo of a label is as long, or one shorter)."""
    found: dict[int, list[tuple[str, str]]] = {}
    for label, terminal in _canonical():
        found.setdefault(len(label), []).append((label, terminal))
    return {length: tuple(labels) for length, labels in found.items()}


def official_label(terminal: str) -> str:
    """The official wording of the row a terminal stands for (the terminal's name if none)."""
    return _official().get(terminal, terminal)


def _one_edit(text: str, label: str) -> bool:
    """True when ``text`` is ``label`` with one character missing or replaced."""
    if len(label) - len(text) not in (0, 1):
        return False
    i = 0
    while i < len(text) and text[i] == label[i]:
        i += 1
    if len(text) == len(label):
        return text[i + 1 :] == label[i + 1 :]
    return text[i:] == label[i + 1 :]


@functools.lru_cache(maxsize=2048)
def match_label(text: str) -> Match | None:
    """The terminal of the one long label ``text`` (folded) is a cut-off start of, or a typo of."""
    if len(text) < _MIN_PREFIX:
        return None
    prefixed = {
        terminal for label, terminal in _by_first().get(text[0], ()) if label.startswith(text) and label != text
    }
    if len(prefixed) == 1:
        return next(iter(prefixed)), "prefix"
    if len(text) < _MIN_TYPO_LENGTH:
        return None
    lengths = _by_length()
    typos = {
        terminal
        for label, terminal in (*lengths.get(len(text), ()), *lengths.get(len(text) + 1, ()))
        if _one_edit(text, label)
    }
    if len(typos) == 1:
        return next(iter(typos)), "typo"
    return None
