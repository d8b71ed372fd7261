"""Hypothesis strategies that draw annual reports and their tables, for property tests.

This module needs `hypothesis <https://hypothesis.readthedocs.io>`_ installed
(``pip install giar-parse[hypothesis]``); import it as ``giar_parse.strategies``::

    from hypothesis import given
    import giar_parse
    from giar_parse import strategies

    @given(strategies.reports(template="2021"))
    def test_my_exporter(report):
        assert giar_parse.parse(giar_parse.render(report)) == report

Every drawn report is one :func:`giar_parse.render` prints and :func:`giar_parse.parse`
reads back equal (in the layouts that cannot show a blank cell, a blank money cell reads
back with ``amount_text`` ``"-"``; see :class:`giar_parse.Layout`).  Values cover what
real reports print: zeros, blanks, counts in the millions, signed changes, amounts with
元/万元/亿元 and placeholders (``amount`` derived from ``amount_text`` as the parser
does) and, unless ``consistent=True``, tables whose printed numbers break an identity.

:func:`report_texts` draws the texts themselves: a report in any :class:`giar_parse.Layout`
with the noise real documents carry (:data:`NOISE_KINDS`: Traditional labels, repeated
label cells, headers one character per line, values printed low in their cell, split
headers, page chrome …), which changes no value the text reads as.

Knobs are keyword-only and checked when the strategy is made (``InvalidArgument``).
``blank_rate`` is the chance that a cell is blank (``None``); left ``None`` it is drawn
per report or table from 0, 0.05, 0.3 and 1.  ``consistent`` asks for tables whose
identities hold (``True``), that break one (``False``) or either (``None``); a table
whose identities hold leaves only zero cells blank, as reports do.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import Any, Literal, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from giar_parse import labels
from giar_parse.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AppealTable,
    Counts,
    Decisions,
    DocumentCounts,
    DocumentCounts2021,
    FeeAmount,
    FeeItems,
    ItemCounts,
    NotProcessed,
    OtherHandlingParts,
    Outcomes,
    Period,
    Procurement,
    Report,
    RequestTable,
    Section,
    Template,
    Unavailable,
    Withheld,
)
from giar_parse.reading.tables.cells import plain_decimal
from giar_parse.reading.values import PLACEHOLDERS, read, scale
from giar_parse.strategies.noise import KINDS, Noise, read_back
from giar_parse.writing.layouts import Layout

__all__ = [
    "NOISE_KINDS",
    "SECTION_KINDS",
    "TABLES",
    "active_disclosures",
    "amounts",
    "appeal_tables",
    "counts",
    "outcomes",
    "report_texts",
    "reports",
    "request_tables",
    "sections",
]

T = TypeVar("T")
Draw = st.DrawFn

#: Section kinds in printed order (``Section.kind``), for ``reports(sections=...)``.
SECTION_KINDS = tuple(labels.SECTIONS)
#: Table names (the ``Report`` fields holding them), for ``reports(tables=...)``.
TABLES = ("active", "requests", "appeals")
#: The kinds of noise, named after the shapes they give a text, for ``report_texts(noise=...)``:
#: ``punctuation`` (half-width （）：，／, full-width digits in enumerators), ``spaces``
#: (结果 维持, 1. 属于), ``quotes`` (“三安全一稳定” as "…", 「…」 or bare), ``split_headers``
#: (本年新 / 制作数量), ``dropped_groups`` (table 三's （三）–（六） group labels gone),
#: ``bookmarks`` (一. 一． 一， and ``[bookmark: _Toc…]`` before headings), ``chrome``
#: (breadcrumbs, footers, page numbers between lines), ``traditional`` (總計, 複議, 訴訟 in
#: the labels), ``repeated_labels`` (a row label copied into the cells its merged cell
#: covers), ``one_character_headers`` (table 四's header one character per line) and
#: ``values_low`` (in the ``spaced`` layout, a value printed low in its cell, on the next
#: line at the same column).
NOISE_KINDS = KINDS

_TEMPLATES: tuple[Template, ...] = ("2019", "2021")
_YEARS = {"2019": (2019, 2020), "2021": (2021, 2025)}
_BLANK_RATES = st.sampled_from((0.0, 0.05, 0.3, 1.0))
_PER_MILLE = st.integers(0, 999)
_ONE_IN_TEN = st.integers(0, 9)
#: A count: mostly zero or small, sometimes in the millions.
_COUNT = st.one_of(st.just(0), st.integers(1, 99), st.integers(100, 99_999), st.integers(100_000, 99_999_999))
#: A signed change (本年增/减).
_CHANGE = st.one_of(st.just(0), st.integers(-999, 999), st.integers(-99_999, 99_999))
_MONEY_UNITS = ("", "元", "万元", "亿元", "万", "亿")

# Heading wordings seen in real reports (spec/format.md), canonical first.
_HEADINGS = {
    "overview": ("总体情况", "基本情况", "工作概况", "总体工作情况"),
    "active_disclosure": ("主动公开政府信息情况", "主动公开政府信息工作情况", "主动公开信息情况"),
    "requests": ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"),
    "appeals": (
        "政府信息公开行政复议、行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "政府信息公开行政复议及行政诉讼情况",
        "行政复议、行政诉讼情况",
    ),
    "problems": ("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况"),
    "other": ("其他需要报告的事项", "其他需要报告事项"),
}

# Prose bodies: sentences that cannot be read as anything else.  They start with a
# character no label, heading, enumerator or page-chrome line starts with, end with 。
# (which no label contains), and hold no digit, space, tab, pipe, colon or bracket, so
# they name no year or date and stay one cell in every layout.
_BODY_FIRST = "我全各加进推持为在着坚深强完健落做积"
_BODY_WORDS = (
    *"们面推进政务公开工作持续加强平台建设与制度保障积极回应社会关切提升服务水平，、；",
    "规范办理流程",
    "完善机制",
    "落实责任，",
    "深化重点领域信息发布解读",
    "优化网站栏目、",
    "群众满意度不断提高；",
    "工作人员培训考核监督",
)
_BODY_LINE = st.builds(
    lambda first, words: f"{first}{''.join(words)}。",
    st.sampled_from(_BODY_FIRST),
    st.lists(st.sampled_from(_BODY_WORDS), max_size=6),
)
_BODY = st.lists(_BODY_LINE, max_size=3).map("\n".join)
_SECTION = {
    kind: st.builds(Section, st.just(number), st.just(kind), st.sampled_from(_HEADINGS[kind]), _BODY)
    for kind, (number, _) in labels.SECTIONS.items()
}

_AGENCY = st.builds(
    lambda *parts: "".join(parts),
    st.sampled_from(("北京市", "重庆市", "上海市", "湖北省", "福建省", "平潭综合实验区")),
    st.sampled_from(("", "海淀区", "武侯区", "江汉区", "鼓楼区")),
    st.sampled_from(("", "人民政府", "人民政府办公厅", "财政局", "生态环境局", "卫生健康委员会")),
)
_TITLE_ENDINGS = ("政府信息公开工作年度报告", "度政府信息公开工作年度报告", "政府信息公开年度报告")

# --- knobs ----------------------------------------------------------------------------


def _template(template: str | None) -> st.SearchStrategy[Template]:
    if template is None:
        return st.sampled_from(_TEMPLATES)
    if template not in _TEMPLATES:
        raise InvalidArgument(f"template={template!r} must be '2019' or '2021'")
    return st.just("2021" if template == "2021" else "2019")


def _rate(blank_rate: float | None) -> st.SearchStrategy[float]:
    if blank_rate is None:
        return _BLANK_RATES
    if not 0 <= blank_rate <= 1:
        raise InvalidArgument(f"blank_rate={blank_rate!r} must be between 0 and 1")
    return st.just(blank_rate)


def _consistent(consistent: bool | None) -> st.SearchStrategy[bool]:
    return st.booleans() if consistent is None else st.just(consistent)


def _subset(chosen: Collection[str] | None, every: Sequence[str], name: str) -> st.SearchStrategy[tuple[str, ...]]:
    """The items of ``chosen`` in ``every``'s order; drawn when ``None``, each left out one time in ten."""
    if chosen is None:
        present = st.lists(_ONE_IN_TEN, min_size=len(every), max_size=len(every))
        return present.map(lambda draws: tuple(item for item, n in zip(every, draws, strict=True) if n > 0))
    if isinstance(chosen, str) or not set(chosen) <= set(every):
        raise InvalidArgument(f"{name}={chosen!r} must be a collection of {tuple(every)}")
    return st.just(tuple(item for item in every if item in chosen))


