"""The records a parsed report is made of (the output contract, ``spec/output.md``).

Every record is a frozen attrs class.  Cell values are ``int`` (counts), ``Decimal``
(money, in yuan) or ``None`` where the report prints no number.  Where each value was
read in the input is kept in a ``provenance`` mapping that takes no part in equality.
"""

from __future__ import annotations

import datetime as _dt
import reprlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, Protocol, TypeAlias

from attrs import field, frozen

__all__ = [
    "FILE_PLACES",
    "SERIES_FIELDS",
    "ActiveDisclosure",
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "AppealTable",
    "Counts",
    "Decisions",
    "Diagnostic",
    "DocumentCounts",
    "DocumentCounts2021",
    "FeeAmount",
    "FeeItems",
    "ItemCounts",
    "NotProcessed",
    "OtherHandlingParts",
    "Outcomes",
    "Period",
    "Procurement",
    "ProseFigure",
    "Provenance",
    "Report",
    "RequestTable",
    "Section",
    "Severity",
    "Template",
    "Unavailable",
    "Withheld",
]

Severity = Literal["error", "warning", "info"]
Template = Literal["2019", "2021"]


@reprlib.recursive_repr()  # a record inside itself shows as "...", as in attrs' own repr
def _repr(self: Any) -> str:
    """``Name(field=value, ...)`` over the fields shown, as attrs writes it: one function for every record.

    attrs compiles a ``__repr__`` for each class it makes; the records share this one instead
    (attrs leaves a class's own ``__repr__`` alone), which makes importing the package faster.
    """
    shown = []
    for a in self.__attrs_attrs__:
        if a.repr:
            value = getattr(self, a.name)
            shown.append(f"{a.name}={a.repr(value) if callable(a.repr) else repr(value)}")
    return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(shown)})"


def _provenance_field() -> Mapping[str, Provenance]:
    return field(factory=dict, eq=False, repr=False, kw_only=True)


#: Where a value sits in a PDF or DOCX file: the optional fields of :class:`Provenance`, shown only when set.
FILE_PLACES = ("page", "bbox", "table", "row", "cell")

#: The optional fields of :class:`Diagnostic` that only the checks across years set, shown only when set.
SERIES_FIELDS = ("reports",)


@frozen(repr=False)
class Provenance:
    """Where a value was read: 1-based line and column in the input, and the token as printed.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.requests.received.provenance["natural_person"]
    Provenance(line=106, column=2, raw='5330')
    """

    #: 1-based line of the cell in the input text (for a PDF or Word file, in the text read from it).
    line: int
    #: 1-based column (in characters) where the cell starts on that line.
    column: int
    #: The cell as printed, e.g. ``"370亿元"``, ``"+63"`` or ``"-"``.
    raw: str
    #: The 1-based page the cell is printed on (PDF input).
    page: int | None = field(default=None, kw_only=True)
    #: The cell's box ``(x0, top, x1, bottom)`` in PDF points from the page's top left (PDF input).
    bbox: tuple[float, float, float, float] | None = field(default=None, kw_only=True)
    #: The 0-based index of the table in the document (DOCX input).
    table: int | None = field(default=None, kw_only=True)
    #: The 0-based row of that table (DOCX input).
    row: int | None = field(default=None, kw_only=True)
    #: The 0-based cell of that row, as ``w:tc`` elements are counted (DOCX input).
    cell: int | None = field(default=None, kw_only=True)

    def __repr__(self) -> str:
        shown = [f"line={self.line!r}", f"column={self.column!r}", f"raw={self.raw!r}"]
        shown += [f"{name}={getattr(self, name)!r}" for name in FILE_PLACES if getattr(self, name) is not None]
        return f"Provenance({', '.join(shown)})"


class _Place(Protocol):
    """A cell a value was read from (the reading stage's cells): its line, column and text as printed."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def raw(self) -> str: ...


def _provenance(cell: _Place) -> Provenance:
    """A cell's provenance (a :class:`Provenance` already made is its own)."""
    return cell if type(cell) is Provenance else Provenance(cell.line, cell.column, cell.raw)


