"""Properties 1 and 2: every drawn report survives render → parse in every layout, and render is canonical.

Reports are compared with ``==``: ``Report`` equality covers the template, metadata,
sections (number, kind, heading, body) and every table value, and leaves out
``diagnostics`` and ``provenance`` (``field(eq=False)``), which say where a value was
read and so differ by layout.  Diagnostics are compared on their own: layouts may differ
only in ``info`` notes (``cells.blank`` in one, ``cells.placeholder`` in another).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given

import giar_parse
from giar_parse import Layout, Report, strategies
from reports import appeals, as_read_back, report, row

LAYOUTS = list(Layout)

# --- regressions: each failure the properties found, kept as an example -----------------

#: 采购总金额 printed 1,000 was folded as the enumerator "1." and read as 1 yuan.
THOUSANDS_SEPARATOR = report(
    active=attrs.evolve(report().active, procurement=giar_parse.Procurement(0, Decimal(1000), "1,000"))
)
#: A blank （六）其他处理 row (2019) was taken for the heading of the 2021 sub-rows and dropped.
BLANK_OTHER_HANDLING = report(requests=attrs.evolve(report().requests, other_handling=row(None)))
#: A framed pipe row ending in a blank cell (| 0 |  |) lost that cell, and with it table 四.
BLANK_LAST_APPEAL_CELL = report(
    appeals=attrs.evolve(report().appeals, litigation_after_review=giar_parse.Outcomes(0, 0, 0, 0, None))
)

#: Table 四 with every cell blank: its row of 15 placeholders (-  -  -) was glued into one
#: "letter-spaced" cell (spaced), and its line of 14 tabs read as one blank cell (tabs).
BLANK_APPEALS = report(
    title="北京市政府信息公开工作年度报告",
    agency=None,
    year=None,
    sections=(),
    active=None,
    requests=None,
    appeals=appeals(None),
)


def non_info(report: Report) -> list[tuple[str, str, str | None, str]]:
    return sorted((d.code, d.severity, d.path, d.message) for d in report.diagnostics if d.severity != "info")


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.value for layout in LAYOUTS])
@given(drawn=strategies.reports())
@example(drawn=THOUSANDS_SEPARATOR)
@example(drawn=BLANK_OTHER_HANDLING)
@example(drawn=BLANK_LAST_APPEAL_CELL)
@example(drawn=BLANK_APPEALS)
def test_parse_reads_back_what_render_prints(layout: Layout, drawn: Report) -> None:
    """Property 1: ``parse(render(r, layout=L)) == r`` (blanks in BLANK_LINES/SPACED: see ``as_read_back``)."""
    assert giar_parse.parse(giar_parse.render(drawn, layout=layout)) == as_read_back(drawn, layout)


@given(drawn=strategies.reports())
@example(drawn=BLANK_OTHER_HANDLING)
def test_layouts_differ_only_in_info_notes(drawn: Report) -> None:
    """Every layout of a report gives the same warnings and errors; only info notes may differ."""
    first, *others = (giar_parse.parse(giar_parse.render(drawn, layout=layout)) for layout in LAYOUTS)
    for other in others:
        assert non_info(other) == non_info(first)


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.value for layout in LAYOUTS])
@given(drawn=strategies.reports())
@example(drawn=BLANK_APPEALS)
def test_render_is_canonical(layout: Layout, drawn: Report) -> None:
    """Property 2: ``render(parse(render(r))) == render(r)``: the rendered text is a fixed point."""
    text = giar_parse.render(drawn, layout=layout)
    assert giar_parse.render(giar_parse.parse(text), layout=layout) == text