def _blank(draw: Draw, rate: float) -> bool:
    if rate <= 0 or rate >= 1:
        return rate >= 1
    return draw(_PER_MILLE) >= 1000 * (1 - rate)  # shrinks towards a printed cell


# --- cells ----------------------------------------------------------------------------


@st.composite
def _amount(draw: Draw, default_unit: str) -> tuple[Decimal | None, str]:
    if draw(st.integers(0, 19)) == 0:
        return None, draw(st.sampled_from(sorted(PLACEHOLDERS)))
    whole = draw(st.one_of(st.just(0), st.integers(1, 9999), st.integers(10_000, 99_999_999_999)))
    digits = f"{whole:,}" if whole >= 1000 and draw(st.booleans()) else str(whole)
    if draw(st.booleans()):
        digits += "." + draw(st.text("0123456789", min_size=1, max_size=6))
    unit = draw(st.sampled_from(_MONEY_UNITS))
    text = digits + (" " if unit and draw(st.integers(0, 4)) == 0 else "") + unit
    reading = read(text.replace(" ", ""))
    factor = scale(reading.unit or default_unit)
    assert reading.number is not None and factor is not None
    return plain_decimal(reading.number * factor), text


def amounts(*, default_unit: str = "元") -> st.SearchStrategy[tuple[Decimal | None, str]]:
    """``(amount, amount_text)`` pairs as a money cell prints them, ``amount`` in yuan.

    ``amount_text`` is a number with or without thousands separators, decimals and a
    unit (元, 万元, 亿元, 万, 亿), or a placeholder such as ``-`` (``amount`` then
    ``None``); a bare number is in ``default_unit`` (元 for 采购总金额, 万元 for the 2021
    fee column).
    """
    if scale(default_unit) is None:
        raise InvalidArgument(f"default_unit={default_unit!r} is not one of 元, 万元, 亿元, 万, 亿")
    return _amount(default_unit)


