"""Prose → the figures it restates: numbers a report's sections 一–四 attach to a table quantity.

A small grammar over the NFKC-folded text of each section (``docs/prose.md`` lists it):
a *figure* is a number with its unit (``81件``, ``二十三件``, ``5949.09万元``) printed right
after the words of one *phrase family* (``收到…申请``, ``予以公开及部分公开``, ``行政复议``, …),
or, for 结转下年度, right before them.  Anything that makes the quantity uncertain reads
nothing: a delta (较上年增加), an approximation (约, 余, 多, 以上 …), a range, a year other than
the report's, a part of the agency (本级, 部门, 区县 …), a reason (因…而不予公开), a figure
nested under another (其中, 含) where the part need not be the table's row.

:func:`figures` is a pure function of the text; it never raises, and it is one pass of
regular expressions whose look-backs are bounded, so it is linear in the text.  Only the
sentences that print a number with a unit are read, and each pattern is compiled on its first
use (:class:`~giar_parse.reading.patterns.LazyPattern`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal

from giar_parse.model import Template
from giar_parse.reading.normalise import simplify
from giar_parse.reading.numerals import NOT_AFTER, NOT_BEFORE, RANGE, Number, chinese_number, numbers, read_number
from giar_parse.reading.patterns import LazyPattern
from giar_parse.reading.phrases import (
    APPLICANTS,
    CARRIED_FORWARD_AFTER,
    CHANNELS,
    DOUBT,
    EVERY_CHANNEL,
    HANDLED_WORDS,
    HEADS,
    NESTED,
    NEW_OR_CARRIED,
    SCOPE,
    UNNESTED,
    WITHIN,
    Phrase,
    part_of_year,
    phrase,
    quantity_path,
)
from giar_parse.restated import Claim

__all__ = ["figures"]

# --- folding -----------------------------------------------------------------------------------

# a number before a unit as printed (full-width digits, spaces): the sentences worth folding
_UNIT_CHARS = "件起宗元"
_NUMERALS = frozenset("零〇一二两三四五六七八九十百千")
_BETWEEN = frozenset(" \t\u3000\xa0万亿余多")
# a sentence ends at 。！？, and where a line starts with an enumerator (（二）…, 2.…)
_END = LazyPattern("[。!?！？]")
_LAST_END = LazyPattern("(?s:.*)[。!?！？]")
_LONGEST = 1000
_ENUMERATED = LazyPattern(r"[ \t\u3000]*[(（]?[一二三四五六七八九十\d０-９]{1,3}[)）、.．]")
_DIGIT_GAP = LazyPattern(r"(?<=\d)\s+(?=\d)")
_DIGITS_APART = LazyPattern(r"\d\s+\d")  # where _DIGIT_GAP finds anything (a search that skips to digits)


def _fold(text: str) -> str:
    """NFKC, 简体, no spaces (but "3 119" stays two numbers), the full-width comma kept as ，."""
    text = text.replace("，", "\ue000")
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = simplify(text)
    if " " in text or "\t" in text:  # NFKC leaves other spaces as " "
        if _DIGITS_APART.search(text):
            text = _DIGIT_GAP.sub("\ue001", text)
        text = "".join(text.split())  # what \s+ matches, in a fifth of the time
    return text.replace("\ue000", "，")


def _candidates(raw: str) -> list[int]:
    """Where ``raw`` prints a number before a unit (件 起 宗 元): the sentences worth reading."""
    found = []
    for unit in _UNIT_CHARS:
        at = raw.find(unit)
        while at >= 0:
            char = raw[at - 1] if at else ""  # most units follow a word (文件, 起诉): one look decides
            if char in _BETWEEN:  # 3119 件, 1700余件, 3.1万件
                before, low = at - 1, max(0, at - 5)
                while before > low and raw[before] in _BETWEEN:
                    before -= 1
                char = raw[before]
            if char and (char.isdigit() or char in _NUMERALS):
                found.append(at)
            at = raw.find(unit, at + 1)
    return sorted(found)


# --- the pass ------------------------------------------------------------------------------------

# a year as printed (2019年, 二〇一九年), unless it ends a longer number: each alternative starts with a
# character, so a search passes every other position at once (a look-behind first would try every one)
_YEAR = LazyPattern(r"(?:19|20)\d{2}年|[一二][〇零一二三四五六七八九]{3}年")
_YEAR_NUMERALS = "〇零一二三四五六七八九"
_YEAR_DIGITS = str.maketrans(_YEAR_NUMERALS, "00123456789")
_LAST_CLAUSE_MARK = LazyPattern(r".*[,，;:()]", re.DOTALL)
_WINDOW = 60
# a character of the words of nesting (NESTED, UNNESTED, WITHIN): without one, a window only may drop its head
_NESTING = LazyPattern("[其含包中另此)]")
_CONTEXT = 300  # how far back the section may have spoken of 申请
#: What the whole pass reads by: the report's year, its template, whether "1,234" is 1234.
_Reading = tuple[int | None, Template, bool]
_ROW_PATH = LazyPattern(r"requests\.\w+\.total")
_PUNCTUATION_COMMA = LazyPattern(r",(?!\d{3}(?!\d))")  # "," between clauses: then "1,234" may be "1" and "234"


def _match(window: str, template: Template) -> Phrase | None:
    """The phrase family whose words end the window; None for none, two at once, or doubt in the clause."""
    found = phrase(window, template)
    if found is None:
        return None
    family, before = found.family, _clause(window[: found.start])
    if (family.veto is not None and family.veto.search(before)) or (
        family.only is not None and not family.only.fullmatch(before)
    ):
        return None
    if family.role == "received" and CHANNELS.search(before + window[found.start :]):
        return found if EVERY_CHANNEL.search(before + window[found.start :]) else None
    return found


def _clause(text: str) -> str:
    """The end of ``text`` after its last clause mark (，,;:())."""
    last = _LAST_CLAUSE_MARK.match(text)
    return text[last.end() :] if last else text


def _columns(path: str | None, columns: Sequence[str]) -> str | None:
    """A row quantity (``….total`` terms) in some applicant columns instead."""
    if path is None:
        return None
    terms = path.split("+")
    return "+".join(term.removesuffix(".total") + f".{column}" for column in columns for term in terms)


class _Sentence:
    """One folded sentence and the lines of its pieces; its figures so far, and what a 其中 … refers to."""

    def __init__(self, body: str, starts: Sequence[int], lines: Sequence[int], applications: bool) -> None:
        self.body = body
        self.starts = starts  # where each piece starts in the body
        self.lines = lines  # the 1-based line of each piece
        self.applications = applications  # the section speaks of 申请 just before the sentence
        self.read: list[tuple[str, Claim]] = []  # (role, claim) in order
        self.dropped: set[int] = set()
        self.previous: int | None = -1  # the figure the last number gave: -1 none yet, None it read nothing
        self.anchor: dict[int, int] = {}  # an applicant figure → the row figure it breaks down
        self.nested: int | None = None  # the figure a 其中 / 含 refers to (-1 none), None when not nested
        self.part_of: str | None = None  # what the part is of: that figure's role, or the words' (办结的 … 中)

    def head(self) -> str | None:
        return self.part_of if self.nested is not None else None

    def line(self, at: int) -> int:
        """The line of the piece the body's offset ``at`` is in."""
        return self.lines[bisect.bisect_right(self.starts, at) - 1]


