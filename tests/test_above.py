"""Values printed before their row labels (a PDF read by baseline): read only where the table proves it.

pdfminer.six with ``boxes_flow=None`` orders a page's text by baseline, so a label centred in a
tall cell comes out after its row's values.  Read the usual way, every label would take the
next row's values.  Table 三 is read with each label taking the values before it where that
reading keeps the table whole and its identities, else not at all; table 二, which has no
arithmetic, is not read in a block whose values stand before its first row.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from tests.test_lost_cells import _numbers
from tests.test_overflow import _rows

import giar_parse
from giar_parse import Layout, Report, render, strategies

DATA = Path(__file__).parent / "data"
_WIDTH = 7


def values_before_labels(text: str) -> str:
    """``text`` (tab rows) with each table 三 row's values on a line of their own before its label."""
    lines = text.split("\n")
    for i in _rows(lines):
        cells = lines[i].split("\t")
        lines[i] = "\t".join(cells[-_WIDTH:]) + "\n" + "\t".join(cells[:-_WIDTH])
    return "\n".join(lines)


def _requests(report: Report) -> dict[str, object]:
    return {path: value for path, value in _numbers(report).items() if path.startswith("requests.")}


def _detectable(drawn: Report) -> bool:
    """Every row prints a value and 一、本年新收 two: only then can the row of values before the first label show."""
    if drawn.requests is None:
        return False
    rows = [row for _, row in giar_parse.checks.request_rows(drawn.requests) if row is not None]
    printed = [sum(value is not None for value in attrs.astuple(row)) for row in rows]
    return min(printed) >= 1 and printed[0] >= 2


@given(drawn=strategies.reports(tables=["requests"]))
def test_values_before_their_labels_are_the_drawn_values(drawn: Report) -> None:
    # where a row prints nothing at all, or 一、本年新收 a single value, nothing in the text shows the
    # values stand before their labels (a limit the docs state): those tables are not drawn here
    assume(_detectable(drawn))
    text = render(drawn, layout=Layout.TABS)
    report = giar_parse.parse(values_before_labels(text))
    expected = _numbers(drawn)
    assert {path: value for path, value in _numbers(report).items() if expected.get(path) != value} == {}
    usual = giar_parse.parse(text)
    rows = [row for _, row in giar_parse.checks.request_rows(drawn.requests) if row is not None]  # type: ignore[arg-type]
    printed = all(None not in attrs.astuple(row) for row in rows)
    if printed and not any(d.code.startswith("identity.") for d in usual.diagnostics):
        # every cell printed and the arithmetic kept: the table is read whole
        assert _requests(report) == _requests(usual)
        assert [d.code for d in report.diagnostics if d.code == "cells.before_label"] == ["cells.before_label"]


def test_the_sample_with_its_values_before_their_labels() -> None:
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    report = giar_parse.parse(values_before_labels(text))
    assert report.requests == giar_parse.parse(text).requests
    [note] = [d for d in report.diagnostics if d.code == "cells.before_label"]
    assert note.path == "requests"


def test_a_table_whose_arithmetic_proves_neither_reading_is_not_read() -> None:
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    moved = values_before_labels(text).replace("\n5367\t", "\n5368\t")  # （七）总计 自然人, one off
    report = giar_parse.parse(moved)
    assert report.requests is not None
    assert _requests(report) == {}
    [note] = [d for d in report.diagnostics if d.code == "cells.disagree" and d.path == "requests"]
    assert "5330 352 2 28 16 30 5758" in note.message


def test_a_row_of_column_numbers_after_the_header_is_not_a_row() -> None:
    # 1 … 7 printed under the header (columns numbered) is no row of values: the usual reading stands
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    header = "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
    numbered = text.replace(header, header + "\t1\t2\t3\t4\t5\t6\t7\n")
    assert numbered != text
    report = giar_parse.parse(numbered)
    assert report.requests == giar_parse.parse(text).requests


def test_a_table_2_block_with_values_before_its_first_row_is_not_read() -> None:
    text = render(giar_parse.parse(giar_parse.sample_text()), layout=Layout.TABS)
    rows = "行政处罚\t3898\t+63\t4053811\n行政强制\t191\t+17\t72836\n"
    before = "\t3898\t+63\t4053811\n行政处罚\n\t191\t+17\t72836\n行政强制\n"
    assert rows in text
    report = giar_parse.parse(text.replace(rows, before))
    assert report.active is not None
    assert report.active.penalties.decisions is None  # the usual reading would give it 72836
    assert report.active.coercion.decisions is None
    assert report.active.licensing == giar_parse.parse(text).active.licensing  # other blocks as before
    assert any(d.code == "cells.disagree" and "3898 +63 4053811" in d.message for d in report.diagnostics)


@pytest.mark.parametrize("year", ["2023", "2024"])
def test_pdfminer_text_by_baseline_of_the_2021_pdfs_reads_no_wrong_number(year: str) -> None:
    # tests/data/extractors: pdfminer.six 20260107 extract_text(laparams=LAParams(boxes_flow=None)) of
    # the LibreOffice PDFs of tests/data/2021; every label follows its row's values
    text = (DATA / "extractors" / f"pingtan-gov-{year}.pdfminer-baseline.txt").read_text(encoding="utf-8")
    expected = json.loads((DATA / "2021" / f"pingtan-gov-{year}.json").read_text(encoding="utf-8"))
    report = giar_parse.parse(text)
    got = giar_parse.to_dict(report)
    for table in ("active", "requests", "appeals"):
        assert _wrong(expected[table], got[table]) == []
    assert any(d.code == "cells.disagree" and d.path == "requests" for d in report.diagnostics)


def _wrong(want: object, got: object, path: str = "") -> list[str]:
    """The paths where ``got`` holds a number other than ``want``'s (None, not read, is not wrong)."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return []
        return [p for key, value in want.items() for p in _wrong(value, got.get(key), f"{path}.{key}")]
    return [] if got is None or got == want else [path]