_AMOUNT_YUAN = amounts()
_AMOUNT_WAN = amounts(default_unit="万元")


def _record(draw: Draw, cls: type[T], fields: dict[str, st.SearchStrategy[Any]], rate: float) -> T:
    values = {name: None if _blank(draw, rate) else draw(strategy) for name, strategy in fields.items()}
    return cls(**values)


def _blank_cells(draw: Draw, grid: list[list[int | None]], rate: float, consistent: bool) -> None:
    """Blank cells of ``grid`` at ``rate``; where identities hold, only zeros."""
    for row in grid:
        for index, value in enumerate(row):
            if (value == 0 or not consistent) and _blank(draw, rate):
                row[index] = None


def _break_one(draw: Draw, grid: list[list[int | None]]) -> None:
    """Change one cell that is not the total (the last column) so that its row no longer adds up."""
    row = grid[draw(st.integers(0, len(grid) - 1))]
    column = draw(st.integers(0, len(row) - 2))
    changed = (row[column] or 0) + draw(st.integers(1, 1000))
    if row[-1] is None:
        row[-1] = 0  # a blank 总计 is not checked in table 四
    if sum(value or 0 for value in row[:-1]) - (row[column] or 0) + changed == row[-1]:
        changed += 1  # blank cells had already broken the row, by as much
    row[column] = changed


