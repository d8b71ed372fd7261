"""Property 4: any text gives a Report or the library's own error, never another exception, never a hang.

Texts are arbitrary unicode, a soup of the reports' own vocabulary (labels, headings,
numbers, placeholders, page chrome, separators), and real and rendered reports mutated
the way damaged copies are: lines deleted, duplicated, swapped, cut short, the text
truncated.  Every parse runs under a time limit.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import giar_parse
from conftest import DATA, SEED_IDS, seed_text
from giar_parse import GiarParseError, Layout, Report, labels, strategies
from giar_parse.writing.render import render

#: Far above any parse of these texts (milliseconds); a parse this slow is a hang.
TIME_LIMIT = 10.0

VOCABULARY = sorted(
    {
        *labels.REQUEST_ROWS.values(),
        *labels.REQUEST_GROUPS.values(),
        *labels.REQUEST_COLUMNS.values(),
        *labels.APPEAL_COLUMNS.values(),
        *labels.ACTIVE_CAPTIONS.values(),
        *(label for _, label in labels.ACTIVE_ROWS_2019.values()),
        *(label for _, label in labels.ACTIVE_ROWS_2021.values()),
        *(column for item in labels.ACTIVE_COLUMNS_2019.values() for column in item.values()),
        *(column for item in labels.ACTIVE_COLUMNS_2021.values() for column in item.values()),
        *(f"{'一二三四五六'[n - 1]}、{heading}" for n, heading in labels.SECTIONS.values()),
        labels.REQUEST_NOTE,
        "信息内容",
        "申请人情况",
        "法人或其他组织",
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        "本年新",
        "结果",
        "3.其他",
        "0",
        "1",
        "12",
        "+63",
        "-28",
        "1,000",
        "370亿元",
        "942.193万",
        "-",
        "—",
        "/",
        "无",
        "",
        "您当前的位置：首页",
        "- 2 -",
        "[bookmark: _Toc1]",
        "重庆市2020年政府信息公开工作年度报告",
        "日期:2021-01-29",
        "统计期限自2020年1月1日起，至2020年12月31日止",
        "一、概述",
        "国务院令第492号",
        "注：",
        "（",
        "）",
    }
)
SEPARATORS = ["\t", " | ", "  ", " ", "\n"]
TWENTY_TWENTY_ONE = sorted((DATA / "2021").glob("*.txt"))


class Hang(Exception):
    """A parse took longer than TIME_LIMIT."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang(f"parse() ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_cleanly(text: str, *, strict: bool = False) -> Report | GiarParseError:
    """Parse, allowing only a Report or a GiarParseError that says where."""
    with time_limit(TIME_LIMIT):
        try:
            return giar_parse.parse(text, strict=strict)
        except GiarParseError as error:
            assert error.line >= 1 and error.column >= 1
            assert isinstance(error.snippet, str)
            return error


@st.composite
def soups(draw: st.DrawFn) -> str:
    """Text made of the reports' own words and separators, in any order."""
    pieces = draw(st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=8), max_size=120))
    separators = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
    text = "".join(piece + separator for piece, separator in zip(pieces, separators, strict=True))
    if draw(st.booleans()):  # as framed pipe rows
        text = "\n".join(f"| {line} |" for line in text.split("\n"))
    return text


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A seed report, a 2021 sample, or a drawn report rendered in some layout."""
    source = draw(st.sampled_from(["seed", "2021", "drawn"]))
    if source == "seed":
        return seed_text(draw(st.sampled_from(SEED_IDS)))
    if source == "2021" and TWENTY_TWENTY_ONE:
        return Path(draw(st.sampled_from(TWENTY_TWENTY_ONE))).read_text(encoding="utf-8")
    return render(draw(strategies.reports()), layout=draw(st.sampled_from(list(Layout))))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A document with lines deleted, duplicated, swapped and cut short, maybe truncated."""
    lines = draw(documents()).split("\n")
    for _ in range(draw(st.integers(1, 12))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "move"]))
        if how == "delete":
            del lines[i]
        elif how == "duplicate":
            lines.insert(j, lines[i])
        elif how == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif how == "cut":
            lines[i] = lines[i][: draw(st.integers(0, max(len(lines[i]) - 1, 0)))]
        else:
            lines.insert(j, lines.pop(i))
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


@given(text=st.text(max_size=3000), strict=st.booleans())
@example(text="（" * 1000 + "\t" * 1000, strict=False)
def test_arbitrary_text(text: str, strict: bool) -> None:
    parse_cleanly(text, strict=strict)


@given(text=soups(), strict=st.booleans())
def test_soup_of_report_words(text: str, strict: bool) -> None:
    parse_cleanly(text, strict=strict)


@given(text=mutated())
def test_mutated_reports(text: str) -> None:
    result = parse_cleanly(text)
    if isinstance(result, Report):
        # a damaged report still reads as one: every value it gives is a number or null
        giar_parse.to_dict(result, provenance=True)
