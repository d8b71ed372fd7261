"""Report → text: the canonical labels of ``labels.py`` with the report's values, in a layout."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from giar_parse import labels
from giar_parse.model import (
    ActiveDisclosure,
    ActiveDisclosure2021,
    AppealTable,
    Counts,
    Report,
    RequestTable,
    Section,
)
from giar_parse.writing.layouts import Block, Layout, lay_out

__all__ = ["blocks", "render"]

_NUMERALS = "一二三四五六"
_YEAR = re.compile(r"(?:19|20)\d{2}年")
_SIGNED = frozenset({"change"})
# table → the section it is printed in
_TABLE_SECTIONS = {"active": 2, "requests": 3, "appeals": 4}
Row = tuple[str, ...]


def _cell(value: object, name: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{format(value, 'f')}元"
    if name in _SIGNED and isinstance(value, int) and value > 0:
        return f"+{value}"
    return str(value)


def _values(record: object, names: Sequence[str]) -> list[str]:
    out = []
    for name in names:
        text = getattr(record, f"{name}_text", None)
        out.append(text if text is not None else _cell(getattr(record, name), name))
    return out


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _preamble(report: Report) -> Block | None:
    lines = []
    if report.title:
        lines.append(report.title)
    if report.published:
        lines.append(f"日期:{report.published.isoformat()}")
    if report.period:
        lines.append(f"本报告中所列数据的统计期限自{_date(report.period.start)}起，至{_date(report.period.end)}止。")
    # parse() takes the year from the title, else the period, else the first year in prose
    if report.year is not None and not (report.title and _YEAR.search(report.title)) and report.period is None:
        lines.append(f"本报告所列数据为{report.year}年度的数据。")
    return Block("text", tuple((line,) for line in lines)) if lines else None


def _section(section: Section) -> Iterator[Block]:
    yield Block("heading", ((f"{_NUMERALS[section.number - 1]}、{section.heading}",),))
    if section.body:
        yield Block("text", tuple((line,) for line in section.body.split("\n")))


def _active(table: ActiveDisclosure) -> Block:
    is_2021 = isinstance(table, ActiveDisclosure2021)
    rows_spec = labels.ACTIVE_ROWS_2021 if is_2021 else labels.ACTIVE_ROWS_2019
    columns = labels.ACTIVE_COLUMNS_2021 if is_2021 else labels.ACTIVE_COLUMNS_2019
    rows: list[Row] = []
    for item, caption in labels.ACTIVE_CAPTIONS.items():
        if item not in columns:
            continue
        rows.append((caption,))
        rows.append(("信息内容", *columns[item].values()))
        for key, (row_item, label) in rows_spec.items():
            record = getattr(table, key)
            if row_item == item and record is not None:
                rows.append((label, *_values(record, list(columns[item]))))
    return Block("table", tuple(rows))


_REQUEST_COLUMNS = list(labels.REQUEST_COLUMNS)


def _request_rows(table: RequestTable) -> Iterator[tuple[str, Counts | None]]:
    for path in labels.REQUEST_ROWS:
        record: object = table
        for name in path.split("."):
            record = getattr(record, name, None)
        yield path, record if isinstance(record, Counts) else None


def _requests(table: RequestTable) -> Block:
    columns = labels.REQUEST_COLUMNS
    rows: list[Row] = [
        (labels.REQUEST_NOTE, "申请人情况"),
        (columns["natural_person"], "法人或其他组织", columns["total"]),
        tuple(label for key, label in columns.items() if key not in ("natural_person", "total")),
    ]
    # a group label (三、本年度办理结果, （三）不予公开 …) goes before its first row
    groups = dict(labels.REQUEST_GROUPS)
    for path, record in _request_rows(table):
        if record is None:
            continue
        group = "outcomes" if path in ("disclosed", "partially_disclosed") else path.partition(".")[0]
        prefix = (groups.pop(group),) if group in groups else ()
        rows.append((*prefix, labels.REQUEST_ROWS[path], *_values(record, _REQUEST_COLUMNS)))
    return Block("table", tuple(rows))


def _appeals(table: AppealTable) -> Block:
    outcomes = tuple(labels.APPEAL_COLUMNS.values())
    litigation, direct = labels.APPEAL_GROUPS["litigation"].split(" → ")
    after_review = labels.APPEAL_GROUPS["litigation_after_review"].split(" → ")[1]
    names = list(labels.APPEAL_COLUMNS)
    values = [value for field in attrs.fields(AppealTable) for value in _values(getattr(table, field.name), names)]
    rows: list[Row] = [
        (labels.APPEAL_GROUPS["review"], litigation),
        (*outcomes, direct, after_review),
        outcomes * 3,
        tuple(values),
    ]
    return Block("table", tuple(rows))


def _tables(report: Report) -> dict[str, Block]:
    tables: dict[str, Block] = {}
    if report.active is not None:
        tables["active"] = _active(report.active)
    if report.requests is not None:
        tables["requests"] = _requests(report.requests)
    if report.appeals is not None:
        tables["appeals"] = _appeals(report.appeals)
    return tables


def blocks(report: Report) -> list[Block]:
    """The report as blocks: preamble, then each section with its table after its prose.

    A table whose section is not printed goes before the next section with a higher
    number (or at the end), so that no prose ever follows a table without a heading.
    """
    out: list[Block] = []
    preamble = _preamble(report)
    if preamble is not None:
        out.append(preamble)
    tables = _tables(report)
    numbers = {section.number for section in report.sections}
    for section in report.sections:
        for name in list(tables):
            number = _TABLE_SECTIONS[name]
            if number < section.number and number not in numbers:
                out.append(tables.pop(name))
        out.extend(_section(section))
        for name in list(tables):
            if _TABLE_SECTIONS[name] == section.number:
                out.append(tables.pop(name))
    out.extend(tables.values())
    return out


def render(report: Report, *, layout: Layout | str = Layout.TABS) -> str:
    """The report as text in ``layout``, which :func:`giar_parse.parse` reads back.

    Prints the title, the publication date (``日期:2021-01-29``), the statistics period
    and the year where only a sentence can state it, then every section heading and body,
    each table in its section in the official labels (``giar_parse.labels``), money as its
    ``amount_text``.  The default layout (``tabs``) is a clean canonical text of a
    messy report.  See :class:`Layout` for how each layout shows a blank cell.
    """
    return lay_out(blocks(report), Layout(layout))
