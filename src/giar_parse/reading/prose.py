"""Prose → the figures it restates: numbers a report's sections 一–四 attach to a table quantity.

A small grammar over the NFKC-folded text of each section (``docs/prose.md`` lists it):
a *figure* is a number with its unit (``81件``, ``二十三件``, ``5949.09万元``) printed right
after the words of one *phrase family* (``收到…申请``, ``予以公开及部分公开``, ``行政复议``, …),
or, for 结转下年度, right before them.  Anything that makes the quantity uncertain reads
nothing: a delta (较上年增加), an approximation (约, 余, 多, 以上 …), a range, a year other than
the report's, a part of the agency (本级, 部门, 区县 …), a reason (因…而不予公开), a figure
nested under another (其中, 含) where the part need not be the table's row.

:func:`figures` is a pure function of the text; it never raises, and it is one pass of
precompiled regular expressions whose look-backs are bounded, so it is linear in the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

from giar_parse.labels import REQUEST_COLUMNS
from giar_parse.model import Template
from giar_parse.reading.normalise import simplify
from giar_parse.reading.tables.cells import plain_decimal
from giar_parse.restated import Claim

__all__ = ["chinese_number", "figures"]

# --- folding -----------------------------------------------------------------------------------

_FULL_COMMA = str.maketrans({"，": "\ue000"})  # kept apart from "," (a thousands separator) through NFKC
_DIGIT_GAP = re.compile(r"(?<=\d)\s+(?=\d)")
_SPACE = re.compile(r"\s+")
_ENUMERATED = re.compile(r"\(?[一二三四五六七八九十\d]{1,3}[)、.]")
_UNITS_PRESENT = re.compile(r"[件起宗元]")


def _fold(line: str) -> str:
    text = line.translate(_FULL_COMMA)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _DIGIT_GAP.sub("\ue001", simplify(text))  # "3 119" stays two numbers
    return _SPACE.sub("", text).replace("\ue000", "，")


# --- numbers -----------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?P<value>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)"
    r"(?P<scale>万(?!元)|亿(?!元))?(?P<about>余|多)?(?P<unit>万元|亿元|元|件|起|宗)"
)
_NOT_AFTER = re.compile(r"左右|以上|以下|上下|之多|次|事|诉|/|每")
_NOT_BEFORE = re.compile(
    r"(?:约|近|超过|超|逾|多达|将近|大约|接近|不足|不到|不少于|不低于|至少|最多|最少|第|"
    r"[\d一二两三四五六七八九十][-~～—–至到])\Z"
)
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


# --- the phrase families -------------------------------------------------------------------------

_GLUE = r"(?:数量|总数|总量|数)?(?:共计|总计|合计|共|计)?(?:达到|达|为|是|有)?:?\Z"
_APPLICATIONS = r"(?:的)?(?:政府信息公开|信息公开|依申请公开|公开)?(?:的)?(?:申请)?(?:件)?" + _GLUE
# what may stand between 收到 and 申请: not another quantity, not a part of the applicants
_FILLER = (
    r"(?:(?!办结|答复|办理|处理|结转|自然人|法人|企业|机构|组织|许可|处罚|强制|复议|诉讼|投诉|举报|信访|咨询|事项)"
    r"[^\d,，;:()。\ue001]){0,30}?"
)
_OUTCOME = r"(?:的)?(?:申请)?(?:件)?" + _GLUE
_AND = r"(?:和|及|与|、|以及|或)"
_REVIEW, _SUIT = r"(?:行政)?复议", r"(?:行政)?诉讼"
_SUING = r"(?:提起)?(?:行政诉讼|起诉|诉讼)(?:的)?(?:案件)?" + _GLUE
_DOC = r"(?P<doc>行政规范性文件|规范性文件|规章)"
_DOCS = {"行政规范性文件": "normative_documents", "规范性文件": "normative_documents", "规章": "regulations"}
_ITEMS = {"许可": "licensing", "处罚": "penalties", "强制": "coercion"}
# the applicant columns of table 三 by their labels (法人或其他组织: the five columns under it)
_ORGANISATIONS = ("business", "research", "public_interest", "legal_services", "other_org")
_APPLICANTS: dict[str, tuple[str, ...]] = {
    label: (key,) for key, label in REQUEST_COLUMNS.items() if key in ("natural_person", *_ORGANISATIONS[:-1])
}
_APPLICANTS |= {f"法人{joint}其他组织": _ORGANISATIONS for joint in "或和及"}
_WHO = "(?P<who>" + "|".join(sorted(_APPLICANTS, key=len, reverse=True)) + ")"
_REASON = r"因|由于|属于|而|依据|根据|按照|系"
_ACTION = r"发布|公开|清理|梳理|汇集|汇编|更新|收录|整理|上传|集中|推送|审查|备案|报送|制定|印发|出台|新增"
_BOTH = "appeals.review.total+appeals.litigation.total+appeals.litigation_after_review.total"
_SUED = "appeals.litigation.total+appeals.litigation_after_review.total"


class _Family(NamedTuple):
    """Words that name one table quantity when a number follows them."""

    #: What the quantity is, for nesting: received, total, outcome, applicant, appeal, active, fees, …
    role: str
    #: The table quantity (``{c}`` a column, ``{doc}`` / ``{item}`` a row named by the words).
    path: str
    #: The words, each pattern ending where the number starts.
    patterns: tuple[re.Pattern[str], ...]
    #: The templates whose tables have the quantity.
    templates: tuple[str, ...] = ("2019", "2021")
    #: Words before them, in the same clause, that make the quantity uncertain.
    veto: re.Pattern[str] | None = None


def _family(role: str, path: str, *patterns: str, templates: str = "", veto: str = "") -> _Family:
    return _Family(
        role,
        path,
        tuple(re.compile(pattern) for pattern in patterns),
        (templates,) if templates else ("2019", "2021"),
        re.compile(veto) if veto else None,
    )


def _documents(verb: str, path: str, template: str, veto: str = "") -> _Family:
    """规章 / 行政规范性文件 with a column's verb before or after them (制发 …, … 本年废止)."""
    before = verb + r"(?:了)?(?:的)?" + _DOC + _GLUE
    after = _DOC + r"(?:本年度?)?" + verb + r"(?:件数|数量)?" + _GLUE
    return _family("active", path, before, after, templates=template, veto=veto)


