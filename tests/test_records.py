"""to_records / to_dataframe: one flat row per table cell, blanks kept blank, raw text as printed."""

from __future__ import annotations

import sys
from decimal import Decimal

import attrs
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
    assert list(records[0]) == [
        "file", "template", "agency", "year", "errors", "warnings",
        "table", "row", "column", "status", "value", "yuan", "raw", "diagnostic",
    ]  # fmt: skip
    assert {(r["file"], r["template"], r["agency"], r["year"]) for r in records} == {
        ("a.txt", report.template, report.agency, report.year)
    }
    assert records[0]["row"] == "regulations" and records[-1]["row"] == "litigation_after_review"


def test_values_as_printed_and_money_in_yuan() -> None:
    records = giar_parse.to_records(giar_parse.parse(seed_text("001_a256bd59c98b6bc9")))
    received = cell(records, "requests", "received", "natural_person")
    assert (received["value"], received["raw"]) == (5330, "5330")
    amount = cell(records, "active", "procurement", "amount")
    assert (amount["value"], amount["yuan"], amount["raw"]) == (None, Decimal("37000000000"), "370亿元")
    assert amount["status"] == "read" and received["yuan"] is None
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


def test_a_missing_table_is_fifteen_cells_not_read() -> None:
    text = seed_text("001_a256bd59c98b6bc9")
    report = giar_parse.parse(text[: text.index("四、政府信息公开行政复议")])
    assert report.appeals is None
    records = giar_parse.to_records(report)
    appeals = [r for r in records if r["table"] == "appeals"]
    assert len(records) == 198 and len(appeals) == 15
    assert {(r["status"], r["diagnostic"], r["value"], r["raw"]) for r in appeals} == {
        ("not_read", "table.missing", None, None)
    }
    assert {r["status"] for r in records if r["table"] != "appeals"} == {"read"}
    # table.missing, and section.missing for 四, 五 and 六
    assert {(r["errors"], r["warnings"]) for r in records} == {(1, 3)}


def test_status_of_blank_placeholder_and_unplaced_cells() -> None:
    # replace the 自然人 cell of 本年新收 by a placeholder and cut two values out of the 部分公开
    # row, so that row's five values cannot be placed; 003 leaves cells of table 三 blank
    text = seed_text("001_a256bd59c98b6bc9")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "（二）部分公开" in line)
    assert lines[start + 1 : start + 8] == ["\t222", "\t17", "\t1", "\t2", "\t0", "\t0", "\t242"]
    del lines[start + 2 : start + 4]
    received = lines.index("\t5330")
    lines[received] = "\t—"
    report = giar_parse.parse("\n".join(lines))
    records = giar_parse.to_records(report)
    placeholder = cell(records, "requests", "received", "natural_person")
    assert (placeholder["status"], placeholder["value"], placeholder["raw"]) == ("placeholder", None, "—")
    unplaced = [r for r in records if r["row"] == "partially_disclosed"]
    assert {(r["status"], r["diagnostic"], r["value"]) for r in unplaced} == {("not_read", "cells.missing", None)}
    assert len(unplaced) == 7
    assert unplaced[0]["errors"] == 1 and unplaced[0]["warnings"] >= 1
    blank = cell(
        giar_parse.to_records(giar_parse.parse(seed_text("003_c3fc7b873e2e73f4"))), "requests", "received", "business"
    )
    assert (blank["status"], blank["value"], blank["raw"], blank["diagnostic"]) == ("blank", None, None, None)


def test_a_row_not_found_is_not_read_and_named() -> None:
    cut = giar_parse.sample_text().split("（五）不予处理")[0]
    records = giar_parse.to_records(giar_parse.parse(cut))
    complaints = [r for r in records if r["row"] == "not_processed.complaints"]
    assert len(complaints) == 7
    assert {(r["status"], r["diagnostic"]) for r in complaints} == {("not_read", "row.missing")}
    assert cell(records, "requests", "received", "total")["status"] == "read"


def test_a_2021_report_without_tables_still_has_the_2021_grid() -> None:
    report = giar_parse.Report(template="2021")
    records = giar_parse.to_records(report, file="x.txt")
    assert [sum(r["table"] == t for r in records) for t in ("active", "requests", "appeals")] == [10, 25 * 7, 15]
    assert {r["status"] for r in records} == {"not_read"}
    assert {r["file"] for r in records} == {"x.txt"}


def test_file_comes_from_the_report_source() -> None:
    report = attrs.evolve(giar_parse.parse(giar_parse.sample_text()), source="reports/cq.txt")
    assert {r["file"] for r in giar_parse.to_records(report)} == {"reports/cq.txt"}
    assert {r["file"] for r in giar_parse.to_records(report, file="given.txt")} == {"given.txt"}


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
    received = frame[(frame["file"] == "a.txt") & (frame["row"] == "received")].set_index("column")
    assert received.loc["natural_person", "value"] == 71
    assert received.loc["business", "value"] is pandas.NA and received.loc["business", "status"] == "blank"
    dtypes = {column: str(dtype) for column, dtype in frame.dtypes.items()}
    assert {dtypes[c] for c in ("year", "errors", "warnings", "value", "source_line", "source_column")} == {"Int64"}
    assert dtypes["yuan"] == "float64" and dtypes["status"] == "string" and dtypes["raw"] == "string"
    amount = frame[(frame["file"] == "b.txt") & (frame["column"] == "amount")]
    assert amount["yuan"].item() == 37_000_000_000.0 and amount["raw"].item() == "370亿元"
    assert amount["value"].isna().item()
    assert len(giar_parse.to_dataframe(reports["b.txt"])) == 198


def test_to_dataframe_of_a_list_keeps_the_source_as_file() -> None:
    pytest.importorskip("pandas")
    reports = [
        attrs.evolve(giar_parse.parse(seed_text(seed)), source=f"{seed}.txt")
        for seed in ("003_c3fc7b873e2e73f4", "001_a256bd59c98b6bc9")
    ]
    frame = giar_parse.to_dataframe(reports)
    assert list(frame["file"].unique()) == ["003_c3fc7b873e2e73f4.txt", "001_a256bd59c98b6bc9.txt"]


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"giar-parse\[pandas\]"):
        giar_parse.to_dataframe([])
