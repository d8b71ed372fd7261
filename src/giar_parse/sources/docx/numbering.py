"""Word's automatic list numbers: the 一、 （一） 1. that Word prints before a numbered paragraph.

They are not in the paragraph's text but in ``word/numbering.xml`` (and, for a numbered
heading style, ``word/styles.xml``); :class:`Numbering` counts them in document order as
Word does and gives each numbered paragraph its label.  Bullets give no label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

__all__ = ["Numbering", "counted"]

_LEVELS = 9
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = (
    *((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")),
    *((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")),
)
_PLACEHOLDER = re.compile(r"%([1-9])")


def _element(name: str, attribute: str = "val") -> re.Pattern[str]:
    return re.compile(rf"""<(?:[\w.-]+:)?{name}\b[^>]*?\b(?:[\w.-]+:)?{attribute}\s*=\s*["']([^"']*)["']""")


_ABSTRACT = re.compile(r"<(?:[\w.-]+:)?abstractNum\b(.*?)</(?:[\w.-]+:)?abstractNum\s*>", re.DOTALL)
_NUM = re.compile(r"<(?:[\w.-]+:)?num\b([^>]*)>(.*?)</(?:[\w.-]+:)?num\s*>", re.DOTALL)
_LEVEL = re.compile(r"<(?:[\w.-]+:)?lvl\b([^>]*)>(.*?)</(?:[\w.-]+:)?lvl\s*>", re.DOTALL)
_OVERRIDE = re.compile(r"<(?:[\w.-]+:)?lvlOverride\b([^>]*)>(.*?)</(?:[\w.-]+:)?lvlOverride\s*>", re.DOTALL)
_STYLE = re.compile(r"<(?:[\w.-]+:)?style\b([^>]*)>(.*?)</(?:[\w.-]+:)?style\s*>", re.DOTALL)
_ABSTRACT_ID = _element("abstractNum", "abstractNumId")
_ATTRIBUTE = {
    name: re.compile(rf"""\b(?:[\w.-]+:)?{name}\s*=\s*["']([^"']*)["']""")
    for name in ("abstractNumId", "ilvl", "numId", "styleId")
}
_VALUE = {
    name: _element(name)
    for name in (
        "abstractNumId",
        "start",
        "numFmt",
        "lvlText",
        "suff",
        "startOverride",
        "numId",
        "ilvl",
        "basedOn",
        "pStyle",
    )
}


def _value(name: str, text: str) -> str | None:
    found = _VALUE[name].search(text)
    return found[1] if found else None


def _attribute(name: str, text: str) -> str | None:
    found = _ATTRIBUTE[name].search(text)
    return found[1] if found else None


def _number(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.isdigit() else default


def _chinese(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9999)."""
    if not 0 < n < 10000:
        return str(n)
    out = ""
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit, n = divmod(n, power)
        if digit:
            out += digits[digit] + unit
        elif out and n and not out.endswith("零"):
            out += "零"
    # 10 to 19 are 十, 十一 … (not 一十一) in the simple digits
    return out[1:] if digits == _DIGITS and out.startswith("一十") else out


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _cycle(signs: str) -> Callable[[int], str]:
    return lambda n: signs[(n - 1) % len(signs)] if n > 0 else str(n)


def _enclosed(first: int) -> Callable[[int], str]:
    return lambda n: chr(first + n - 1) if 0 < n <= 20 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    **dict.fromkeys(("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"), _chinese),
    **dict.fromkeys(("chineseLegalSimplified", "ideographLegalTraditional"), lambda n: _chinese(n, _LEGAL, "拾佰仟")),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": lambda n: _roman(n) if n > 0 else str(n),
    "lowerRoman": lambda n: _roman(n).lower() if n > 0 else str(n),
    "decimalZero": lambda n: f"{n:02d}",
    **dict.fromkeys(("decimalFullWidth", "decimalFullWidth2"), lambda n: str(n).translate(_FULL_WIDTH)),
    **dict.fromkeys(("decimalEnclosedCircle", "decimalEnclosedCircleChinese"), _enclosed(0x2460)),
    "decimalEnclosedParen": _enclosed(0x2474),
    "decimalEnclosedFullstop": _enclosed(0x2488),
}


