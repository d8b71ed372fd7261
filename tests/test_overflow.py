"""Rows whose values follow another row's label (``pdftotext`` reading order): read in the rows' order.

The drawn report is rendered as tab-separated rows, then the values of a few rows of table
三 are moved onto the row before them (or after them), their labels left with no values
in place or moved to the end of the table, as a PDF read in its page order prints a table
whose group label is a tall merged cell.  Every number ``parse`` returns must be the drawn
number; where the table is complete and keeps its arithmetic, every one is read.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.test_lost_cells import _numbers

import giar_parse
from giar_parse import Layout, Report, render, strategies
from giar_parse.reading.normalise import fold
from giar_parse.reading.values import is_value

_WIDTH = 7


def _rows(lines: list[str]) -> list[int]:
    """The indices of table 三's row lines (a label, then seven values) in a tab-separated text."""
    first = next(i for i, line in enumerate(lines) if "本年新收政府信息公开申请数量" in line)
    last = next(i for i, line in enumerate(lines) if "结转下年度继续办理" in line)
    return [
        i
        for i in range(first, last + 1)
        if len(lines[i].split("\t")) > _WIDTH and all(is_value(fold(c)) for c in lines[i].split("\t")[-_WIDTH:])
    ]


def move_values(text: str, at: int, rows: int, where: str) -> str:
    """``text`` with the values of ``rows`` table 三 rows printed after one label, blank cells dropped.

    ``where``: ``after`` — the values of the rows after row ``at`` follow its own, their labels
    stay in place with none; ``end`` — as ``after``, the labels printed after the table's last
    row; ``before`` — row ``at``'s values and those of the rows before it follow the last one's
    label.
    """
    lines = text.split("\n")
    found = _rows(lines)
    window = found[at : at + rows] if where != "before" else found[max(0, at - rows + 1) : at + 1]
    labels = {i: "\t".join(lines[i].split("\t")[:-_WIDTH]) for i in window}
    # blank cells vanish, as they do in text read in the page's order
    values = [value for i in window for value in lines[i].split("\t")[-_WIDTH:] if value]
    keep = window[-1] if where == "before" else window[0]
    for i in window:
        lines[i] = labels[i]
    lines[keep] = "\t".join([labels[keep], *values])
    if where == "end":  # the labels after the table's last row
        for i in window[1:]:
            lines[i] = "\0"
        last = max(i for i in found if lines[i] != "\0")
        lines[last] += "".join(f"\n{labels[i]}" for i in window[1:])
    return "\n".join(line for line in lines if line != "\0")


def _requests(report: Report) -> dict[str, Decimal]:
    return {path: value for path, value in _numbers(report).items() if path.startswith("requests.")}


@given(
    drawn=strategies.reports(tables=["requests"], blank_rate=0.0),
    at=st.integers(0, 30),
    rows=st.integers(2, 5),
    where=st.sampled_from(("after", "end", "before")),
)
def test_values_after_another_rows_label_are_the_drawn_values(drawn: Report, at: int, rows: int, where: str) -> None:
    text = render(drawn, layout=Layout.TABS)
    count = len(_rows(text.split("\n")))
    moved = move_values(text, at % count, rows, where)
    expected, report = _numbers(drawn), giar_parse.parse(moved)
    assert {path: value for path, value in _numbers(report).items() if expected.get(path) != value} == {}
    complete = drawn.requests is not None and all(
        value is not None for value in _requests(giar_parse.parse(text)).values()
    )
    moved_any = moved != text  # a window of one row (at the table's edge) moves nothing
    if moved_any and complete and not any(d.code.startswith("identity.") for d in giar_parse.parse(text).diagnostics):
        # a table printing every value and keeping its arithmetic is read whole
        assert _requests(report) == _requests(giar_parse.parse(text))
        assert any(d.code == "cells.overflow" for d in report.diagnostics)


