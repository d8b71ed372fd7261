"""Numbers as prose prints them: ``81件``, ``二十三件``, ``１７３件``, ``5,758件``, ``5949.09万元``.

:func:`numbers` finds every number printed with a unit (件, 起, 宗 for counts; 元, 万元, 亿元
for money); :func:`read_number` reads one where it is exact.  A count with a scale (``3.1万件``)
or 余 / 多 (``1700余件``), a decimal count, money in Chinese numerals and ``一起`` ("together")
are not exact, nor is a number right after 约, 超过, 第 … (:data:`NOT_BEFORE`), before 以上,
左右 … (:data:`NOT_AFTER`) or ending a range (:data:`RANGE`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from giar_parse.reading.tables.cells import plain_decimal

__all__ = ["NOT_AFTER", "NOT_BEFORE", "RANGE", "Number", "chinese_number", "numbers", "read_number"]


class Number(NamedTuple):
    """A number printed with its unit: ``81件``, ``二十三件``, ``5949.09万元``, ``3.1万件``, ``100余件``."""

    #: Where the number starts in the text, and where its unit ends.
    start: int
    end: int
    #: The digits (or Chinese numerals) as printed, a scale after them (万, 亿), 余 or 多, and the unit.
    value: str
    scale: str
    about: str
    unit: str


_NUMERIC = frozenset("0123456789,.零〇一二两三四五六七八九十百千万亿余多")
_VALUE = re.compile(
    r"(?P<value>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)(?P<scale>[万亿]?)(?P<about>[余多]?)\Z"
)


def numbers(text: str) -> list[Number]:
    """Every number printed with a unit (件, 起, 宗, 元, 万元, 亿元) in ``text``, in order."""
    found = []
    for unit in "件起宗元":
        at = text.find(unit)
        while at >= 0:
            printed, end = unit, at
            if unit == "元" and text[at - 1 : at] in ("万", "亿"):
                printed, end = text[at - 1] + unit, at - 1
            if end and text[end - 1] in _NUMERIC:  # most units follow a word (文件, 起诉): one look decides
                start, low = end - 1, max(0, end - 24)
                while start > low and text[start - 1] in _NUMERIC:  # the run of digits the number is in
                    start -= 1
                if text[start:end].isdigit():  # 81件: read as the pattern would, without it
                    found.append(Number(start, at + 1, text[start:end], "", "", printed))
                elif match := _VALUE.search(text, start, end):
                    value, scale, about = match.group("value", "scale", "about")
                    found.append(Number(match.start(), at + 1, value, scale, about, printed))
            at = text.find(unit, at + 1)
    return sorted(found)


NOT_AFTER = re.compile(r"左右|以上|以下|上下|之多|次|事|诉|/|每")
#: Words right before a number that make it approximate or an ordinal (约81件, 超过5000件, 第3件).
NOT_BEFORE = (
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "多达",
    "大约",
    "不足",
    "不到",
    "不少于",
    "不低于",
    "至少",
    "最多",
    "最少",
    "第",
)
#: A number right after one of these and a digit is the end of a range (5000-6000件, 五千至六千件).
RANGE = frozenset("-~～—–至到")
_YUAN = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_POWERS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int | None:
    """A number written in Chinese numerals below 一万 (二十三, 一百零五, 两千); None if it is not one.

    >>> chinese_number("二十三"), chinese_number("一百零五"), chinese_number("两千"), chinese_number("二二")
    (23, 105, 2000, None)
    """
    total, digit, power = 0, None, 10_000
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0:
                return None
            digit = _DIGITS[ch] or digit
        elif ch in _POWERS and _POWERS[ch] < power:
            if digit is None and not (ch == "十" and total == 0):
                return None
            power = _POWERS[ch]
            total, digit = total + (1 if digit is None else digit) * power, None
        else:
            return None
    return None if not text or (digit is not None and power == 1) else total + (digit or 0)


def read_number(number: Number, thousands: bool) -> tuple[int | Decimal, Decimal | None] | None:
    """A number's value, and for money the yuan its last digit is worth; None where it is not exact.

    ``thousands`` says whether ``1,234`` may be read as 1234 (the prose separates its clauses with ，).
    """
    value, unit = number.value, number.unit
    if number.scale or number.about:
        return None  # 3.1万件, 1700余件: rounded
    money = unit in _YUAN
    if value[0].isdigit():
        if "," in value and not thousands:
            return None
        digits = value.replace(",", "")
        if money:
            places = len(digits.partition(".")[2])
            return plain_decimal(Decimal(digits) * _YUAN[unit]), _YUAN[unit].scaleb(-places)
        return None if "." in digits else (int(digits), None)
    written = None if money or unit == "起" or "万" in value else chinese_number(value)  # 一起: "together"
    return None if written is None else (written, None)
