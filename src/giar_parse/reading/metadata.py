"""Report metadata from the text itself: title, agency, year, publication date, statistics period."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from giar_parse.model import Period
from giar_parse.reading.normalise import Cell, simplify

__all__ = ["Metadata", "metadata"]

# …年报 ends a title only after a year (a breadcrumb such as 政府信息公开年报 names a column)
_TITLE_END = re.compile(r"(报告|(?:19|20)\d{2}年.*年报)[。.]?$")
_TITLE_WORDS = re.compile(r"公开|年度|年报")
# a title line that does not start with the issuing body continues an earlier line
_NO_AGENCY = re.compile(r"^(\d{4}年|年度|政府信息|信息公开|公开|工作|年度报告|政务公开)")
_SITE_SUFFIX = re.compile(r"[_|｜]|——|--")
_SENTENCE_PUNCTUATION = re.compile(r"[。，,;；:：!！?？]")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_AGENCY = re.compile(r"^(.+?)(?:关于)?(?:19|20)\d{2}年")
# 发布日期 / 成文日期 / 公开日期 / 印发日期 or 日期 alone: the same match groups either way, and no
# regex scan tries a two-character optional prefix at every position of the text (10 times slower)
_PUBLISHED = re.compile(r"日期[:：]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_PERIOD = re.compile(
    r"统计[^。\n]{0,40}?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[^。\n]{0,8}?至[^。\n]{0,4}?"
    r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"
)
# where a period may start: 统计 in the text with the whitespace removed (统 计 too)
_STATISTICS = re.compile(r"统\s*计")
_PERIOD_SPAN = 80  # the most characters a _PERIOD match can span
_WHITESPACE = re.compile(r"\s+")
_MAX_TITLE = 60
_MAX_TITLE_PART = 30
_TITLE_LINE_GAP = 3


class Metadata(NamedTuple):
    """What the text says about the report itself."""

    title: str | None
    agency: str | None
    year: int | None
    published: dt.date | None
    period: Period | None
    #: True when the year came from neither the title nor the statistics period.
    year_from_prose: bool


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _title(preamble: Sequence[Cell]) -> str | None:
    for index, cell in enumerate(preamble):
        text = _SITE_SUFFIX.split("".join(cell.raw.split()), maxsplit=1)[0]
        if len(text) > _MAX_TITLE:
            continue
        plain = simplify(text)
        if not _TITLE_END.search(plain) or not _TITLE_WORDS.search(plain):
            continue
        text = text.rstrip("。.")
        line = cell.line
        before = index - 1
        while _NO_AGENCY.match(simplify(text)) and before >= 0:
            earlier = _WHITESPACE.sub("", preamble[before].raw)
            if (
                len(earlier) > _MAX_TITLE_PART
                or _SENTENCE_PUNCTUATION.search(earlier)
                or line - preamble[before].line > _TITLE_LINE_GAP
            ):
                break
            text, line, before = earlier + text, preamble[before].line, before - 1
        return text
    return None


def _period(head: str) -> re.Match[str] | None:
    """The first statistics period of ``head`` with its whitespace removed.

    Only the text from each 统计 on is read, as far as a period can span: not the whole text.
    """
    for found in _STATISTICS.finditer(head):
        start, size = found.start(), _PERIOD_SPAN
        # "".join(split()) drops exactly what \s+ matches, in a fifth of the time
        chunk = "".join(head[start : start + size].split())
        while len(chunk) < _PERIOD_SPAN and start + size < len(head):  # much whitespace: read on
            size *= 2
            chunk = "".join(head[start : start + size].split())
        match = _PERIOD.match(chunk)
        if match:
            return match
    return None


def metadata(text: str, preamble: Sequence[Cell], prose: Sequence[Cell]) -> Metadata:
    """Read the metadata from the prose before the first heading (title) and the whole text."""
    title = _title(preamble)
    agency = None
    year = None
    if title:
        match = _AGENCY.match(simplify(title))
        agency = title[: match.end(1)] if match else None
        found = _YEAR.search(title)
        year = int(found.group(1)) if found else None
    head = text[:20_000]
    published_match = _PUBLISHED.search(head)
    published = _date(*published_match.groups()) if published_match else None
    period = None
    period_match = _period(head) if "统计" in head else None
    if period_match:
        start = _date(*period_match.groups()[:3])
        end = _date(*period_match.groups()[3:])
        if start and end:
            period = Period(start, end)
    from_prose = False
    if year is None and period is not None:
        year = period.start.year
    if year is None:
        for cell in prose:
            found = _YEAR.search(cell.raw.replace(" ", ""))
            if found:
                year, from_prose = int(found.group(1)), True
                break
    return Metadata(title, agency, year, published, period, from_prose)