def _allowed(role: str, state: _Sentence) -> bool:
    """Whether a figure of ``role`` at this point of the sentence reads as the table's row."""
    if state.nested is None or role in ("appeal", "applicant"):
        return True
    return role == "outcome" and state.head() in ("total", "handled")


def _nest(window: str, state: _Sentence) -> None:
    """What a 其中 / 含 in the words before a number refers to: the figure before them."""
    if _NESTING.search(window) is None:
        _drop_head(window, state)
        return
    if UNNESTED.search(window):
        state.nested = None
    begins = NESTED.search(window)
    if begins is not None:
        state.nested = state.previous if state.previous is not None else -1
        state.part_of = state.read[state.nested][0] if state.nested >= 0 else "unknown"
    within = WITHIN.search(window) if "中," in window or "中，" in window or "中:" in window else None
    if within is not None:  # 在已办结的申请中，… / 受理的84件申请中，…: a part of what the words name
        state.nested = -1
        state.part_of = "total" if HANDLED_WORDS.search(within[1]) else "unknown"
    _drop_head(window[begins.end() :] if begins is not None else window, state)


def _drop_head(after: str, state: _Sentence) -> None:
    """收到 N件，其中新收 … / 含上年结转 …: N may hold both, so it is not read."""
    nested = state.nested
    if nested is not None and nested >= 0 and state.head() in ("received", "handled") and NEW_OR_CARRIED.search(after):
        state.dropped.add(nested)


def _exact(body: str, token: Number, window: str, thousands: bool) -> tuple[int | Decimal, Decimal | None] | None:
    """The number's value (and money's precision) where it is exact: not 约…, …以上, a range or an ordinal."""
    if window.endswith(NOT_BEFORE) or NOT_AFTER.match(body, token.end):
        return None
    if window[-1:] in RANGE and (window[-2:-1].isdigit() or chinese_number(window[-2:-1]) is not None):
        return None
    return read_number(token, thousands)


