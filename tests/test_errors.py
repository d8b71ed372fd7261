"""Bad input gets the library's own error (with position and snippet) or a report, never a hang."""

from __future__ import annotations

import random
import time

import pytest

import giar_parse
from conftest import DATA, seed_text
from giar_parse import GiarParseError, IncompleteReportError, NotAReportError


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n   \n",
        "今天天气很好，我们去公园散步。\n然后回家吃饭。",
        "Lorem ipsum dolor sit amet\n" * 50,
        "".join(chr(c) for c in random.Random(7).choices(range(0, 0x3000), k=4000)),
        "\x00\x01\x02\ufffd\ufffd" * 1000,
    ],
    ids=["empty", "whitespace", "prose", "latin", "random-unicode", "binary"],
)
def test_no_report_structure_is_a_not_a_report_error(text: str) -> None:
    with pytest.raises(NotAReportError) as caught:
        giar_parse.parse(text)
    error = caught.value
    assert isinstance(error, GiarParseError) and isinstance(error, ValueError)
    assert error.line >= 1 and error.column >= 1
    assert "^" in error.snippet
    assert "总体情况" in str(error)


def test_bytes_are_refused_with_our_error() -> None:
    with pytest.raises(GiarParseError, match="parse_bytes"):
        giar_parse.parse(b"abc")  # type: ignore[arg-type]


def cut_before(text: str, marker: str) -> str:
    return text[: text.index(marker)]


def test_report_cut_off_before_table_four() -> None:
    text = cut_before(seed_text("001_a256bd59c98b6bc9"), "四、政府信息公开行政复议")
    report = giar_parse.parse(text)
    assert report.appeals is None
    assert report.requests is not None and report.requests.received is not None
    missing = [d for d in report.diagnostics if d.code == "table.missing"]
    assert [(d.severity, d.path) for d in missing] == [("error", "appeals")]
    with pytest.raises(IncompleteReportError, match="四"):
        giar_parse.parse(text, strict=True)


def test_report_cut_inside_table_three_reports_missing_rows() -> None:
    text = cut_before(seed_text("002_e299ec6f40b1d0d2"), "(五)不予处理")
    report = giar_parse.parse(text)
    assert report.requests is not None
    assert report.requests.not_processed.complaints is None
    paths = {d.path for d in report.diagnostics if d.code == "row.missing"}
    assert "requests.not_processed.complaints" in paths and "requests.total" in paths
    with pytest.raises(IncompleteReportError) as caught:
        giar_parse.parse(text, strict=True)
    assert caught.value.line >= 1


def test_strict_accepts_a_complete_report() -> None:
    assert giar_parse.parse(seed_text("001_a256bd59c98b6bc9"), strict=True).appeals is not None


def test_missing_table_two() -> None:
    text = seed_text("000_bd42eb570d158966")
    start, end = text.index("第二十条第（一）项"), text.index("三、收到和处理")
    report = giar_parse.parse(text[:start] + text[end:])
    assert report.active is None
    assert any(d.code == "table.missing" and d.path == "active" for d in report.diagnostics)


def test_error_snippet_has_a_caret_under_the_column() -> None:
    error = GiarParseError.at("bad", "第一行\nabc def\n", 2, 5)
    assert (error.line, error.column) == (2, 5)
    assert error.snippet.splitlines() == ["abc def", "    ^"]


def test_five_megabytes_of_text_finish_quickly() -> None:
    block = seed_text("001_a256bd59c98b6bc9")
    text = (block * (5_000_000 // len(block.encode("utf-8")) + 1))[:1_700_000]
    started = time.perf_counter()
    report = giar_parse.parse(text)
    elapsed = time.perf_counter() - started
    assert report.requests is not None
    assert any(d.code == "row.duplicate" for d in report.diagnostics)
    # not a speed goal (see benchmarks/): a guard against super-linear behaviour
    assert elapsed < 60


def test_a_row_printed_many_times_names_a_few_of_its_lines() -> None:
    # a message naming every copy would grow with the text: quadratic over all copies
    report = giar_parse.parse(seed_text("001_a256bd59c98b6bc9") * 40)
    duplicates = [d for d in report.diagnostics if d.code == "row.duplicate"]
    assert len(duplicates) >= 39
    first = duplicates[0].message
    assert "printed 40 times (lines " in first and ", …)" in first
    assert max(len(d.message) for d in duplicates) < 200


@pytest.mark.parametrize("line", ["", " ", "\t", "|", "一、", "\r"])
def test_many_short_lines_do_not_hang(line: str) -> None:
    started = time.perf_counter()
    with pytest.raises(NotAReportError):
        giar_parse.parse((line + "\n") * 200_000)
    assert time.perf_counter() - started < 30  # a guard against super-linear scans, not a speed goal


def test_pathological_lines_do_not_hang() -> None:
    nasty = "（" * 100_000 + "\n" + "1" * 200_000 + "万" + "\n" + "\t" * 100_000 + "\n" + " " * 100_000 + "x"
    with pytest.raises(NotAReportError):
        giar_parse.parse(nasty)


ROWS_TAB_2021 = (DATA / "2021" / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")


def test_block_whose_caption_was_lost_is_still_read() -> None:
    text = ROWS_TAB_2021.replace("第二十条第（五）项\n", "")
    report = giar_parse.parse(text)
    assert report == giar_parse.parse(ROWS_TAB_2021)


def test_cells_out_of_place_are_skipped_with_a_warning() -> None:
    text = ROWS_TAB_2021.replace("信息内容\t本年制发件数", "本年制发件数", 1)
    report = giar_parse.parse(text)
    assert report.active == giar_parse.parse(ROWS_TAB_2021).active
    skipped = [d for d in report.diagnostics if d.code == "layout.unexpected"]
    assert skipped and all(d.severity == "warning" and d.line for d in skipped)


@pytest.mark.parametrize(
    "page",
    ["<html>" + "<a " * 200_000, "<html>" + '<a b="' * 200_000, "<html><a " + "x=1 " * 200_000 + ">"],
    ids=["unclosed-tags", "unclosed-quotes", "huge-tag"],
)
def test_pathological_html_does_not_hang(page: str) -> None:
    started = time.perf_counter()
    with pytest.raises(NotAReportError):
        giar_parse.parse(page)
    # a guard against the super-linear rescans of html.parser, not a speed goal
    assert time.perf_counter() - started < 30
