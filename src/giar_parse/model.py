"""The records a parsed report is made of (the output contract, ``spec/output.md``).

Every record is a frozen attrs class.  Cell values are ``int`` (counts), ``Decimal``
(money, in yuan) or ``None`` where the report prints no number.  Where each value was
read in the input is kept in a ``provenance`` mapping that takes no part in equality.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal, TypeAlias

from attrs import field, frozen

__all__ = [
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


def _provenance_field() -> dict[str, Provenance]:
    return field(factory=dict, eq=False, repr=False, kw_only=True)


@frozen
class Provenance:
    """Where a value was read: 1-based line and column in the input, and the token as printed."""

    #: 1-based line of the cell in the input text.
    line: int
    #: 1-based column (in characters) where the cell starts on that line.
    column: int
    #: The cell as printed, e.g. ``"370亿元"``, ``"+63"`` or ``"-"``.
    raw: str


@frozen
class Diagnostic:
    """Something the parser noticed: a broken identity, a guess, a normalisation."""

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


@frozen
class Period:
    """The statistics period a report states (统计期限)."""

    #: First day of the period.
    start: _dt.date
    #: Last day of the period.
    end: _dt.date


@frozen
class Section:
    """One of the six top-level sections (一 … 六)."""

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
    """第二十条第（一）项 rows of the 2019 template (规章, 规范性文件)."""

    #: 本年新制作数量
    made: int | None = None
    #: 本年新公开数量
    published: int | None = None
    #: 对外公开总数量
    total: int | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class ItemCounts:
    """第二十条第（五）（六）项 rows of the 2019 template (行政许可, 行政处罚, …)."""

    #: 上一年项目数量
    previous: int | None = None
    #: 本年增/减 (signed)
    change: int | None = None
    #: 处理决定数量
    decisions: int | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class FeeItems:
    """第二十条第（八）项 of the 2019 template (行政事业性收费)."""

    #: 上一年项目数量
    previous: int | None = None
    #: 本年增/减 (signed)
    change: int | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class Procurement:
    """第二十条第（九）项 of the 2019 template (政府集中采购)."""

    #: 采购项目数量
    projects: int | None = None
    #: 采购总金额, converted to yuan.
    amount: Decimal | None = None
    #: 采购总金额 as printed, e.g. ``"942.193万"``.
    amount_text: str | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class ActiveDisclosure2019:
    """Table 二 (主动公开政府信息情况) in the 2019 template."""

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
    """第二十条第（一）项 rows of the 2021 template (规章, 行政规范性文件)."""

    #: 本年制发件数
    issued: int | None = None
    #: 本年废止件数
    repealed: int | None = None
    #: 现行有效件数
    in_force: int | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class Decisions:
    """第二十条第（五）（六）项 rows of the 2021 template."""

    #: 本年处理决定数量
    decisions: int | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class FeeAmount:
    """第二十条第（八）项 of the 2021 template (行政事业性收费)."""

    #: 本年收费金额, converted from 万元 to yuan.
    amount: Decimal | None = None
    #: The amount as printed, e.g. ``"7730.28"``.
    amount_text: str | None = None
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class ActiveDisclosure2021:
    """Table 二 (主动公开政府信息情况) in the 2021 template."""

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
    """One row of table 三: the seven applicant columns."""

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
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class Withheld:
    """（三）不予公开: the eight grounds."""

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
    """（四）无法提供."""

    #: 1.本机关不掌握相关政府信息
    not_held: Counts | None = None
    #: 2.没有现成信息需要另行制作
    needs_creation: Counts | None = None
    #: 3.补正后申请内容仍不明确
    unclear: Counts | None = None


@frozen
class NotProcessed:
    """（五）不予处理."""

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
    """（六）其他处理 split into three sub-rows (2021 template)."""

    #: 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
    no_correction: Counts | None = None
    #: 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
    unpaid_fees: Counts | None = None
    #: 3.其他
    other: Counts | None = None


@frozen
class RequestTable:
    """Table 三 (收到和处理政府信息公开申请情况)."""

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
    """One group of table 四: results of review or litigation."""

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
    provenance: Mapping[str, Provenance] = _provenance_field()


@frozen
class AppealTable:
    """Table 四 (政府信息公开行政复议、行政诉讼情况)."""

    #: 行政复议
    review: Outcomes = field(factory=Outcomes)
    #: 行政诉讼 → 未经复议直接起诉
    litigation: Outcomes = field(factory=Outcomes)
    #: 行政诉讼 → 复议后起诉
    litigation_after_review: Outcomes = field(factory=Outcomes)


# --- the report --------------------------------------------------------------------------


@frozen
class Report:
    """A parsed 政府信息公开工作年度报告.

    Equality compares content (metadata, sections and table values); diagnostics and
    provenance are left out, so two texts of the same report compare equal.
    """

    #: ``"2019"`` or ``"2021"``: the official table template the report follows.
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
