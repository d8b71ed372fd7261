"""The grammar of the figures prose restates: the phrase families, and the words of doubt.

:mod:`giar_parse.reading.prose` runs it over a section's folded text (NFKC, no spaces, the
full-width comma kept as ``，``): every number (:mod:`~giar_parse.reading.numerals`) whose
words before it end in the words of one :data:`FAMILIES` entry names that table quantity,
unless :data:`DOUBT` or the family's own veto is in its clause.  ``docs/prose.md`` lists the
families with examples.

A look-up is one search of every pattern at once for where the earliest phrase that ends the
words starts; the patterns that can start with the character found then say which family it
is.  Nothing is compiled at import, and a pattern is compiled when a report first needs it.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from giar_parse.labels import REQUEST_COLUMNS
from giar_parse.reading.patterns import LazyPattern

__all__ = [
    "APPLICANTS",
    "CARRIED_FORWARD_AFTER",
    "CHANNELS",
    "DOUBT",
    "EVERY_CHANNEL",
    "FAMILIES",
    "HANDLED_WORDS",
    "HEADS",
    "NESTED",
    "NEW_OR_CARRIED",
    "PART_OF_YEAR",
    "SCOPE",
    "UNNESTED",
    "WITHIN",
    "Family",
    "Phrase",
    "part_of_year",
    "phrase",
    "quantity_path",
]


# --- the phrase families -------------------------------------------------------------------------

_GLUE = r"(?:数量|总数|总量|数)?(?:共计|总计|合计|共|计)?(?:达到|达|为|是|有)?:?\Z"
_APPLICATIONS = r"的?(?:政府信息公开|信息公开|依申请公开|公开)?的?(?:申请)?件?" + _GLUE
# what may stand between 收到 and 申请: not another quantity, not a part of the applicants
_FILLER = (
    r"(?:(?!办结|答复|办理|处理|结转|自然人|法人|企业|机构|组织|许可|处罚|强制|复议|诉讼|投诉|举报|信访|咨询|事项)"
    r"[^\d,，;:()。\ue001]){0,30}?"
)
_OUTCOME = r"的?(?:申请)?件?" + _GLUE
_AND = r"(?:和|及|与|、|以及|或)"
_REVIEW, _SUIT = r"(?:行政)?复议", r"(?:行政)?诉讼"
_SUING = r"(?:提起)?(?:行政诉讼|起诉|诉讼)的?(?:案件)?" + _GLUE
_DOC = r"(?P<doc>行政规范性文件|规范性文件|规章)"
_DOCS = {"行政规范性文件": "normative_documents", "规范性文件": "normative_documents", "规章": "regulations"}
_ITEMS = {"许可": "licensing", "处罚": "penalties", "强制": "coercion"}
# the applicant columns of table 三 by their labels (法人或其他组织: the five columns under it)
_ORGANISATIONS = ("business", "research", "public_interest", "legal_services", "other_org")
APPLICANTS: dict[str, tuple[str, ...]] = {
    label: (key,) for key, label in REQUEST_COLUMNS.items() if key in ("natural_person", *_ORGANISATIONS[:-1])
}
APPLICANTS |= {f"法人{joint}其他组织": _ORGANISATIONS for joint in "或和及"}
_WHO = "(?P<who>" + "|".join(sorted(APPLICANTS, key=len, reverse=True)) + ")"
# what may stand before an outcome (不予公开 …) in its clause: not a reason (因…而, 属于…), which names one ground
_PLAIN_OUTCOME = r"(?:其中|另有|另|此外|依法|经审查|审查后|均|共|共计|合计|有|对|决定|已|、|和|及|以及|的)*"
# before 行政许可 / 处罚 / 强制: not another body (市场监管局作出 …)
_PLAIN_DECISIONS = r"(?:全年|本年度?|今年|共|共计|依法|其中|作出|办理|办结|实施|的|、|和|及|以及)*"
# before 行政复议 / 诉讼: the agency handling reviews as the review body (办理行政复议案件) is not table 四
_REVIEW_BODY = r"办理|受理|审理|办结|作出|处理|审结|复议机关|收到|接收|接到"
_ACTION = r"发布|公开|清理|梳理|汇集|汇编|更新|收录|整理|上传|集中|推送|审查|备案|报送|制定|印发|出台|新增"
_BOTH = "appeals.review.total+appeals.litigation.total+appeals.litigation_after_review.total"
_SUED = "appeals.litigation.total+appeals.litigation_after_review.total"


class Family(NamedTuple):
    """Words that name one table quantity when a number follows them."""

    #: What the quantity is, for nesting: received, total, outcome, applicant, appeal, active, fees, …
    role: str
    #: The table quantity (``{c}`` a column, ``{doc}`` / ``{item}`` a row named by the words).
    path: str
    #: The words (regular expressions, each ending where the number starts).
    patterns: tuple[str, ...]
    #: The templates whose tables have the quantity.
    templates: tuple[str, ...] = ("2019", "2021")
    #: Words before them, in the same clause, that make the quantity uncertain.
    veto: LazyPattern | None = None
    #: Where given, the only words that may stand before them in the same clause.
    only: LazyPattern | None = None
    #: A word the sentence must hold before the number (or, for 申请, the section just before it).
    needs: str = ""


def _family(
    role: str, path: str, *patterns: str, templates: str = "", veto: str = "", only: str = "", needs: str = ""
) -> Family:
    return Family(
        role,
        path,
        patterns,
        (templates,) if templates else ("2019", "2021"),
        LazyPattern(veto) if veto else None,
        LazyPattern(only) if only else None,
        needs,
    )


def _outcome(path: str, words: str) -> Family:
    """A row or group of table 三's outcomes: plain words before it, and 申请 spoken of."""
    return _family("outcome", path, words + _OUTCOME, only=_PLAIN_OUTCOME, needs="申请")