def _counts_row(values: Sequence[int | None]) -> Counts:
    natural_person, business, research, public_interest, legal_services, other_org, total = values
    return Counts(
        natural_person=natural_person,
        business=business,
        research=research,
        public_interest=public_interest,
        legal_services=legal_services,
        other_org=other_org,
        total=total,
    )


# --- table 二 -------------------------------------------------------------------------


@st.composite
def _active_2019(draw: Draw, rate: float) -> ActiveDisclosure2019:
    documents = {"made": _COUNT, "published": _COUNT, "total": _COUNT}
    items = {"previous": _COUNT, "change": _CHANGE, "decisions": _COUNT}
    money = None if _blank(draw, rate) else draw(_AMOUNT_YUAN)
    return ActiveDisclosure2019(
        regulations=_record(draw, DocumentCounts, documents, rate),
        normative_documents=_record(draw, DocumentCounts, documents, rate),
        licensing=_record(draw, ItemCounts, items, rate),
        other_services=_record(draw, ItemCounts, items, rate),
        penalties=_record(draw, ItemCounts, items, rate),
        coercion=_record(draw, ItemCounts, items, rate),
        fees=_record(draw, FeeItems, {"previous": _COUNT, "change": _CHANGE}, rate),
        procurement=Procurement(
            projects=None if _blank(draw, rate) else draw(_COUNT),
            amount=money[0] if money else None,
            amount_text=money[1] if money else None,
        ),
    )


@st.composite
def _active_2021(draw: Draw, rate: float) -> ActiveDisclosure2021:
    documents = {"issued": _COUNT, "repealed": _COUNT, "in_force": _COUNT}
    decisions = {"decisions": _COUNT}
    money = None if _blank(draw, rate) else draw(_AMOUNT_WAN)
    return ActiveDisclosure2021(
        regulations=_record(draw, DocumentCounts2021, documents, rate),
        normative_documents=_record(draw, DocumentCounts2021, documents, rate),
        licensing=_record(draw, Decisions, decisions, rate),
        penalties=_record(draw, Decisions, decisions, rate),
        coercion=_record(draw, Decisions, decisions, rate),
        fees=FeeAmount(amount=money[0] if money else None, amount_text=money[1] if money else None),
    )


@st.composite
def _active(
    draw: Draw, templates: st.SearchStrategy[Template], rates: st.SearchStrategy[float]
) -> ActiveDisclosure2019 | ActiveDisclosure2021:
    template, rate = draw(templates), draw(rates)
    if template == "2021":
        return draw(_active_2021(rate))
    return draw(_active_2019(rate))


def active_disclosures(
    *, template: Literal["2019", "2021"] | None = None, blank_rate: float | None = None
) -> st.SearchStrategy[ActiveDisclosure2019 | ActiveDisclosure2021]:
    """Table 二 of ``template`` (drawn when ``None``), every row printed."""
    return _active(_template(template), _rate(blank_rate))


# --- table 三 -------------------------------------------------------------------------

_APPLICANTS = tuple(labels.REQUEST_COLUMNS)[:-1]


def counts(*, blank_rate: float | None = None) -> st.SearchStrategy[Counts]:
    """One row of table 三 whose 总计 is the sum of its six applicant columns (only zeros blank)."""
    return _counts(_rate(blank_rate))


@st.composite
def _counts(draw: Draw, rates: st.SearchStrategy[float]) -> Counts:
    rate = draw(rates)
    values: list[int | None] = [draw(_COUNT) for _ in _APPLICANTS]
    grid = [[*values, sum(v or 0 for v in values)]]
    _blank_cells(draw, grid, rate, consistent=True)
    return _counts_row(grid[0])


def _outcome_paths(parts: bool) -> list[str]:
    """The outcome rows （一）-（六） of table 三, （六） as one row or three."""
    ends = ("received", "carried_over", "total", "carried_forward")
    paths = [path for path in labels.REQUEST_ROWS if path not in ends]
    if parts:
        return [path for path in paths if path != "other_handling"]
    return [path for path in paths if not path.startswith("other_handling_parts.")]


