"""The characters a regular expression's match can start with, so a text starting otherwise skips it.

Read from the pattern's parse (the standard library's own parser of regular expressions);
any construct this does not follow (a class by category, a negated class, ``.``, a look-around,
a back-reference) means the match may start with anything, and there is no look-up.
"""

from __future__ import annotations

from typing import Any

try:  # Python 3.11 and later
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _parse

__all__ = ["first_characters"]

# a character class wider than this (a range) is not spelled out
_MAX_CLASS = 1024
_REPEATS = tuple(
    getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)
)


class _Open(Exception):
    """The pattern may start with any character."""


def first_characters(pattern: str) -> frozenset[str] | None:
    r"""The characters a non-empty match of ``pattern`` starts with; None where that is not known.

    >>> sorted(first_characters(r"(一、)?本年新收(的)?申请"))
    ['一', '本']
    >>> first_characters(r"\w+") is None
    True
    """
    try:
        chars, _ = _sequence(_parse.parse(pattern))
    except (_Open, RecursionError):
        return None
    return frozenset(chars)


def _sequence(items: Any) -> tuple[set[str], bool]:
    """The first characters of a sequence of pattern items, and whether it can match the empty string."""
    out: set[str] = set()
    for op, argument in items:
        chars, empty = _item(op, argument)
        out |= chars
        if not empty:
            return out, False
    return out, True


def _item(op: Any, argument: Any) -> tuple[set[str], bool]:
    if op is _sre.LITERAL:
        return {chr(argument)}, False
    if op is _sre.IN:
        return _class(argument), False
    if op is _sre.SUBPATTERN:
        return _sequence(argument[-1])
    if op is _sre.BRANCH:
        found = [_sequence(branch) for branch in argument[1]]
        return set().union(*(chars for chars, _ in found)), any(empty for _, empty in found)
    if op in _REPEATS:
        low, _, body = argument
        chars, empty = _sequence(body)
        return chars, empty or low == 0
    if op is _sre.AT:  # ^, $, \b: no character
        return set(), True
    raise _Open


def _class(items: Any) -> set[str]:
    out: set[str] = set()
    for op, argument in items:
        if op is _sre.LITERAL:
            out.add(chr(argument))
        elif op is _sre.RANGE and argument[1] - argument[0] < _MAX_CLASS:
            out.update(map(chr, range(argument[0], argument[1] + 1)))
        else:
            raise _Open
    return out