class ProvenanceMap(Mapping[str, Provenance]):
    """Field → :class:`Provenance` for one record, each made when it is looked up.

    A record's values are read from cells whose place is known; most reports are read for
    their numbers only, so the provenance records are not made until they are asked for.
    """

    __slots__ = ("_cells", "_names")

    def __init__(self, names: Sequence[str], cells: Sequence[_Place | None]) -> None:
        """``cells[i]`` is the cell field ``names[i]`` was read from, or None (nothing printed)."""
        self._names = names
        self._cells = cells

    def __getitem__(self, name: str) -> Provenance:
        for field_name, cell in zip(self._names, self._cells, strict=True):
            if field_name == name and cell is not None:
                return _provenance(cell)
        raise KeyError(name)

    def moved(self, move: Callable[[Provenance], Provenance]) -> ProvenanceMap:
        """The same fields, each :class:`Provenance` made now and moved by ``move`` (into a source document)."""
        return ProvenanceMap(
            self._names, tuple(None if cell is None else move(_provenance(cell)) for cell in self._cells)
        )

    def __iter__(self) -> Iterator[str]:
        return (name for name, cell in zip(self._names, self._cells, strict=True) if cell is not None)

    def __len__(self) -> int:
        return sum(1 for cell in self._cells if cell is not None)

    def __repr__(self) -> str:
        return repr(dict(self))


@frozen
class Diagnostic:
    r"""Something the parser noticed: a broken identity, a guess, a normalisation.

    The codes are listed in :data:`giar_parse.diagnostics.CODES`.

    >>> import giar_parse
    >>> text = giar_parse.sample_text().replace("\t5758\n", "\t5759\n")  # 本年新收, 总计
    >>> for d in giar_parse.parse(text).diagnostics:
    ...     print(d.severity, d.code, d.path)
    warning identity.flow requests.total.total
    warning identity.row_sum requests.received.total
    warning prose.mismatch requests.received.total
    """

    __repr__ = _repr

    #: Stable identifier such as ``identity.flow`` or ``cells.assigned``.
    code: str
    #: ``"error"`` (a value could not be read), ``"warning"`` (read, but contradictory
    #: or guessed) or ``"info"`` (a normalisation was applied).
    severity: Severity
    #: One sentence naming the row, column and numbers involved.
    message: str
    #: Key path the diagnostic concerns, e.g. ``requests.total.natural_person``.
    path: str | None = None
    #: 1-based line in the input where it was seen.
    line: int | None = None
    #: The reports a check across years (``series.*``, :func:`~giar_parse.check_series`) is about,
    #: the earlier first, each named by its ``source``, else its title, else agency and year;
    #: ``None`` for a diagnostic about one report's own text.
    reports: tuple[str, ...] | None = field(default=None, kw_only=True)


@frozen
class Period:
    """The statistics period a report states (统计期限).

    >>> import datetime
    >>> import giar_parse
    >>> period = giar_parse.Period(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))
    >>> (period.end - period.start).days + 1
    366
    """

    __repr__ = _repr

    #: First day of the period.
    start: _dt.date
    #: Last day of the period.
    end: _dt.date


@frozen
class Section:
    """One of the six top-level sections (一 … 六).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> section = report.sections[2]
    >>> section.number, section.kind, section.heading
    (3, 'requests', '收到和处理政府信息公开申请情况')
    """

    __repr__ = _repr

    #: The section numeral, 1-6 (一 → 1).
    number: int
    #: ``overview``, ``active_disclosure``, ``requests``, ``appeals``, ``problems`` or ``other``.
    kind: str
    #: Heading as printed, without the numeral and its comma.
    heading: str
    #: The prose under the heading, tables excluded.
    body: str = ""
    #: 1-based line of the heading in the input (not part of equality).
    line: int | None = field(default=None, eq=False, repr=False)


# --- table 二, 2019 template ---------------------------------------------------------