def _figure(
    token: Number, start: int, state: _Sentence, thousands: bool, template: Template
) -> tuple[str, Claim] | None:
    """The figure one number gives (its role and the claim), reading the words from ``start`` on; None for none."""
    body = state.body
    window = body[start : token.start]
    _nest(window, state)
    found = _match(window, template)
    after = CARRIED_FORWARD_AFTER.match(body, token.end) if "下" in body[token.end : token.end + 20] else None
    if (found is None) == (after is None):
        return None  # no phrase, or two
    read = _exact(body, token, window, thousands)
    clause = _clause(window)
    if read is None or DOUBT.search(clause) or part_of_year(clause):
        return None
    if found is not None:
        role, path = found.family.role, quantity_path(found)
        phrase_start, phrase_end = start + found.start, token.end
    else:
        assert after is not None
        role, path = "carried_forward", "requests.carried_forward.total"
        phrase_start, phrase_end = token.start, after.end()
    needs = found.family.needs if found is not None else "申请"
    if needs and body.find(needs, 0, token.start) < 0 and not (needs == "申请" and state.applications):
        return None
    semicolon = window.rfind(";")
    if semicolon >= 0 and role in HEADS and not NESTED.search(window, semicolon + 1):
        state.nested = None  # a new quantity after ；
    number, quantum = read
    if (role == "fees") != (quantum is not None) or not _allowed(role, state):
        return None
    agree = "requests.received.total+requests.carried_over.total" if role == "handled" else None
    if role == "applicant" and found is not None:
        prior = state.previous if state.previous is not None and state.previous >= 0 else None
        anchor = state.anchor.get(prior, prior) if prior is not None else None
        if anchor is None or not _ROW_PATH.fullmatch(state.read[anchor][1].path):
            return None
        row = state.read[anchor][1]
        columns = APPLICANTS[found.words["who"]]
        path, agree = _columns(row.path, columns) or "", _columns(row.agree, columns)
        state.anchor[len(state.read)] = anchor
    return role, Claim(body[phrase_start:phrase_end], number, path, state.line(phrase_start), agree, quantum)


def _other_year(body: str, year: int | None) -> bool:
    """Whether the sentence prints a year other than the report's (2019年, 二〇一九年, not …12019年)."""
    for found in _YEAR.finditer(body):
        before = body[found.start() - 1 : found.start()]
        if before and (before.isdecimal() or before in _YEAR_NUMERALS):  # \d is str.isdecimal
            continue  # the end of a longer number
        if int(found[0][:-1].translate(_YEAR_DIGITS)) != year:
            return True
    return False


def _read(state: _Sentence, read: _Reading) -> Iterator[Claim]:
    """The figures of one sentence."""
    year, template, thousands = read
    if SCOPE.search(state.body) or _other_year(state.body, year):
        return
    end = 0
    for token in numbers(state.body):
        found = _figure(token, max(end, token.start - _WINDOW), state, thousands, template)
        end = token.end
        state.previous = None if found is None else len(state.read)
        if found is not None:
            state.read.append(found)
    # a head in doubt takes its breakdown with it
    dropped = state.dropped | {i for i, row in state.anchor.items() if row in state.dropped}
    yield from (claim for i, (_, claim) in enumerate(state.read) if i not in dropped)


def _sentence(raw: str, at: int, done: int) -> tuple[int, int]:
    """The sentence of ``raw`` around offset ``at``: from the last 。！？ (or enumerated line) to the next.

    It starts no earlier than ``done`` (where the sentence read before ended) and is cut at
    ``_LONGEST`` characters either side of ``at``, so each character is read once.
    """
    low, high = max(done, at - _LONGEST), min(len(raw), at + _LONGEST)
    last = _LAST_END.match(raw, low, at)
    start = last.end() if last else low
    following = _END.search(raw, at, high)
    end = following.start() if following else high
    line = raw.rfind("\n", start, at)
    while line >= 0 and not _ENUMERATED.match(raw, line + 1):
        line = raw.rfind("\n", start, line)
    start = max(start, line + 1)
    line = raw.find("\n", at, end)
    while line >= 0 and not _ENUMERATED.match(raw, line + 1):
        line = raw.find("\n", line + 1, end)
    return start, end if line < 0 else line


def figures(
    sections: Sequence[tuple[Sequence[int], Sequence[str]]], *, year: int | None, template: Template
) -> list[Claim]:
    """The figures of the prose: for each section, its lines' 1-based numbers and texts.

    >>> found = figures([([7], ["全年共收到政府信息公开申请81件，较上年增加5件。"])], year=2023, template="2021")
    >>> [(claim.phrase, claim.number, claim.path, claim.line) for claim in found]
    [('收到政府信息公开申请81件', 81, 'requests.received.total', 7)]
    """
    out: list[Claim] = []
    for lines, texts in sections:
        raw = "\n".join(texts)
        thousands: bool | None = None
        done = first = 0  # where the sentence read before ended; the line of ``done``
        for candidate in _candidates(raw):  # only the sentences that print a number with a unit
            if candidate < done:
                continue
            if thousands is None:
                thousands = _PUNCTUATION_COMMA.search(raw) is None
            start, end = _sentence(raw, candidate, done)
            first += raw.count("\n", done, start)  # counted on from the sentence before: linear
            body, starts = _folded(raw[start:end])
            applications = raw.find("申请", max(0, start - _CONTEXT), start) >= 0
            state = _Sentence(body, starts, lines[first : first + len(starts)], applications)
            out.extend(_read(state, (year, template, thousands)))
            first, done = first + len(starts) - 1, end
    return out


def _folded(sentence: str) -> tuple[str, list[int]]:
    """The sentence folded, its lines joined; and where each line starts in it."""
    body, starts = "", []
    for piece in sentence.split("\n"):
        folded = _fold(piece)
        if body[-1:].isdigit() and folded[:1].isdigit():
            folded = "\ue001" + folded  # a number at a line's end and another at the next's start
        starts.append(len(body))
        body += folded
    return body, starts