def _appeal(path: str, pattern: str, veto: str = "") -> Family:
    """A quantity of table 四, read only in a sentence about 信息公开 and not as the review body."""
    return _family("appeal", path, pattern, veto=_REVIEW_BODY + veto, needs="信息公开")


def _documents(verb: str, path: str, template: str, veto: str = "") -> Family:
    """规章 / 行政规范性文件 with a column's verb before or after them (制发 …, … 本年废止)."""
    before = verb + r"了?的?" + _DOC + _GLUE
    after = _DOC + r"(?:本年度?)?" + verb + r"(?:件数|数量)?" + _GLUE
    return _family("active", path, before, after, templates=template, veto=veto)


_RECEIVED = r"(?:新收|收到|受理|接收|接到|收悉)[了到]?" + _FILLER + "申请" + _OUTCOME
_HANDLED = r"(?:办理|处(?<![予他]处)理)(?:了|完成)?的?(?:(?:政府信息公开|信息公开|公开)?的?申请|依申请公开)"
_FORWARD = r"(?:结转|顺延|转入|延续)(?:到|至|入)?下一?年度?(?:继续办理|继续处理|办理|答复)?"
_BOTH_OPEN = "requests.disclosed.total+requests.partially_disclosed.total"

FAMILIES = (
    _family("received", "requests.received.{c}", _RECEIVED),
    _family("carried_over", "requests.carried_over.{c}", r"上一?年度?结转(?:过来|来)?" + _APPLICATIONS, needs="申请"),
    _family("total", "requests.total.{c}", r"(?:办结|答复|办复)了?" + _APPLICATIONS, needs="申请"),
    _family("handled", "requests.total.{c}", _HANDLED + _OUTCOME),
    _family("carried_forward", "requests.carried_forward.{c}", _FORWARD + _APPLICATIONS, needs="申请"),
    _family("applicant", "", _WHO + r"(?:提出|提交)?" + _OUTCOME),
    _outcome(_BOTH_OPEN, r"(?:予以公开|全部公开)" + _AND + r"(?:予以)?部分公开"),
    _outcome("requests.disclosed.total", r"(?:予以公开|予以全部公开|全部公开)"),
    _outcome("requests.partially_disclosed.total", r"(?:予以)?部分公开"),
    _outcome("requests.withheld.*.total", "不予公开"),
    _outcome("requests.unavailable.*.total", "无法提供"),
    _outcome("requests.not_processed.*.total", "不予处理"),
    _outcome("requests.other_handling.total", "其他处理"),
    _appeal(_BOTH, f"(?:{_REVIEW}{_AND}{_SUIT}|{_SUIT}{_AND}{_REVIEW})(?:案件)?的?" + _GLUE),
    _appeal("appeals.review.total", _REVIEW + r"(?:案件|申请)?的?" + _GLUE),
    _appeal(_SUED, _SUIT + r"(?:案件)?的?" + _GLUE, veto="|复议后|直接|未经复议"),
    _appeal("appeals.litigation.total", r"(?:未经复议)?直接" + _SUING),
    _appeal("appeals.litigation_after_review.total", "复议后" + _SUING),
    _documents("制发", "active.{doc}.issued", "2021"),
    _documents("废止", "active.{doc}.repealed", "2021"),
    _documents("现行有效", "active.{doc}.in_force", "2021", veto=_ACTION),
    _documents("新制作", "active.{doc}.made", "2019"),
    _documents("新公开", "active.{doc}.published", "2019"),
    _family(
        "active",
        "active.{item}.decisions",
        r"行政(?P<item>许可|处罚|强制)(?:处理)?(?:决定书?|案件)?" + _GLUE,
        only=_PLAIN_DECISIONS,
    ),
    _family("fees", "active.fees.amount", r"行政事业性收费(?:金额|收入|总额)?" + _GLUE, templates="2021"),
)
CARRIED_FORWARD_AFTER = LazyPattern(
    r"[^\d,，;:()。\ue001]{0,12}?(?:结转|顺延|转入|延续|延至|转至)(?:到|至|入)?下一?年度?"
)
#: In the clause of 收到 … 申请 N件: a channel (网上 …), so N may be part of them, unless 各类 / 全部 / 等 say all.
CHANNELS = LazyPattern(r"网上|网络|在线|当面|现场|窗口|信函|邮寄|传真|邮件|电话|热线")
EVERY_CHANNEL = LazyPattern(r"各类|全部|所有|等")
_ROWS = frozenset({"received", "carried_over", "total", "handled", "carried_forward"})
HEADS = _ROWS | {"appeal", "active", "fees"}