def counted(n: int, style: str) -> str:
    """``n`` written in Word's number format ``style`` (``w:numFmt``), e.g. 3 in chineseCounting is 三."""
    return _FORMATS.get(style, str)(n)


class _Level(NamedTuple):
    start: int
    style: str
    text: str
    suffix: str


def _levels(body: str) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for attributes, level in _LEVEL.findall(body):
        ilvl = _number(_attribute("ilvl", attributes), -1)
        if 0 <= ilvl < _LEVELS:
            start = _number(_value("start", level), 1)
            style = _value("numFmt", level) or "decimal"
            levels[ilvl] = _Level(start, style, _value("lvlText", level) or "", _value("suff", level) or "tab")
    return levels


class Numbering:
    """The lists of one document: give :meth:`label` each paragraph's numbering in document order."""

    def __init__(self, numbering: str, styles: str = "") -> None:
        self._abstracts = {
            _attribute("abstractNumId", found[1]) or "": _levels(found[1]) for found in _ABSTRACT.finditer(numbering)
        }
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        for attributes, body in _NUM.findall(numbering):
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for override_attributes, override in _OVERRIDE.findall(body):
                ilvl = _number(_attribute("ilvl", override_attributes), -1)
                if (start := _value("startOverride", override)) is not None:
                    starts[ilvl] = _number(start, 1)
                levels |= {ilvl: level for ilvl, level in _levels(override).items()}
            self._nums[_attribute("numId", attributes) or ""] = (_value("abstractNumId", body) or "", starts, levels)
        self._styles = {
            _attribute("styleId", attributes) or "": (
                _value("numId", body),
                _value("ilvl", body),
                _value("basedOn", body),
            )
            for attributes, body in _STYLE.findall(styles)
            if "numPr" in body or "basedOn" in body
        }
        self._counters: dict[str, list[int | None]] = {}
        self._used: set[str] = set()

    def _style(self, style: str | None) -> tuple[str | None, str | None]:
        """The numId and ilvl a paragraph style gives, looking through the styles it is based on."""
        seen: set[str] = set()
        while style is not None and style not in seen and style in self._styles:
            seen.add(style)
            num, ilvl, based_on = self._styles[style]
            if num is not None:
                return num, ilvl
            style = based_on
        return None, None

    def label(self, properties: str) -> str:
        """The label Word prints before the paragraph whose ``w:pPr`` is ``properties`` ("" if none)."""
        current = properties.split("PrChange", 1)[0]  # not the properties before a tracked change
        if "numId" not in current and not (self._styles and "pStyle" in current):
            return ""
        num, ilvl = _value("numId", current), _value("ilvl", current)
        if num is None:
            num, style_ilvl = self._style(_value("pStyle", current))
            ilvl = ilvl or style_ilvl
        if num is None or num not in self._nums:
            return ""
        abstract, starts, overridden = self._nums[num]
        levels = self._abstracts.get(abstract, {}) | overridden
        level = _number(ilvl, 0)
        if level not in levels:
            return ""
        counters = self._counters.setdefault(abstract, [None] * _LEVELS)
        if num not in self._used:  # a list that restarts its numbers when it is first used
            self._used.add(num)
            for restarted in starts:
                if 0 <= restarted < _LEVELS:
                    counters[restarted] = None
        start = starts.get(level, levels[level].start)
        current_count = counters[level]
        counters[level] = start if current_count is None else current_count + 1
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = None
        if levels[level].style in ("bullet", "none"):
            return ""

        def placeholder(found: re.Match[str]) -> str:
            index = int(found[1]) - 1
            shown = levels.get(index)
            count = counters[index]
            if shown is None:
                return ""
            return counted(count if count is not None else shown.start, shown.style)

        text = _PLACEHOLDER.sub(placeholder, levels[level].text).strip()
        if not text or levels[level].suffix == "nothing" or not text[-1].isalnum():
            return text
        return text + " "
