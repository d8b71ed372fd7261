"""to_records / to_dataframe: one flat row per table cell, blanks kept blank, raw text as printed."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest

import giar_parse
from conftest import SHARED_SAMPLES, seed_text


def cell(records: list[dict[str, object]], table: str, row: str, column: str) -> dict[str, object]:
    (found,) = [r for r in records if (r["table"], r["row"], r["column"]) == (table, row, column)]
    return found


def test_every_cell_of_a_2019_report_is_a_row(seed_id: str) -> None:
    report = giar_parse.parse(seed_text(seed_id))
    records = giar_parse.to_records(report, file="a.txt")
    # table 二: 8 rows (3+3+3+3+3+3+2+2 cells); 三: 23 rows x 7; 四: 3 x 5
    assert [sum(r["table"] == t for r in records) for t in ("active", "requests", "appeals")] == [22, 161, 15]
    assert list(records[0]) == ["file", "template", "agency", "year", "table", "row", "column", "value", "raw"]
    assert {(r["file"], r["template"], r["agency"], r["year"]) for r in records} == {
        ("a.txt", report.template, report.agency, report.year)
    }
    assert records[0]["row"] == "regulations" and records[-1]["row"] == "litigation_after_review"


def test_values_as_printed_and_money_in_yuan() -> None:
    records = giar_parse.to_records(giar_parse.parse(seed_text("001_a256bd59c98b6bc9")))
    received = cell(records, "requests", "received", "natural_person")
    assert (received["value"], received["raw"]) == (5330, "5330")
    amount = cell(records, "active", "procurement", "amount")
    assert (amount["value"], amount["raw"]) == (Decimal("37000000000"), "370亿元")
    change = cell(records, "active", "penalties", "change")
    assert (change["value"], change["raw"]) == (63, "+63")
    assert cell(records, "requests", "withheld.state_secret", "total")["value"] == 69
    assert not any(r["column"].endswith("_text") for r in records)  # type: ignore[union-attr]


def test_blank_cells_stay_none_not_zero() -> None:
    records = giar_parse.to_records(giar_parse.parse(seed_text("003_c3fc7b873e2e73f4")))
    blank = cell(records, "requests", "received", "business")
    assert blank["value"] is None and blank["raw"] is None
    assert cell(records, "requests", "received", "natural_person")["value"] == 71


def test_provenance_points_at_the_cell() -> None:
    text = seed_text("001_a256bd59c98b6bc9")
    records = giar_parse.to_records(giar_parse.parse(text), provenance=True)
    found = cell(records, "requests", "received", "natural_person")
    line, column = found["source_line"], found["source_column"]
    assert isinstance(line, int) and isinstance(column, int)
    assert text.splitlines()[line - 1][column - 1 :].startswith("5330")


def test_a_missing_table_gives_no_rows() -> None:
    text = seed_text("001_a256bd59c98b6bc9")
    report = giar_parse.parse(text[: text.index("四、政府信息公开行政复议")])
    assert report.appeals is None
    assert {r["table"] for r in giar_parse.to_records(report)} == {"active", "requests"}


def test_2021_template_rows() -> None:
    sample = SHARED_SAMPLES / "pingtan-gov-2023.rows-tab.txt"
    if not sample.exists():
        pytest.skip(f"{sample} is absent")
    records = giar_parse.to_records(giar_parse.parse(sample.read_text(encoding="utf-8")))
    assert {(r["row"], r["column"]) for r in records if r["table"] == "active"} == {
        ("regulations", "issued"),
        ("regulations", "repealed"),
        ("regulations", "in_force"),
        ("normative_documents", "issued"),
        ("normative_documents", "repealed"),
        ("normative_documents", "in_force"),
        ("licensing", "decisions"),
        ("penalties", "decisions"),
        ("coercion", "decisions"),
        ("fees", "amount"),
    }
    rows = {r["row"] for r in records if r["table"] == "requests"}
    assert "other_handling_parts.unpaid_fees" in rows and "other_handling" not in rows


def test_to_dataframe_keeps_ints_and_blanks() -> None:
    pandas = pytest.importorskip("pandas")
    reports = {
        "a.txt": giar_parse.parse(seed_text("003_c3fc7b873e2e73f4")),
        "b.txt": giar_parse.parse(seed_text("001_a256bd59c98b6bc9")),
    }
    frame = giar_parse.to_dataframe(reports, provenance=True)
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == sum(len(giar_parse.to_records(r)) for r in reports.values())
    assert list(frame["file"].unique()) == ["a.txt", "b.txt"]
    received = frame[(frame["file"] == "a.txt") & (frame["row"] == "received")].set_index("column")["value"]
    assert received["natural_person"] == 71 and type(received["natural_person"]) is int
    assert received["business"] is None
    assert str(frame["year"].dtype) == "Int64" and "source_line" in frame.columns
    assert len(giar_parse.to_dataframe(reports["b.txt"])) == 198


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"giar-parse\[pandas\]"):
        giar_parse.to_dataframe([])
