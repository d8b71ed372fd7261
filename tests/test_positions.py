"""Values printed low in their cell (``pdftotext -layout``): placed by x position, or refused.

The texts are written here: a report rendered one row per line, then padded the way
``pdftotext -layout`` pads (values at fixed character offsets: a CJK character is one
character wherever it stands), or the way a terminal pads (display width, a CJK character
two columns), with chosen values moved onto a line of their own under their row, at the x
of their column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import attrs
import pytest

import giar_parse
from giar_parse import (
    ActiveDisclosure2019,
    AppealTable,
    Counts,
    DocumentCounts,
    DocumentCounts2021,
    FeeItems,
    IncompleteReportError,
    ItemCounts,
    Layout,
    Outcomes,
    Procurement,
    Report,
)
from giar_parse.reading.normalise import fold
from giar_parse.reading.values import is_value
from reports import active_2021, report, requests

#: Where a table's value columns start: far enough right for every label line.
LEFT = {"chars": 40, "display": 72}
STEP = 8


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def measure_of(kind: str) -> Callable[[str], int]:
    return len if kind == "chars" else width


def padded(drawn: Report, low: dict[str, int], kind: str = "chars", *, shift: int = 0) -> str:
    """``drawn`` as padded text; in each row whose labels start with a key of ``low`` the value
    at that index is printed on the next line, under its column (``shift`` columns off)."""
    size = measure_of(kind)
    lines: list[str] = []
    for line in giar_parse.render(drawn, layout=Layout.TABS).split("\n"):
        cells = line.split("\t")
        labels = [cell for cell in cells if cell and not is_value(fold(cell))]
        values = cells[len(labels) :]
        if not labels or not values or len(labels) + len(values) != len(cells):
            lines.append("  ".join(cells))
            continue
        row = "    " + "  ".join(labels)
        moved = next((index for prefix, index in low.items() if labels[-1].startswith(prefix)), None)
        below = ""
        for index, value in enumerate(values):
            x = LEFT[kind] + STEP * index
            if index == moved:
                below = " " * (x + shift) + value
                continue
            row += " " * (x - size(row)) + value
        lines.append(row)
        if below:
            lines.append(below)
    return "\n".join(lines)


def diagnostics(parsed: Report, code: str) -> list[str]:
    return [d.path or "" for d in parsed.diagnostics if d.code == code]


# distinct values, so that a value read into a neighbouring column shows
ACTIVE = ActiveDisclosure2019(
    regulations=DocumentCounts(1, 2, 3),
    normative_documents=DocumentCounts(4, 5, 6),
    licensing=ItemCounts(7, -8, 9),
    other_services=ItemCounts(10, 11, 12),
    penalties=ItemCounts(13, 14, 15),
    coercion=ItemCounts(16, 17, 18),
    fees=FeeItems(19, 20),
    procurement=Procurement(21, None, "-"),
)
# table 三 whose identities hold: the two outcome rows add up to 总计, 本年新收 + 0 = 总计 + 0
DISCLOSED = Counts(5, 1, 0, 3, 0, 2, 11)
PARTLY = Counts(3, 0, 1, 0, 4, 0, 8)
TOTAL = Counts(8, 1, 1, 3, 4, 2, 19)
REQUESTS = attrs.evolve(requests(), received=TOTAL, disclosed=DISCLOSED, partially_disclosed=PARTLY, total=TOTAL)
APPEALS = AppealTable(Outcomes(1, 2, 3, 4, 10), Outcomes(5, 0, 6, 0, 11), Outcomes(0, 7, 0, 8, 15))
DRAWN = report(active=ACTIVE, requests=REQUESTS, appeals=APPEALS)


def test_the_text_without_low_values_reads_back() -> None:
    """The padded text itself is read as the report (so the tests below test the low values)."""
    for kind in ("chars", "display"):
        assert giar_parse.parse(padded(DRAWN, {}, kind)) == DRAWN


@pytest.mark.parametrize("kind", ["chars", "display"])
def test_table_two_rows_with_a_value_printed_low(kind: str) -> None:
    """规范性文件 and 其他对外管理服务事项 print their middle value on the next line (2019 table 二)."""
    text = padded(DRAWN, {"规范性文件": 1, "其他对外管理服务事项": 1}, kind)
    assert "\n" + " " * (LEFT[kind] + STEP) + "5\n" in text
    parsed = giar_parse.parse(text)
    assert parsed.active == ACTIVE
    assert diagnostics(parsed, "cells.positioned") == ["active.normative_documents", "active.other_services"]


@pytest.mark.parametrize("kind", ["chars", "display"])
def test_table_three_row_with_a_value_printed_low(kind: str) -> None:
    """（一）予以公开 prints 商业企业 (1) low, 二 prints 总计 low, 本年新收 its first value."""
    text = padded(DRAWN, {"（一）予以公开": 1, "（二）部分公开": 6, "一、本年新收": 0}, kind)
    parsed = giar_parse.parse(text)
    assert parsed.requests == REQUESTS
    assert sorted(diagnostics(parsed, "cells.positioned")) == [
        "requests.disclosed",
        "requests.partially_disclosed",
        "requests.received",
    ]
    assert not [d for d in parsed.diagnostics if d.severity == "error"]


def test_a_value_between_two_columns_is_refused() -> None:
    """A value printed half way between two columns is under neither: the row is null, with an error."""
    text = padded(DRAWN, {"规范性文件": 1, "（一）予以公开": 3}, shift=-STEP // 2)
    parsed = giar_parse.parse(text)
    assert parsed.active is not None and parsed.requests is not None
    assert parsed.active.normative_documents == DocumentCounts(None, None, None)
    assert parsed.requests.disclosed == Counts(None, None, None, None, None, None, None)
    assert diagnostics(parsed, "cells.unaligned") == ["active.normative_documents", "requests.disclosed"]
    # the rest of the tables is read
    assert parsed.active.other_services == ACTIVE.other_services
    assert parsed.requests.partially_disclosed == PARTLY
    with pytest.raises(IncompleteReportError, match=r"active\.normative_documents"):
        giar_parse.parse(text, strict=True)


def test_a_value_under_the_wrong_column_is_refused() -> None:
    """A value printed a whole column left of its own lands on a column already taken: refused."""
    parsed = giar_parse.parse(padded(DRAWN, {"行政处罚": 2}, shift=-STEP))
    assert parsed.active is not None
    assert parsed.active.penalties == ItemCounts(None, None, None)
    assert diagnostics(parsed, "cells.unaligned") == ["active.penalties"]


def test_a_placement_that_breaks_the_row_sum_is_refused() -> None:
    """Placed by x the values of （一）予以公开 do not add up to its 总计 (the report's arithmetic): refused."""
    broken = attrs.evolve(DISCLOSED, research=9)
    drawn = attrs.evolve(DRAWN, requests=attrs.evolve(REQUESTS, disclosed=broken))
    parsed = giar_parse.parse(padded(drawn, {"（一）予以公开": 1}))
    assert parsed.requests is not None
    assert parsed.requests.disclosed == Counts(None, None, None, None, None, None, None)
    assert diagnostics(parsed, "cells.disagree") == ["requests.disclosed"]
    assert "row sum" in next(d.message for d in parsed.diagnostics if d.code == "cells.disagree")


def test_a_placement_that_breaks_an_outcome_sum_is_refused() -> None:
    """Rows that each add up, but （七）总计 is not the sum of the outcome rows: the low row is refused."""
    other = Counts(1, 0, 0, 0, 0, 0, 1)
    drawn = attrs.evolve(DRAWN, requests=attrs.evolve(REQUESTS, disclosed=attrs.evolve(DISCLOSED), total=TOTAL))
    drawn = attrs.evolve(drawn, requests=attrs.evolve(drawn.requests, partially_disclosed=other))
    parsed = giar_parse.parse(padded(drawn, {"（二）部分公开": 6}))
    assert parsed.requests is not None
    assert parsed.requests.partially_disclosed == Counts(None, None, None, None, None, None, None)
    assert diagnostics(parsed, "cells.disagree") == ["requests.partially_disclosed"]


def test_one_full_row_shows_the_columns_for_a_row_printing_every_value() -> None:
    """行政事业性收费 and 政府集中采购 are the only two-value rows: with one of them low, the other shows
    the columns; in the 2021 table 二 规章 shows them for 行政规范性文件."""
    parsed = giar_parse.parse(padded(DRAWN, {"行政事业性收费": 0}))
    assert parsed.active == ACTIVE
    assert diagnostics(parsed, "cells.positioned") == ["active.fees"]
    documents = DocumentCounts2021(4, 5, 6)
    drawn = report("2021", active=attrs.evolve(active_2021(1), normative_documents=documents))
    parsed = giar_parse.parse(padded(drawn, {"行政规范性文件": 2}))
    assert parsed.active == drawn.active
    assert diagnostics(parsed, "cells.positioned") == ["active.normative_documents"]


def test_one_full_row_places_no_row_with_a_blank() -> None:
    """With only 规章 to show the columns, 行政规范性文件 printing 2 of its 3 values is refused."""
    documents = DocumentCounts2021(4, None, 6)
    drawn = report("2021", active=attrs.evolve(active_2021(1), normative_documents=documents))
    parsed = giar_parse.parse(padded(drawn, {"行政规范性文件": 2}))
    assert parsed.active is not None
    assert parsed.active.normative_documents == DocumentCounts2021(None, None, None)
    assert diagnostics(parsed, "cells.unaligned") == ["active.normative_documents"]


def test_a_table_going_on_over_a_page_break_at_other_x() -> None:
    """Rows after the break print their columns further right; a low row there uses their grid."""
    lines = padded(DRAWN, {"2.重复申请": 6}).split("\n")
    start = next(i for i, line in enumerate(lines) if "（五）不予处理" in line)
    end = lines.index("", start)
    lines[start:end] = [" " * 5 + line for line in lines[start:end]]
    parsed = giar_parse.parse("\n".join(lines))
    assert parsed.requests == REQUESTS
    assert diagnostics(parsed, "cells.positioned") == ["requests.not_processed.duplicates"]


def appeal_text(low: int, shift: int = 0) -> str:
    """Table 四's 15 values at fixed x, the one at ``low`` on the next line."""
    text = padded(DRAWN, {})
    values = [
        str(getattr(getattr(APPEALS, g), c))
        for g in ("review", "litigation", "litigation_after_review")
        for c in ("upheld", "corrected", "other", "pending", "total")
    ]
    row = "  ".join(values)
    assert row in text
    xs = [4 + 6 * index for index in range(15)]
    line = below = ""
    for index, (x, value) in enumerate(zip(xs, values, strict=True)):
        if index == low:
            below = " " * (x + shift) + value
        else:
            line += " " * (x - len(line)) + value
    return text.replace(row, f"{line}\n{below}")


def test_table_four_with_a_value_printed_low_is_read_in_x_order() -> None:
    parsed = giar_parse.parse(appeal_text(6))
    assert parsed.appeals == APPEALS
    assert diagnostics(parsed, "cells.positioned") == ["appeals"]


def test_table_four_refused_where_x_order_breaks_a_total() -> None:
    """The low value printed between the fourth and fifth values: read in x order, 总计 no longer holds."""
    parsed = giar_parse.parse(appeal_text(6, shift=-15))
    assert parsed.appeals is not None
    assert parsed.appeals.litigation == Outcomes(None, None, None, None, None)
    assert diagnostics(parsed, "cells.disagree") == ["appeals"]


def test_table_four_refused_where_a_low_value_touches_another() -> None:
    """The low value printed right after another one: their order by x is not clear."""
    parsed = giar_parse.parse(appeal_text(6, shift=-10))
    assert parsed.appeals is not None
    assert parsed.appeals.review == Outcomes(None, None, None, None, None)
    assert diagnostics(parsed, "cells.unaligned") == ["appeals"]


def _low(lines: list[str], label: str, index: int) -> None:
    """Move the value at ``index`` of the row starting with ``label`` onto a line of its own below, at its x."""
    at = next(i for i, line in enumerate(lines) if line.startswith(label))
    value = [found for found in re.finditer(r"\S+", lines[at]) if found.start() > 0][index]
    x = width(lines[at][: value.start()])
    lines[at] = lines[at][: value.start()] + " " * len(value[0]) + lines[at][value.end() :]
    lines.insert(at + 1, " " * x + value[0])


def test_a_low_value_in_terminal_padded_text_where_characters_and_display_width_disagree() -> None:
    """Text padded in display width right after its labels (the ``spaced`` layout), 规章 and 行政处罚
    printing a value low, so that the full rows of three values have labels of 4 and 5 characters
    only; 其他对外管理服务事项 prints its first value low.  Counted in characters those full rows
    keep to a grid too, loosely, and place that row's values one column to the left: the measure
    in which the full rows align exactly is the text's."""
    active = attrs.evolve(ACTIVE, licensing=ItemCounts(7, -8, 100000), other_services=ItemCounts(1, 2, 3))
    lines = giar_parse.render(attrs.evolve(DRAWN, active=active), layout=Layout.SPACED).split("\n")
    _low(lines, "规章", 1)
    _low(lines, "行政处罚", 1)
    _low(lines, "其他对外管理服务事项", 0)
    assert "其他对外管理服务事项       +2       3\n                       1\n" in "\n".join(lines)
    parsed = giar_parse.parse("\n".join(lines))
    assert parsed.active == active
    assert "active.other_services" in diagnostics(parsed, "cells.positioned")
