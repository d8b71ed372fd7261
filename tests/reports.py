"""Concrete reports for ``@example`` regressions, and what a layout reads back."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from giar_parse import (
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
    Layout,
    NotProcessed,
    OtherHandlingParts,
    Outcomes,
    Procurement,
    Report,
    RequestTable,
    Section,
    Unavailable,
    Withheld,
)
from giar_parse.strategies.noise import read_back


def row(value: int | None = 0) -> Counts:
    return Counts(value, value, value, value, value, value, value)


def requests(value: int | None = 0, *, parts: bool = False) -> RequestTable:
    return RequestTable(
        received=row(value),
        carried_over=row(value),
        disclosed=row(value),
        partially_disclosed=row(value),
        withheld=Withheld(*[row(value)] * 8),
        unavailable=Unavailable(*[row(value)] * 3),
        not_processed=NotProcessed(*[row(value)] * 5),
        other_handling=None if parts else row(value),
        other_handling_parts=OtherHandlingParts(*[row(value)] * 3) if parts else None,
        total=row(value),
        carried_forward=row(value),
    )


def active_2019(value: int | None = 0) -> ActiveDisclosure2019:
    documents = DocumentCounts(value, value, value)
    items = ItemCounts(value, value, value)
    return ActiveDisclosure2019(
        documents,
        documents,
        items,
        items,
        items,
        items,
        FeeItems(value, value),
        Procurement(value, None if value is None else Decimal(value), None if value is None else str(value)),
    )


def active_2021(value: int | None = 0) -> ActiveDisclosure2021:
    documents = DocumentCounts2021(value, value, value)
    fee = FeeAmount(None if value is None else Decimal(value * 10_000), None if value is None else str(value))
    return ActiveDisclosure2021(documents, documents, Decisions(value), Decisions(value), Decisions(value), fee)


def appeals(value: int | None = 0) -> AppealTable:
    outcome = Outcomes(value, value, value, value, value)
    return AppealTable(outcome, outcome, outcome)


SECTIONS = (
    Section(1, "overview", "总体情况", "我们推进政务公开工作。"),
    Section(2, "active_disclosure", "主动公开政府信息情况"),
    Section(3, "requests", "收到和处理政府信息公开申请情况"),
    Section(4, "appeals", "政府信息公开行政复议、行政诉讼情况"),
    Section(5, "problems", "存在的主要问题及改进情况"),
    Section(6, "other", "其他需要报告的事项", "无。"),
)


def report(template: str = "2019", **changes: Any) -> Report:
    """A complete report of zeros (title 重庆市<year>年…), with ``changes`` applied."""
    year = 2020 if template == "2019" else 2022
    base = Report(
        template="2021" if template == "2021" else "2019",
        title=f"重庆市{year}年政府信息公开工作年度报告",
        agency="重庆市",
        year=year,
        sections=SECTIONS,
        active=active_2021() if template == "2021" else active_2019(),
        requests=requests(parts=template == "2021"),
        appeals=appeals(),
    )
    return attrs.evolve(base, **changes)


def as_read_back(report: Report, layout: Layout) -> Report:
    """The report ``parse(render(report, layout=layout))`` should give (see ``strategies.noise.read_back``)."""
    return read_back(report, layout)