@st.composite
def _requests(
    draw: Draw,
    templates: st.SearchStrategy[Template],
    rates: st.SearchStrategy[float],
    consistent: st.SearchStrategy[bool],
    parts: bool | None,
) -> RequestTable:
    template, rate, holds = draw(templates), draw(rates), draw(consistent)
    with_parts = template == "2021" and (parts if parts is not None else draw(st.integers(0, 4)) > 0)
    paths = _outcome_paths(with_parts)
    # outcome rows and 结转下年度 first, then the rows the identities make of them; many
    # rows and columns of real tables are all zero
    zero_column = [draw(_ONE_IN_TEN) < 3 for _ in _APPLICANTS]
    drawn = [
        [0 if zero or zero_row else draw(_COUNT) for zero in zero_column]
        for zero_row in (draw(_ONE_IN_TEN) < 4 for _ in range(len(paths) + 1))
    ]
    outcome_rows, forward = drawn[:-1], drawn[-1]
    total = [sum(column) for column in zip(*outcome_rows, strict=True)]
    carried = [draw(st.integers(0, t + f)) for t, f in zip(total, forward, strict=True)]
    received = [t + f - c for t, f, c in zip(total, forward, carried, strict=True)]
    names = ["received", "carried_over", *paths, "total", "carried_forward"]
    grid: list[list[int | None]] = [
        [*values, sum(values)] for values in (received, carried, *outcome_rows, total, forward)
    ]
    _blank_cells(draw, grid, rate, holds)
    if not holds:
        _break_one(draw, grid)
    return _request_table({path: _counts_row(grid[i]) for i, path in enumerate(names)}, with_parts)


def _request_table(rows: dict[str, Counts], parts: bool) -> RequestTable:
    groups: dict[str, dict[str, Counts]] = {}
    top: dict[str, Any] = {}
    for path, row in rows.items():
        group, _, name = path.partition(".")
        if name:
            groups.setdefault(group, {})[name] = row
        else:
            top[group] = row
    top["withheld"] = Withheld(**groups["withheld"])
    top["unavailable"] = Unavailable(**groups["unavailable"])
    top["not_processed"] = NotProcessed(**groups["not_processed"])
    if parts:
        top["other_handling_parts"] = OtherHandlingParts(**groups["other_handling_parts"])
    return RequestTable(**top)


def request_tables(
    *,
    template: Literal["2019", "2021"] | None = None,
    blank_rate: float | None = None,
    consistent: bool | None = None,
    parts: bool | None = None,
) -> st.SearchStrategy[RequestTable]:
    """Table 三: 21 rows, or 23 where （六）其他处理 is three sub-rows.

    A 2021-template table prints （六） as three sub-rows unless ``parts=False`` (some
    reports keep the single row); ``parts`` is drawn when ``None`` and needs the 2021
    template when ``True``.
    """
    if parts and template == "2019":
        raise InvalidArgument("parts=True needs the 2021 template")
    return _requests(_template("2021" if parts else template), _rate(blank_rate), _consistent(consistent), parts)


# --- table 四 -------------------------------------------------------------------------


@st.composite
def _outcomes(draw: Draw, rates: st.SearchStrategy[float], consistent: st.SearchStrategy[bool]) -> Outcomes:
    rate, holds = draw(rates), draw(consistent)
    parts: list[int | None] = [draw(_COUNT) for _ in range(4)]
    grid = [[*parts, sum(p or 0 for p in parts)]]
    _blank_cells(draw, grid, rate, holds)
    if not holds:
        _break_one(draw, grid)
    upheld, corrected, other, pending, total = grid[0]
    return Outcomes(upheld=upheld, corrected=corrected, other=other, pending=pending, total=total)


def outcomes(*, blank_rate: float | None = None, consistent: bool | None = True) -> st.SearchStrategy[Outcomes]:
    """One group of table 四; its 总计 is the sum of the four outcomes when ``consistent``."""
    return _outcomes(_rate(blank_rate), _consistent(consistent))