@frozen
class DocumentCounts:
    """第二十条第（一）项 rows of the 2019 template (规章, 规范性文件).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.active.regulations
    DocumentCounts(made=7, published=7, total=193)
    """

    __repr__ = _repr

    #: 本年新制作数量
    made: int | None = None
    #: 本年新公开数量
    published: int | None = None
    #: 对外公开总数量
    total: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class ItemCounts:
    """第二十条第（五）（六）项 rows of the 2019 template (行政许可, 行政处罚, …).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.active.licensing
    ItemCounts(previous=683, change=-28, decisions=5189052)
    """

    __repr__ = _repr

    #: 上一年项目数量
    previous: int | None = None
    #: 本年增/减 (signed)
    change: int | None = None
    #: 处理决定数量
    decisions: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class FeeItems:
    """第二十条第（八）项 of the 2019 template (行政事业性收费).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.active.fees
    FeeItems(previous=36, change=-5)
    """

    __repr__ = _repr

    #: 上一年项目数量
    previous: int | None = None
    #: 本年增/减 (signed)
    change: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class Procurement:
    """第二十条第（九）项 of the 2019 template (政府集中采购).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.active.procurement
    Procurement(projects=23218, amount=Decimal('37000000000'), amount_text='370亿元')
    """

    __repr__ = _repr

    #: 采购项目数量
    projects: int | None = None
    #: 采购总金额, converted to yuan.
    amount: Decimal | None = None
    #: 采购总金额 as printed, e.g. ``"942.193万"``.
    amount_text: str | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class ActiveDisclosure2019:
    """Table 二 (主动公开政府信息情况) in the 2019 template.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> type(report.active).__name__, report.active.penalties.decisions
    ('ActiveDisclosure2019', 4053811)
    """

    __repr__ = _repr

    #: 规章
    regulations: DocumentCounts | None = None
    #: 规范性文件
    normative_documents: DocumentCounts | None = None
    #: 行政许可
    licensing: ItemCounts | None = None
    #: 其他对外管理服务事项
    other_services: ItemCounts | None = None
    #: 行政处罚
    penalties: ItemCounts | None = None
    #: 行政强制
    coercion: ItemCounts | None = None
    #: 行政事业性收费
    fees: FeeItems | None = None
    #: 政府集中采购
    procurement: Procurement | None = None


# --- table 二, 2021 template ---------------------------------------------------------


@frozen
class DocumentCounts2021:
    """第二十条第（一）项 rows of the 2021 template (规章, 行政规范性文件).

    >>> import giar_parse
    >>> giar_parse.DocumentCounts2021(issued=3, repealed=1, in_force=40)
    DocumentCounts2021(issued=3, repealed=1, in_force=40)
    """

    __repr__ = _repr

    #: 本年制发件数
    issued: int | None = None
    #: 本年废止件数
    repealed: int | None = None
    #: 现行有效件数
    in_force: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class Decisions:
    """第二十条第（五）（六）项 rows of the 2021 template (行政许可, 行政处罚, 行政强制).

    >>> import giar_parse
    >>> giar_parse.Decisions(decisions=1520).decisions
    1520
    """

    __repr__ = _repr

    #: 本年处理决定数量
    decisions: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class FeeAmount:
    """第二十条第（八）项 of the 2021 template (行政事业性收费).

    The column is printed in 万元; ``amount`` is in yuan.

    >>> from decimal import Decimal
    >>> import giar_parse
    >>> fees = giar_parse.FeeAmount(amount=Decimal("77302800"), amount_text="7730.28")
    >>> fees.amount / 10_000
    Decimal('7730.28')
    """

    __repr__ = _repr

    #: 本年收费金额, converted from 万元 to yuan.
    amount: Decimal | None = None
    #: The amount as printed, e.g. ``"7730.28"``.
    amount_text: str | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class ActiveDisclosure2021:
    """Table 二 (主动公开政府信息情况) in the 2021 template.

    >>> import giar_parse
    >>> active = giar_parse.ActiveDisclosure2021(licensing=giar_parse.Decisions(decisions=1520))
    >>> active.licensing.decisions, active.fees
    (1520, None)
    """

    __repr__ = _repr

    #: 规章
    regulations: DocumentCounts2021 | None = None
    #: 行政规范性文件
    normative_documents: DocumentCounts2021 | None = None
    #: 行政许可
    licensing: Decisions | None = None
    #: 行政处罚
    penalties: Decisions | None = None
    #: 行政强制
    coercion: Decisions | None = None
    #: 行政事业性收费
    fees: FeeAmount | None = None