_FAMILIES = (
    _family(
        "received",
        "requests.received.{c}",
        r"(?:新收|收到|受理|接收|接到|收悉)(?:了|到)?" + _FILLER + "申请" + _OUTCOME,
    ),
    _family("carried_over", "requests.carried_over.{c}", r"上一?年度?结转(?:过来|来)?" + _APPLICATIONS),
    _family("total", "requests.total.{c}", r"(?:办结|答复|办复)(?:了)?" + _APPLICATIONS),
    _family(
        "handled",
        "requests.total.{c}",
        r"(?<![予他])(?:办理|处理)(?:了|完成)?(?:的)?(?:(?:政府信息公开|信息公开|公开)?(?:的)?申请|依申请公开)"
        + _OUTCOME,
    ),
    _family(
        "carried_forward",
        "requests.carried_forward.{c}",
        r"(?:结转|顺延|转入|延续)(?:到|至|入)?下一?年度?(?:继续办理|继续处理|办理|答复)?" + _APPLICATIONS,
    ),
    _family("applicant", "", _WHO + r"(?:提出|提交)?" + _OUTCOME),
    _family(
        "outcome",
        "requests.disclosed.total+requests.partially_disclosed.total",
        r"(?:予以公开|全部公开)" + _AND + r"(?:予以)?部分公开" + _OUTCOME,
        veto=_REASON,
    ),
    _family("outcome", "requests.disclosed.total", r"(?:予以公开|予以全部公开|全部公开)" + _OUTCOME, veto=_REASON),
    _family("outcome", "requests.partially_disclosed.total", r"(?:予以)?部分公开" + _OUTCOME, veto=_REASON),
    _family("outcome", "requests.withheld.*.total", "不予公开" + _OUTCOME, veto=_REASON),
    _family("outcome", "requests.unavailable.*.total", "无法提供" + _OUTCOME, veto=_REASON),
    _family("outcome", "requests.not_processed.*.total", "不予处理" + _OUTCOME, veto=_REASON),
    _family("outcome", "requests.other_handling.total", "其他处理" + _OUTCOME, veto=_REASON),
    _family("appeal", _BOTH, f"(?:{_REVIEW}{_AND}{_SUIT}|{_SUIT}{_AND}{_REVIEW})(?:案件)?(?:的)?" + _GLUE),
    _family("appeal", "appeals.review.total", _REVIEW + r"(?:案件|申请)?(?:的)?" + _GLUE),
    _family("appeal", _SUED, _SUIT + r"(?:案件)?(?:的)?" + _GLUE, veto=r"复议后|直接|未经复议"),
    _family("appeal", "appeals.litigation.total", r"(?:未经复议)?直接" + _SUING),
    _family("appeal", "appeals.litigation_after_review.total", "复议后" + _SUING),
    _documents("制发", "active.{doc}.issued", "2021"),
    _documents("废止", "active.{doc}.repealed", "2021"),
    _documents("现行有效", "active.{doc}.in_force", "2021", veto=_ACTION),
    _documents("新制作", "active.{doc}.made", "2019"),
    _documents("新公开", "active.{doc}.published", "2019"),
    _family(
        "active",
        "active.{item}.decisions",
        r"行政(?P<item>许可|处罚|强制)(?:处理)?(?:决定(?:书)?|案件)?" + _GLUE,
        veto=r"受理|申请|收到",
    ),
    _family("fees", "active.fees.amount", r"行政事业性收费(?:金额|收入|总额)?" + _GLUE, templates="2021"),
)
_CARRIED_FORWARD_AFTER = re.compile(
    r"[^\d,，;:()。\ue001]{0,12}?(?:结转|顺延|转入|延续|延至|转至)(?:到|至|入)?下一?年度?"
)
_ROWS = frozenset({"received", "carried_over", "total", "handled", "carried_forward"})
_HEADS = _ROWS | {"appeal", "active", "fees"}