class Phrase(NamedTuple):
    """The words of one family that end a window."""

    #: The family they belong to.
    family: Family
    #: Where they start in the window.
    start: int
    #: The parts they name: ``doc`` (规章 / 规范性文件), ``item`` (许可 / 处罚 / 强制), ``who`` (an applicant).
    words: dict[str, str]


_GROUP = LazyPattern(r"\(\?P<(\w+)>")


class _Alternative(NamedTuple):
    """One pattern of a family in the grammar."""

    family: Family
    #: The pattern as written.
    source: str
    #: Its named parts (``doc``, ``item``, ``who``).
    parts: tuple[str, ...]


class _Start:
    """The alternatives that can start with one character, in the families' order; which ends a window there."""

    def __init__(self, alternatives: list[_Alternative]) -> None:
        self.alternatives = tuple(alternatives)
        #: One alternative naming no parts: where the grammar's search found words, they are its.
        self.alone = len(alternatives) == 1 and not alternatives[0].parts
        self.reader: re.Pattern[str] | None = None  # all of them in order, group a<i> the i-th
        self.others: dict[int, re.Pattern[str] | None] = {}  # by index, those after it of other families

    def first(self, window: str, start: int) -> tuple[int, dict[str, str]] | None:
        """The index of the first alternative whose words start at ``start`` and end the window, and its parts."""
        if self.alone:
            return 0, {}
        reader = self.reader or self._read()
        match = reader.match(window, start)
        if match is None or match.lastgroup is None:
            return None
        index = int(match.lastgroup[1:])
        return index, {part: match[f"{part}_{match.lastgroup}"] for part in self.alternatives[index].parts}

    def another(self, window: str, start: int, index: int) -> bool:
        """Whether words of another family than the ``index``-th alternative's start there and end the window too."""
        others = self.others[index] if index in self.others else self._other(index)
        return others is not None and others.match(window, start) is not None

    def _read(self) -> re.Pattern[str]:
        # the ending all of them share is written once after the alternation: the first to end the
        # window with it is still the first in order (the engine tries each in turn to the end)
        sources = [alternative.source for alternative in self.alternatives]
        ending = next(ending for ending in (*_ENDINGS, _GLUE) if all(source.endswith(ending) for source in sources))
        heads = []
        for index, alternative in enumerate(self.alternatives):
            name, head = f"a{index}", alternative.source.removesuffix(ending)
            for part in alternative.parts:
                head = head.replace(f"(?P<{part}>", f"(?P<{part}_{name}>")
            heads.append(f"(?P<{name}>{head})")
        self.reader = re.compile(f"(?:{'|'.join(heads)}){ending}")
        return self.reader

    def _other(self, index: int) -> re.Pattern[str] | None:
        family = self.alternatives[index].family
        sources = [other.source for other in self.alternatives[index + 1 :] if other.family is not family]
        self.others[index] = re.compile(_union(sources)) if sources else None
        return self.others[index]


#: The grammar: one pattern finding where the earliest phrase that ends a window starts, and by
#: first character the alternatives that can start with it.
_Grammar = tuple[re.Pattern[str], dict[str, _Start]]
# endings many patterns share (each ends in the glue): written once in the grammar's search
_ENDINGS = (_APPLICATIONS, _OUTCOME, _SUING)