@st.composite
def _appeals(draw: Draw, rates: st.SearchStrategy[float], consistent: st.SearchStrategy[bool]) -> AppealTable:
    rate, holds = draw(rates), draw(consistent)
    broken = -1 if holds else draw(st.integers(0, 2))
    review, litigation, after_review = (draw(_outcomes(st.just(rate), st.just(index != broken))) for index in range(3))
    return AppealTable(review=review, litigation=litigation, litigation_after_review=after_review)


def appeal_tables(*, blank_rate: float | None = None, consistent: bool | None = None) -> st.SearchStrategy[AppealTable]:
    """Table 四: three groups of five; unless ``consistent``, one group does not add up."""
    return _appeals(_rate(blank_rate), _consistent(consistent))


# --- sections and metadata ------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _sections(kinds: tuple[str, ...]) -> st.SearchStrategy[tuple[Section, ...]]:
    return st.tuples(*(_SECTION[kind] for kind in kinds))


def sections(*, kinds: Collection[str] | None = None) -> st.SearchStrategy[tuple[Section, ...]]:
    """Sections in printed order: those of ``kinds`` (drawn when ``None``), with wording variants and prose bodies."""
    return _subset(kinds, SECTION_KINDS, "kinds").flatmap(_sections)


def _dates(year: int) -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))


@st.composite
def _metadata(draw: Draw, template: Template, year_free: bool, year_needed: bool) -> dict[str, Any]:
    """Title, agency, year, publication date and period as a text states them together.

    parse() takes agency and year from the title, else the year from the statistics
    period, else from the first year the prose names; so they are drawn that way round.
    """
    low, high = _YEARS[template]
    if year_free and draw(_ONE_IN_TEN) == 0:
        low, high = 2019, 2025  # a year the tables' template does not match
    year = draw(st.integers(low, high)) if year_needed or draw(_ONE_IN_TEN) > 1 else None
    form = draw(st.sampled_from(("with year", "no year", "none") if year is not None else ("no year", "none")))
    title = agency = None
    if form != "none":
        agency = draw(_AGENCY)
        if form == "with year":
            title = f"{agency}{year}年{draw(st.sampled_from(_TITLE_ENDINGS))}"
        else:
            title, agency = f"{agency}{_TITLE_ENDINGS[0]}", None
    period = None
    if year is not None and draw(st.booleans()):
        if draw(st.booleans()):
            period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
        else:
            start = draw(_dates(year))
            period = Period(start, draw(st.dates(start, dt.date(year + 1, 12, 31))))
    published = draw(st.none() | _dates(year + 1 if year else 2021))
    return {"title": title, "agency": agency, "year": year, "published": published, "period": period}


@st.composite
def _reports(
    draw: Draw,
    templates: st.SearchStrategy[Template],
    rates: st.SearchStrategy[float],
    consistent: st.SearchStrategy[bool],
    kinds: st.SearchStrategy[tuple[str, ...]],
    tables: st.SearchStrategy[tuple[str, ...]],
    tables_fixed: bool,
) -> Report:
    template, rate, drawn_kinds, present = draw(templates), draw(rates), draw(kinds), draw(tables)
    if not present and len(drawn_kinds) < 2:
        # not a report without a table or two headings
        drawn_kinds, present = (drawn_kinds, TABLES) if not tables_fixed else (SECTION_KINDS, present)
    one_template, one_rate = st.just(template), st.just(rate)
    active = draw(_active(one_template, one_rate)) if "active" in present else None
    requests = draw(_requests(one_template, one_rate, consistent, None)) if "requests" in present else None
    appeals = draw(_appeals(one_rate, consistent)) if "appeals" in present else None
    # without table 二 the text shows the template only by the year (or （六）'s sub-rows)
    meta = draw(_metadata(template, year_free=active is not None, year_needed=active is None and template == "2021"))
    return Report(
        template=template,
        sections=draw(_sections(drawn_kinds)),
        active=active,
        requests=requests,
        appeals=appeals,
        **meta,
    )