def test_the_sample_with_two_rows_values_after_the_row_above() -> None:
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    report = giar_parse.parse(move_values(text, 1, 3, "end"))  # 上年结转, then （一） and （二）
    assert report.requests == giar_parse.parse(text).requests
    [note] = [d for d in report.diagnostics if d.code == "cells.overflow"]
    assert note.path == "requests.carried_over"
    assert "requests.disclosed, requests.partially_disclosed" in note.message
    assert report.requests is not None
    # each value's place is where the text prints it: on 二、上年结转's line, after its own seven
    moved = report.requests.disclosed.provenance["total"]
    assert (moved.line, moved.raw) == (note.line, "3887")
    assert moved.column > report.requests.carried_over.provenance["total"].column


def test_one_cell_per_line_with_the_group_labels_after_the_table() -> None:
    # as pdftotext prints a page in its reading order: 三、本年度办理结果, （一） and （二） (a tall merged
    # cell and the rows beside it) come out after the table's last row, their values after 二、上年结转's
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.LINES)
    labels = "\t三、本年度办理结果\n\t（一）予以公开\n"
    second = "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n"
    moved = text.replace(labels, "").replace(second, "").replace("\t144\n", "\t144\n" + labels + second)
    assert moved != text
    report = giar_parse.parse(moved)
    assert report.requests == giar_parse.parse(text).requests
    assert [d.path for d in report.diagnostics if d.code == "cells.overflow"] == ["requests.carried_over"]


def test_a_row_whose_arithmetic_breaks_is_not_regrouped() -> None:
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    moved = move_values(text, 1, 3, "end").replace("\t242\n", "\t243\n")  # （二）部分公开 总计, one off
    report = giar_parse.parse(moved)
    assert report.requests is not None
    assert report.requests.disclosed.total is None
    assert report.requests.partially_disclosed.total is None
    assert not any(d.code == "cells.overflow" for d in report.diagnostics)


def test_an_incomplete_table_keeps_no_regrouped_row() -> None:
    # the values fit the rows by their row sums, but a row of the table is not read: the identities
    # cannot show whether a row was missed, so the regrouped rows are not read either
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    moved = move_values(text, 1, 3, "end").replace("\t40\t23\t0\t0\t0\t0\t63\n", "\t40\t23\t0\t63\n")
    report = giar_parse.parse(moved)
    assert report.requests is not None
    assert report.requests.disclosed.total is None
    assert report.requests.carried_over.total is None
    assert any(d.code == "cells.disagree" and d.path == "requests.carried_over" for d in report.diagnostics)


def test_two_windows_the_values_could_fill_leave_the_row_unread() -> None:
    # 二、上年结转 prints 14 values, and both 一、本年新收 before it and （一）予以公开 after it print none
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    lines = text.split("\n")
    received, carried, disclosed = _rows(lines)[:3]
    values = lines[disclosed].split("\t")[-_WIDTH:]
    lines[carried] += "\t" + "\t".join(values)
    lines[disclosed] = "\t".join(lines[disclosed].split("\t")[:-_WIDTH])
    lines[received] = lines[received].split("\t")[0]
    report = giar_parse.parse("\n".join(lines))
    assert report.requests is not None
    assert report.requests.carried_over.total is None
    assert report.requests.disclosed.total is None


_HUAIAN = Path(__file__).resolve().parents[2] / "shared" / "samples" / "huaian-gov-2024.pdf"


@pytest.mark.skipif(not _HUAIAN.exists(), reason="the Huai'an PDF is read from ../shared/samples, absent here")
def test_pdftotext_reading_order_of_a_real_report() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", os.fspath(_HUAIAN), "-"], capture_output=True, check=True, text=True).stdout
    expected = json.loads((_HUAIAN.parent / "expected" / "huaian-gov-2024.json").read_text(encoding="utf-8"))
    report = giar_parse.parse(text)
    # table 三 read whole, as printed (its hand-read values)
    assert _same_numbers(giar_parse.to_dict(report)["requests"], expected["requests"])
    assert [d.path for d in report.diagnostics if d.code == "cells.overflow"] == [
        "requests.carried_over",
        "requests.not_processed.excessive",
    ]


def _same_numbers(got: object, want: object) -> bool:
    """The expected tree's numbers all read (the output may carry provenance beside them)."""
    if isinstance(want, dict):
        return isinstance(got, dict) and all(_same_numbers(got.get(key), value) for key, value in want.items())
    return got == want
