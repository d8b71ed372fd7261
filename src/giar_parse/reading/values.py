"""Reading one value cell: counts, signed changes, money with units, blanks and placeholders."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

__all__ = ["PLACEHOLDERS", "Reading", "count", "counts", "is_value", "read", "scale"]

_NUMBER = re.compile(
    r"(?P<sign>[+\-−])?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
    r"(?P<unit>个|件|项|条|次|家|元|万元|亿元|万|亿)?"
)
#: Cells that stand for "no number printed" (kept as null, named in an info diagnostic).
PLACEHOLDERS = frozenset({"-", "—", "——", "–", "−", "/", "无", "\\", "-/-", "—/—", "×"})
_SCALE = {
    "元": Decimal(1),
    "万元": Decimal(10_000),
    "万": Decimal(10_000),
    "亿元": Decimal(100_000_000),
    "亿": Decimal(100_000_000),
}


class Reading(NamedTuple):
    """What a value cell says."""

    #: The number with its sign, or None for a blank or placeholder.
    number: Decimal | None
    #: The unit printed in the cell (``"万元"``), or ``""``.
    unit: str
    #: True where the cell prints a placeholder such as ``-`` or ``无``.
    placeholder: bool
    #: The number as an ``int`` where it is whole and carries no money unit (a count).
    whole: int | None = None


def is_value(folded: str) -> bool:
    """True for a folded cell that is a number, a blank or a placeholder."""
    return not folded or folded in PLACEHOLDERS or _NUMBER.fullmatch(folded) is not None


@functools.lru_cache(maxsize=4096)
def read(folded: str) -> Reading:
    """Read a folded value cell (one for which :func:`is_value` is true)."""
    return _read(folded)


def _read(folded: str) -> Reading:
    match = _NUMBER.fullmatch(folded)
    if match is None:
        return Reading(None, "", bool(folded))
    text = match["digits"].replace(",", "") + (match["fraction"] or "")
    number = Decimal(text)
    if match["sign"] in ("-", "−"):
        number = -number
    unit = match["unit"] or ""
    whole = match["fraction"] is None and unit not in _SCALE
    return Reading(number, unit, False, int(number) if whole else None)


@functools.lru_cache(maxsize=4096)
def count(folded: str) -> int | None:
    """The count a folded value cell prints (``read(folded).whole``): None for anything else."""
    if folded.isascii() and folded.isdigit():
        return int(folded)  # as nearly every cell is
    return _read(folded).whole


def counts(folded: Iterable[str]) -> list[int] | None:
    """The counts the cells print (:func:`count`); None where any prints something else."""
    out = []
    for text in folded:
        value = count(text)
        if value is None:
            return None
        out.append(value)
    return out


def scale(unit: str) -> Decimal | None:
    """The factor that turns an amount in ``unit`` into yuan, or None for a non-money unit."""
    return _SCALE.get(unit)