def reports(
    *,
    template: Literal["2019", "2021"] | None = None,
    blank_rate: float | None = None,
    sections: Collection[str] | None = None,
    tables: Collection[str] | None = None,
    consistent: bool | None = None,
) -> st.SearchStrategy[Report]:
    """Whole reports: metadata, sections, tables, all in one template.

    ``sections`` names the section kinds printed (:data:`SECTION_KINDS`), ``tables`` the
    tables (:data:`TABLES`); each is drawn when ``None`` (each kind or table present nine
    times in ten).  A report has a table or two sections, or it would not read as one.
    """
    kinds = _subset(sections, SECTION_KINDS, "sections")
    present = _subset(tables, TABLES, "tables")
    if sections is not None and tables is not None and not tables and len(set(sections)) < 2:
        raise InvalidArgument("a report needs a table or two sections")
    return _reports(_template(template), _rate(blank_rate), _consistent(consistent), kinds, present, tables is not None)


# --- report texts ---------------------------------------------------------------------


def _noise_kinds(noise: bool | Collection[str] | None) -> st.SearchStrategy[frozenset[str]]:
    if noise is None:
        flags = st.lists(st.booleans(), min_size=len(NOISE_KINDS), max_size=len(NOISE_KINDS))
        return flags.map(lambda on: frozenset(kind for kind, flag in zip(NOISE_KINDS, on, strict=True) if flag))
    if isinstance(noise, bool):
        return st.just(frozenset(NOISE_KINDS) if noise else frozenset())
    if isinstance(noise, str) or not set(noise) <= set(NOISE_KINDS):
        raise InvalidArgument(f"noise={noise!r} must be None, a bool or a collection of {NOISE_KINDS}")
    return st.just(frozenset(noise))


def _layouts(layouts: Collection[Layout] | None) -> st.SearchStrategy[Layout]:
    if layouts is None:
        return st.sampled_from(list(Layout))
    if isinstance(layouts, (str, Layout)) or not layouts or not all(isinstance(x, Layout) for x in layouts):
        raise InvalidArgument(f"layouts={layouts!r} must be a non-empty collection of giar_parse.Layout")
    return st.sampled_from([layout for layout in Layout if layout in layouts])


def _every_report() -> st.SearchStrategy[Report]:
    return reports()


@st.composite
def _report_texts(
    draw: Draw,
    drawn: st.SearchStrategy[Report],
    layouts: st.SearchStrategy[Layout],
    kinds: st.SearchStrategy[frozenset[str]],
) -> tuple[Report, str]:
    report, layout = draw(drawn), draw(layouts)
    noise = Noise(draw(kinds), seed=draw(st.integers(0, 2**32 - 1)))
    return read_back(report, layout), noise.apply(report, layout)


def report_texts(
    reports: st.SearchStrategy[Report] | None = None,
    *,
    layouts: Collection[Layout] | None = None,
    noise: bool | Collection[str] | None = None,
) -> st.SearchStrategy[tuple[Report, str]]:
    """``(report, text)``: a drawn report rendered in a drawn layout, with drawn noise.

    ``reports`` draws the reports (:func:`reports` when ``None``); ``layouts`` names the
    :class:`giar_parse.Layout` s to draw from (every one when ``None``).  ``noise`` turns
    each of :data:`NOISE_KINDS` on or off by a draw when ``None``; ``False`` adds none,
    ``True`` every kind, and a collection of kind names exactly those.  The report is the
    one :func:`giar_parse.parse` reads the text as: the drawn one, but for a blank money
    cell's ``amount_text`` read back as ``"-"`` in the layouts that print blanks as ``-``.
    Noise touches labels, headings and the lines between them, never a value or a prose
    body, and only where it leaves the reading unchanged (values printed low only in
    padded rows on the grid, and not in a table 三 whose identities do not hold).
    """
    if reports is None:
        reports = _every_report()
    elif not isinstance(reports, st.SearchStrategy):
        raise InvalidArgument(f"reports={reports!r} must be a hypothesis strategy of Report")
    return _report_texts(reports, _layouts(layouts), _noise_kinds(noise))