ActiveDisclosure: TypeAlias = ActiveDisclosure2019 | ActiveDisclosure2021

# --- table 三 --------------------------------------------------------------------------


@frozen
class Counts:
    """One row of table 三: the seven applicant columns.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.requests.received.natural_person, report.requests.received.total
    (5330, 5758)
    """

    __repr__ = _repr

    #: 自然人
    natural_person: int | None = None
    #: 法人或其他组织 → 商业企业
    business: int | None = None
    #: 法人或其他组织 → 科研机构
    research: int | None = None
    #: 法人或其他组织 → 社会公益组织
    public_interest: int | None = None
    #: 法人或其他组织 → 法律服务机构
    legal_services: int | None = None
    #: 法人或其他组织 → 其他
    other_org: int | None = None
    #: 总计
    total: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class Withheld:
    """（三）不予公开: the eight grounds.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.requests.withheld.state_secret.total
    69
    """

    __repr__ = _repr

    #: 1.属于国家秘密
    state_secret: Counts | None = None
    #: 2.其他法律行政法规禁止公开
    prohibited_by_law: Counts | None = None
    #: 3.危及“三安全一稳定”
    security_stability: Counts | None = None
    #: 4.保护第三方合法权益
    third_party: Counts | None = None
    #: 5.属于三类内部事务信息
    internal_affairs: Counts | None = None
    #: 6.属于四类过程性信息
    process_information: Counts | None = None
    #: 7.属于行政执法案卷
    enforcement_files: Counts | None = None
    #: 8.属于行政查询事项
    administrative_queries: Counts | None = None


@frozen
class Unavailable:
    """（四）无法提供: the three reasons.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.requests.unavailable.not_held.total
    1029
    """

    __repr__ = _repr

    #: 1.本机关不掌握相关政府信息
    not_held: Counts | None = None
    #: 2.没有现成信息需要另行制作
    needs_creation: Counts | None = None
    #: 3.补正后申请内容仍不明确
    unclear: Counts | None = None


@frozen
class NotProcessed:
    """（五）不予处理: the five reasons.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.requests.not_processed.duplicates.total
    63
    """

    __repr__ = _repr

    #: 1.信访举报投诉类申请
    complaints: Counts | None = None
    #: 2.重复申请
    duplicates: Counts | None = None
    #: 3.要求提供公开出版物
    publications: Counts | None = None
    #: 4.无正当理由大量反复申请
    excessive: Counts | None = None
    #: 5.要求行政机关确认或重新出具已获取信息
    reconfirmation: Counts | None = None


@frozen
class OtherHandlingParts:
    """（六）其他处理 split into three sub-rows (2021 template).

    >>> import giar_parse
    >>> parts = giar_parse.OtherHandlingParts(other=giar_parse.Counts(natural_person=2, total=2))
    >>> parts.other.total, parts.unpaid_fees
    (2, None)
    """

    __repr__ = _repr

    #: 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    no_correction: Counts | None = None
    #: 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    unpaid_fees: Counts | None = None
    #: 3.其他
    other: Counts | None = None


@frozen
class RequestTable:
    """Table 三 (收到和处理政府信息公开申请情况).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.requests.total.total, report.requests.carried_forward.total
    (5787, 144)
    >>> report.requests.other_handling.total, report.requests.other_handling_parts
    (27, None)
    """

    __repr__ = _repr

    #: 一、本年新收政府信息公开申请数量
    received: Counts | None = None
    #: 二、上年结转政府信息公开申请数量
    carried_over: Counts | None = None
    #: （一）予以公开
    disclosed: Counts | None = None
    #: （二）部分公开
    partially_disclosed: Counts | None = None
    #: （三）不予公开
    withheld: Withheld = field(factory=Withheld)
    #: （四）无法提供
    unavailable: Unavailable = field(factory=Unavailable)
    #: （五）不予处理
    not_processed: NotProcessed = field(factory=NotProcessed)
    #: （六）其他处理 printed as one row; ``None`` when the three sub-rows are printed.
    other_handling: Counts | None = None
    #: （六）其他处理 as three sub-rows; ``None`` when the report prints one row.
    other_handling_parts: OtherHandlingParts | None = None
    #: （七）总计
    total: Counts | None = None
    #: 四、结转下年度继续办理
    carried_forward: Counts | None = None