@functools.cache  # built on the first phrase looked for, not at import
def _grammar() -> _Grammar:
    """Every family's patterns as one search behind a look-ahead for their first characters, and each alternative."""
    starting: dict[str, list[_Alternative]] = {}
    for family in FAMILIES:
        for source in family.patterns:
            alternative = _Alternative(family, source, tuple(_GROUP.findall(source)))
            for char in _first_characters(source):
                starting.setdefault(char, []).append(alternative)
    search = f"(?=[{''.join(sorted(starting))}]){_union([source for family in FAMILIES for source in family.patterns])}"
    return re.compile(search), {char: _Start(found) for char, found in starting.items()}


def _union(sources: list[str]) -> str:
    """A pattern matching where any of ``sources`` matches, with the words they share written once.

    Each source is its words, then one of :data:`_ENDINGS` or the glue alone; words that
    differ in one piece only are one alternative (制发了?的?… and 废止了?的?…: (?:制发|废止)了?的?…).
    The named parts become plain groups: the union only finds where a phrase starts (the
    search, not which family it is, is what a look-up costs; a short pattern is quick to compile).
    """
    words: dict[str, list[str]] = {}
    for source in sources:
        plain = _GROUP.sub("(?:", source)
        ending = next((ending for ending in _ENDINGS if plain.endswith(ending)), _GLUE)
        head = plain[: len(plain) - len(ending)]
        if not plain.endswith(_GLUE) or len(_alternatives(head)) > 1:
            raise ValueError(f"a phrase pattern must end in the glue and have no top-level |: {source!r}")
        words.setdefault(ending, []).append(head)
    ends = (f"(?:{'|'.join(_merged(heads))}){ending.removesuffix(_GLUE)}" for ending, heads in words.items())
    return f"(?:{'|'.join(ends)}){_GLUE}"


def _merged(patterns: list[str]) -> list[str]:
    """The patterns, those that differ in one piece only written as one (the piece an alternation)."""
    found = [_pieces(pattern) for pattern in patterns]
    for at in range(max(map(len, found), default=0)):
        found = _merged_at(found, at)
    return ["".join(pieces) for pieces in found]


def _merged_at(found: list[list[str]], at: int) -> list[list[str]]:
    """The patterns (as pieces) that differ in their ``at``-th piece only, as one."""
    choices: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    shorter = []
    for pieces in found:
        if at < len(pieces):
            choices.setdefault((tuple(pieces[:at]), tuple(pieces[at + 1 :])), []).append(pieces[at])
        else:
            shorter.append(pieces)
    merged = [[*before, _either(options), *after] for (before, after), options in choices.items()]
    return merged + shorter