# --- what makes a figure uncertain ---------------------------------------------------------------

_SENTENCE = re.compile(r"[^。!?]+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_CLAUSE_END = re.compile(r"[,，;:()][^,，;:()]*\Z")
_DOUBT = re.compile(
    r"较|同比|环比|相比|比上一?年|比去年|增加|减少|增长|下降|上升|提高|降低|增幅|降幅|新增|增减|增/减|净增|净减"
    r"|(?:上一?年度?|去年|前年)(?!度?结转)|累计|历年|以来|平均|日均|月均|每|人均|分别|按时|按期|及时|逾期|超期"
    r"|本级|市级|区级|县级|省级|乡级|镇级|部门|名义|直属|所属|下属|区县|县区|乡镇|街道|镇街|各级|系统"
)
_NESTED = re.compile(r"其中|含|包括|包含|\A中")
_UNNESTED = re.compile(r"另有|此外|另外|\)")
_NEW_OR_CARRIED = re.compile(r"新收|结转|上一?年|本年|当年")
_WINDOW = 60
_ROW_PATH = re.compile(r"requests\.\w+\.total")
_PUNCTUATION_COMMA = re.compile(r",(?!\d{3}(?!\d))")  # "," between clauses: then "1,234" may be "1" and "234"


def _number(match: re.Match[str], thousands: bool) -> tuple[int | Decimal, Decimal | None] | None:
    """(the number, the yuan its last digit is worth for money) — None where it is not exact."""
    value, unit = match["value"], match["unit"]
    if match["scale"] or match["about"]:
        return None
    money = unit in _YUAN
    if value[0].isdigit():
        if "," in value and not thousands:
            return None
        digits = value.replace(",", "")
        if money:
            places = len(digits.partition(".")[2])
            return plain_decimal(Decimal(digits) * _YUAN[unit]), _YUAN[unit].scaleb(-places)
        return None if "." in digits else (int(digits), None)
    number = None if money or unit == "起" or "万" in value else chinese_number(value)  # 一起: "together"
    return None if number is None else (number, None)


def _match(window: str, template: Template) -> tuple[str, str, re.Match[str]] | None:
    """The phrase family whose words end the window: (role, path, match); None for none, or two at once."""
    found: list[tuple[int, str, str, re.Match[str], re.Pattern[str] | None]] = []
    for role, path, patterns, templates, veto in _FAMILIES:
        if template in templates:
            for pattern in patterns:
                match = pattern.search(window)
                if match is not None:
                    found.append((match.start(), role, path, match, veto))
    if not found:
        return None
    found.sort(key=lambda item: item[0])
    if len(found) > 1 and found[1][0] == found[0][0]:
        return None  # two readings of the same words
    _, role, path, match, veto = found[0]
    if veto is not None and veto.search(_clause(window[: match.start()])):
        return None
    return role, path, match


def _clause(text: str) -> str:
    """The end of ``text`` after its last clause mark."""
    cut = _CLAUSE_END.search(text)
    return text[cut.start() :] if cut else text


def _path(role: str, path: str, match: re.Match[str]) -> str:
    if role == "active":
        groups = match.groupdict()
        doc, item = groups.get("doc"), groups.get("item")
        return path.format(doc=_DOCS.get(doc or "", ""), item=_ITEMS.get(item or "", ""))
    return path.format(c="total")


def _columns(path: str | None, columns: Sequence[str]) -> str | None:
    """A row quantity (``….total`` terms) in some applicant columns instead."""
    if path is None:
        return None
    terms = path.split("+")
    return "+".join(term.removesuffix(".total") + f".{column}" for column in columns for term in terms)


class _Sentence:
    """The figures of one sentence so far, and what a 其中 … refers to."""

    def __init__(self) -> None:
        self.read: list[tuple[str, Claim]] = []  # (role, claim) in order
        self.dropped: set[int] = set()
        self.previous: int | None = -1  # the figure the last number gave: -1 none yet, None it read nothing
        self.anchor: dict[int, int] = {}  # an applicant figure → the row figure it breaks down
        self.nested: int | None = None  # the figure a 其中 / 含 refers to (-1 unknown), None when not nested

    def head(self) -> str | None:
        return None if self.nested is None or self.nested < 0 else self.read[self.nested][0]


def _allowed(role: str, state: _Sentence) -> bool:
    """Whether a figure of ``role`` at this point of the sentence reads as the table's row."""
    if state.nested is None or role in ("appeal", "applicant"):
        return True
    return role == "outcome" and state.head() in ("total", "handled")


def _nest(window: str, state: _Sentence) -> None:
    """What a 其中 / 含 in the words before a number refers to: the figure before them."""
    if _UNNESTED.search(window):
        state.nested = None
    if _NESTED.search(window):
        state.nested = state.previous if state.previous is not None else -1
    if state.head() in ("received", "handled") and _NEW_OR_CARRIED.search(window):
        state.dropped.add(state.nested or 0)  # 收到 N件，其中新收 … / 含上年结转 …: N may hold both


def _figure(
    body: str, token: re.Match[str], start: int, state: _Sentence, thousands: bool, template: Template
) -> tuple[str, int, Claim] | None:
    """The figure one number gives: (its role, where its phrase starts in the sentence, the claim), or None."""
    window = body[start : token.start()]
    _nest(window, state)
    read = _number(token, thousands)
    if read is None or _NOT_BEFORE.search(window) or _NOT_AFTER.match(body, token.end()):
        return None
    if _DOUBT.search(_clause(window)):
        return None
    found = _match(window, template)
    after = _CARRIED_FORWARD_AFTER.match(body, token.end())
    if (found is None) == (after is None):
        return None
    match = None
    if found is not None:
        role, path, match = found
        path, phrase_start, phrase_end = _path(role, path, match), start + match.start(), token.end()
    else:
        assert after is not None
        role, path = "carried_forward", "requests.carried_forward.total"
        phrase_start, phrase_end = token.start(), after.end()
    semicolon = window.rfind(";")
    if semicolon >= 0 and role in _HEADS and not _NESTED.search(window, semicolon + 1):
        state.nested = None  # a new quantity after ；
    number, quantum = read
    if (role == "fees") != (quantum is not None) or not _allowed(role, state):
        return None
    agree = "requests.received.total+requests.carried_over.total" if role == "handled" else None
    if role == "applicant" and match is not None:
        prior = state.previous if state.previous is not None and state.previous >= 0 else None
        anchor = state.anchor.get(prior, prior) if prior is not None else None
        if anchor is None or not _ROW_PATH.fullmatch(state.read[anchor][1].path):
            return None
        row = state.read[anchor][1]
        columns = _APPLICANTS[match["who"]]
        path, agree = _columns(row.path, columns) or "", _columns(row.agree, columns)
        state.anchor[len(state.read)] = anchor
    return role, phrase_start, Claim(body[phrase_start:phrase_end], number, path, 0, agree, quantum)


def _read(
    text: str, starts: Sequence[int], lines: Sequence[int], year: int | None, template: Template
) -> Iterator[Claim]:
    thousands = _PUNCTUATION_COMMA.search(text) is None
    for sentence in _SENTENCE.finditer(text):
        body = sentence.group()
        if not _UNITS_PRESENT.search(body) or any(int(y) != year for y in _YEAR.findall(body)):
            continue
        state = _Sentence()
        end = 0
        for token in _NUMBER.finditer(body):
            found = _figure(body, token, max(end, token.start() - _WINDOW), state, thousands, template)
            end = token.end()
            if found is None:
                state.previous = None
                continue
            role, at, claim = found
            line = lines[bisect.bisect_right(starts, sentence.start() + at) - 1]
            state.previous = len(state.read)
            state.read.append((role, claim._replace(line=line)))
        yield from (claim for i, (_, claim) in enumerate(state.read) if i not in state.dropped)


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
        pieces: list[str] = []
        starts: list[int] = []
        at = 0
        for raw in texts:
            folded = _fold(raw)
            if pieces and pieces[-1][-1:].isdigit() and folded[:1].isdigit():
                folded = "\ue001" + folded
            elif pieces and _ENUMERATED.match(folded):
                folded = "。" + folded
            starts.append(at)
            pieces.append(folded)
            at += len(folded)
        text = "".join(pieces)
        if _UNITS_PRESENT.search(text):
            out.extend(_read(text, starts, lines, year, template))
    return out