# --- table 四 --------------------------------------------------------------------------


@frozen
class Outcomes:
    """One group of table 四: results of review or litigation.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.appeals.review
    Outcomes(upheld=155, corrected=62, other=84, pending=85, total=386)
    """

    __repr__ = _repr

    #: 结果维持
    upheld: int | None = None
    #: 结果纠正
    corrected: int | None = None
    #: 其他结果
    other: int | None = None
    #: 尚未审结
    pending: int | None = None
    #: 总计
    total: int | None = None
    #: Where each value was read, field name → :class:`Provenance` (not part of equality).
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class AppealTable:
    """Table 四 (政府信息公开行政复议、行政诉讼情况).

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.appeals.litigation.total, report.appeals.litigation_after_review.total
    (564, 84)
    """

    __repr__ = _repr

    #: 行政复议
    review: Outcomes = field(factory=Outcomes)
    #: 行政诉讼 → 未经复议直接起诉
    litigation: Outcomes = field(factory=Outcomes)
    #: 行政诉讼 → 复议后起诉
    litigation_after_review: Outcomes = field(factory=Outcomes)


# --- the prose ---------------------------------------------------------------------------


@frozen
class ProseFigure:
    """A number the prose attaches to a table quantity, and the table's number where it was compared.

    Section 一 of most reports restates the tables in words; :func:`giar_parse.parse` reads
    those figures (:doc:`/prose` lists the phrases, and what is not read) and compares each
    with the table. ``table`` is the table's number where the figure was compared, ``None`` where it
    was not (a blank cell, a reading in doubt); a ``prose.mismatch`` warning names every
    figure whose ``table`` differs from its ``number``.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> (figure,) = report.prose_figures
    >>> figure.phrase, figure.number, figure.path, figure.line, figure.table
    ('接收政府信息公开申请5758件', 5758, 'requests.received.total', 12, 5758)
    """

    __repr__ = _repr

    #: The words read, NFKC-folded and without spaces, e.g. ``"予以公开及部分公开42件"``.
    phrase: str
    #: The number they print, a count or money in yuan (``Decimal``).
    number: int | Decimal
    #: The table quantity they name, a key path (``*`` for every row of a group, as in
    #: ``requests.withheld.*.total``, and ``+`` between quantities added together).
    path: str
    #: 1-based line in the input where the phrase starts.
    line: int
    #: The table's number for ``path`` where the figure was compared; ``None`` where it was not.
    table: int | Decimal | None = None


# --- the report --------------------------------------------------------------------------


@frozen
class Report:
    r"""A parsed 政府信息公开工作年度报告.

    Equality compares content (metadata, sections and table values); diagnostics and
    provenance are left out, so two texts of the same report compare equal.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.template, report.year
    ('2019', 2020)
    >>> report == giar_parse.parse("\n\n" + giar_parse.sample_text())
    True
    """

    __repr__ = _repr

    #: The official table template the report follows, ``"2019"`` or ``"2021"``.
    template: Template
    #: The report title with line breaks and spaces removed.
    title: str | None = None
    #: The issuing body as the title names it.
    agency: str | None = None
    #: The year reported on.
    year: int | None = None
    #: Publication date where the text states one (``日期:2021-01-29``).
    published: _dt.date | None = None
    #: Statistics period where the text states one.
    period: Period | None = None
    #: The top-level sections in the order printed.
    sections: tuple[Section, ...] = ()
    #: Table 二.
    active: ActiveDisclosure | None = None
    #: Table 三.
    requests: RequestTable | None = None
    #: Table 四.
    appeals: AppealTable | None = None
    #: Everything the parser noticed; empty for a clean report.
    diagnostics: tuple[Diagnostic, ...] = field(default=(), eq=False)
    #: The figures the prose restates from the tables, in the order printed (not part of equality).
    prose_figures: tuple[ProseFigure, ...] = field(default=(), eq=False)
    #: The file the report was read from (by ``parse_file``); None for text or bytes.
    source: str | None = field(default=None, eq=False)