def _either(options: list[str]) -> str:
    unique = list(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else f"(?:{'|'.join(unique)})"


def _pieces(pattern: str) -> list[str]:
    """A pattern's top-level pieces: words (``制发``), and groups, classes or characters with their quantifier."""
    pieces: list[str] = []
    for piece in _atoms(pattern):
        if pieces and _is_word(piece) and _is_word(pieces[-1]):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def _is_word(piece: str) -> bool:
    """Whether the piece is characters only (no group, class or quantifier)."""
    return all("\u4e00" <= char <= "\u9fff" for char in piece)


def _atoms(pattern: str) -> list[str]:
    """A pattern's top-level atoms, each with its quantifier (``了?``, ``(?:件数|数量)?``, ``[^,]{0,30}?``)."""
    pieces, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if char == "(":
            end = _group_end(pattern, index)
        elif char == "[":
            end = pattern.index("]", index + 2) + 1
        else:
            end = index + (2 if char == "\\" else 1)
        while end < len(pattern) and pattern[end] in "?*+{":
            end = pattern.index("}", end) + 1 if pattern[end] == "{" else end + 1
        pieces.append(pattern[index:end])
        index = end
    return pieces


_DEPTH = {"(": 1, ")": -1}


def _group_end(source: str, start: int) -> int:
    """The index just past the ``)`` closing the group that opens at ``start``."""
    depth, index = 0, start
    while index < len(source):
        char = source[index]
        index += 2 if char == "\\" else 1  # an escaped character opens and closes nothing
        depth += _DEPTH.get(char, 0)
        if depth == 0:
            return index
    raise ValueError(f"unbalanced group in {source!r}")


def _alternatives(body: str) -> list[str]:
    """A group's alternatives (split at its top-level ``|``)."""
    out, depth, start = [], 0, 0
    for index, char in enumerate(body):
        depth += _DEPTH.get(char, 0)
        if char == "|" and depth == 0:
            out.append(body[start:index])
            start = index + 1
    return [*out, body[start:]]


def _first_characters(source: str) -> set[str]:
    """The characters a phrase pattern (literals, ``(?:…|…)``, ``(?P<name>…)``, ``?``) can start with."""
    if source.startswith(("(?:", "(?P<")):
        end = _group_end(source, 0)
        inner = source[3 if source.startswith("(?:") else source.index(">") + 1 : end - 1]
        chars = set().union(*(_first_characters(option) for option in _alternatives(inner)))
    elif source and "\u4e00" <= source[0] <= "\u9fff":
        end, chars = 1, {source[0]}
    else:
        raise ValueError(f"a phrase pattern must start with a character or a group: {source!r}")
    if source[end : end + 1] == "?":  # optional: what follows may start the phrase too
        chars |= _first_characters(source[end + 1 :])
    return chars


def phrase(window: str, template: str) -> Phrase | None:
    """The family whose words end ``window`` (the earliest-starting); None for none, or two at once.

    Where the words starting there end the window in another family too, or are words of the
    other template's tables, they are in doubt.
    """
    grammar, starting = _grammar()
    found = grammar.search(window)
    if found is None:
        return None
    start = found.start()
    alternatives = starting[window[start]]
    first = alternatives.first(window, start)
    if first is None:
        return None
    index, words = first
    family = alternatives.alternatives[index].family
    if template not in family.templates or alternatives.another(window, start, index):
        return None  # the other template's words, or two readings of the same words
    return Phrase(family, start, words)


def quantity_path(found: Phrase) -> str:
    """A family's path with the row and column its words name filled in."""
    words = found.words
    if found.family.role == "active":
        return found.family.path.format(
            doc=_DOCS.get(words.get("doc", ""), ""), item=_ITEMS.get(words.get("item", ""), "")
        )
    return _total(found.family.path)


@functools.cache
def _total(path: str) -> str:
    """A path in the 总计 column."""
    return path.format(c="total")


# --- what makes a figure uncertain ---------------------------------------------------------------

#: In the clause of a number: a delta, another year, a total over years or an average, a part of the time.
#: (Each alternative starts with a character, so a search passes every other position at once.)
DOUBT = LazyPattern(
    r"较|同比|环比|相比|比上一?年|比去年|增加|减少|增长|下降|上升|提高|降低|增幅|降幅|新增|增减|增/减|净增|净减"
    r"|上一?年度?(?!度?结转)|去年(?!度?结转)|前年(?!度?结转)|累计|历年|以来|平均|日均|月均|每|人均|分别|按时|按期"
    r"|及时|逾期|超期"
)
#: In the clause of a number: a part of the year (上半年, 第一季度, 1-6月; not a day such as 12月31日).
#: Each match holds 月, 季 or 半 (:func:`part_of_year` looks for them first).
PART_OF_YEAR = LazyPattern(
    r"上半年|下半年|季度|月份|本月|当月|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?![\d一二三四五六七八九十]{1,3}日)"
)


def part_of_year(clause: str) -> bool:
    """Whether the clause names a part of the year (:data:`PART_OF_YEAR`)."""
    return ("月" in clause or "季" in clause or "半" in clause) and PART_OF_YEAR.search(clause) is not None


#: Anywhere in the sentence: a part of the agency or of its area (本级, 各区县 …), so a number may be that part's.
SCOPE = LazyPattern(r"本级|市级|区级|县级|省级|乡级|镇级|部门|名义|直属|所属|下属|区县|县区|乡镇|街道|镇街|各级|系统")
#: Before a number: it is part of the figure before it (其中 …, 含 …, 办结的14件中，…).
NESTED = LazyPattern(r"其中|含|包括|包含|\A中")
#: Before a number: a part ends (另有 …, a closing bracket).
UNNESTED = LazyPattern(r"另有|此外|另外|\)")
#: Before a number: a part begins after words naming its whole (在已办结的申请中，…); group 1 is those words.
WITHIN = LazyPattern(r"([^,，;:()中]{1,20})(?<!其)中(?=[,，:])")
#: Words naming the whole a part is of (…中，): the applications handled, whose outcomes are table 三's.
HANDLED_WORDS = LazyPattern(r"办结|答复|办理|处理")
#: In a part of 收到 N件: N may hold the carried-over applications too.
NEW_OR_CARRIED = LazyPattern(r"新收|结转|上一?年|本年|当年")
