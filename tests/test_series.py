"""check_series: one agency's reports across years, and ``giar-parse --series``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import giar_parse
from conftest import DATA
from giar_parse import Counts, Diagnostic, Report, check_series, strategies
from giar_parse.labels import REQUEST_COLUMNS
from giar_parse.series import agency_key
from giar_parse.writing.json import diagnostic_dict

PINGTAN = DATA / "2021"
# the rows as printed (checked by hand in both files): 2023 carries forward nothing, 2024 carried over nothing
FORWARD_2023 = "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
OVER_2024 = "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"


def pingtan_text(year: int) -> str:
    return (PINGTAN / f"pingtan-gov-{year}.rows-tab.txt").read_text(encoding="utf-8")


def pingtan(year: int, text: str | None = None) -> Report:
    report = giar_parse.parse(pingtan_text(year) if text is None else text)
    return attrs.evolve(report, source=f"pingtan-gov-{year}.rows-tab.txt")


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def with_carried_over(report: Report, **cells: int | None) -> Report:
    assert report.requests is not None and report.requests.carried_over is not None
    row = attrs.evolve(report.requests.carried_over, **cells)
    return attrs.evolve(report, requests=attrs.evolve(report.requests, carried_over=row))


def with_carried_forward(report: Report, **cells: int | None) -> Report:
    assert report.requests is not None and report.requests.carried_forward is not None
    row = attrs.evolve(report.requests.carried_forward, **cells)
    return attrs.evolve(report, requests=attrs.evolve(report.requests, carried_forward=row))


# --- the two Pingtan reports --------------------------------------------------------------


def test_the_files_chain_as_printed() -> None:
    assert FORWARD_2023 in pingtan_text(2023)
    assert OVER_2024 in pingtan_text(2024)


def test_the_stock_figures_are_the_hand_read_ones() -> None:
    for year, figures in ((2023, [77, 132, 470]), (2024, [62, 33, 440])):
        expected = json.loads((PINGTAN / f"pingtan-gov-{year}.json").read_text(encoding="utf-8"))
        assert list(expected["active"]["normative_documents"].values()) == figures
        active = pingtan(year).active
        assert isinstance(active, giar_parse.ActiveDisclosure2021) and active.normative_documents is not None
        rows = active.normative_documents
        assert [rows.issued, rows.repealed, rows.in_force] == figures


def test_pingtan_2023_to_2024_carries_over_and_notes_the_stock() -> None:
    found = check_series([pingtan(2024), pingtan(2023)])  # input order does not matter
    assert "series.carry" not in codes(found)
    # 行政规范性文件: 470 in force end of 2023, 2024 issued 62 and repealed 33 → 499, but 440 in force
    assert codes(found) == ["series.stock"]
    stock = found[0]
    assert stock.severity == "info"
    assert stock.path == "active.normative_documents.in_force"
    assert stock.reports == ("pingtan-gov-2023.rows-tab.txt", "pingtan-gov-2024.rows-tab.txt")
    assert "470 + 62 − 33 = 499" in stock.message
    assert "is 440" in stock.message
    assert "-59" in stock.message


def test_one_changed_cell_of_2024_carried_over_is_one_carry() -> None:
    changed = OVER_2024.replace("\t0\t0\t0", "\t0\t3\t0", 1)  # 商业企业
    text = pingtan_text(2024).replace(OVER_2024, changed)
    later = pingtan(2024, text)
    assert later.requests is not None and later.requests.carried_over is not None
    assert later.requests.carried_over.business == 3
    carries = [d for d in check_series([pingtan(2023), later]) if d.code == "series.carry"]
    assert len(carries) == 1
    carry = carries[0]
    assert carry.severity == "warning"
    assert carry.path == "requests.carried_over.business"
    assert carry.message.startswith("商业企业: ")
    assert "“pingtan-gov-2023.rows-tab.txt” is 0" in carry.message
    assert "“pingtan-gov-2024.rows-tab.txt” is 3" in carry.message
    assert carry.reports == ("pingtan-gov-2023.rows-tab.txt", "pingtan-gov-2024.rows-tab.txt")


# --- gaps, duplicates, templates ----------------------------------------------------------


def test_a_gap_is_noted_and_the_pair_around_it_not_compared() -> None:
    later = with_carried_over(attrs.evolve(pingtan(2024), year=2026), total=9)
    found = check_series([pingtan(2023), later])
    assert codes(found) == ["series.gap"]
    gap = found[0]
    assert gap.path == "year"
    assert "no report for 2024–2025" in gap.message
    assert gap.reports == ("pingtan-gov-2023.rows-tab.txt", "pingtan-gov-2024.rows-tab.txt")


def test_a_gap_of_one_year_names_it() -> None:
    found = check_series([pingtan(2023), attrs.evolve(pingtan(2024), year=2025)])
    assert [d.message.split(" between")[0] for d in found] == ["平潭综合实验区: no report for 2024"]


def test_a_duplicate_names_both_and_each_is_checked() -> None:
    reissue = attrs.evolve(with_carried_over(pingtan(2024), natural_person=2, total=2), source="reissue.txt")
    found = check_series([pingtan(2023), pingtan(2024), reissue])
    assert codes(found) == ["series.duplicate", "series.stock", "series.carry", "series.carry", "series.stock"]
    duplicate = found[0]
    assert duplicate.severity == "warning"
    assert duplicate.reports == ("pingtan-gov-2024.rows-tab.txt", "reissue.txt")
    assert duplicate.message.endswith("2 reports for 2024: “pingtan-gov-2024.rows-tab.txt” and “reissue.txt”")
    carries = [d for d in found if d.code == "series.carry"]
    assert [d.path for d in carries] == ["requests.carried_over.natural_person", "requests.carried_over.total"]
    assert all(d.reports == ("pingtan-gov-2023.rows-tab.txt", "reissue.txt") for d in carries)


def test_reports_of_one_name_are_told_apart_by_position() -> None:
    first, second = (attrs.evolve(pingtan(2024), source=None) for _ in range(2))
    duplicate = check_series([first, second])[0]
    title = "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert duplicate.reports == (f"{title} (#1)", f"{title} (#2)")
    assert duplicate.message.endswith("(the same content)")


def test_a_template_change_is_checked_for_carry_only() -> None:
    earlier = giar_parse.parse(giar_parse.sample_text())  # 重庆市, 2020, 2019 template
    assert earlier.template == "2019" and earlier.requests is not None
    forward = earlier.requests.carried_forward
    assert forward is not None and (forward.natural_person, forward.business, forward.total) == (123, 20, 144)
    later = attrs.evolve(pingtan(2023), agency="重庆市人民政府", year=2021)
    assert later.template == "2021" and later.requests is not None
    chained = attrs.evolve(later, requests=attrs.evolve(later.requests, carried_over=forward))
    assert check_series([earlier, chained]) == []
    broken = with_carried_over(chained, other_org=5)
    found = check_series([earlier, broken])
    assert codes(found) == ["series.carry"]
    assert found[0].path == "requests.carried_over.other_org"


def test_the_2019_template_items_chain() -> None:
    # 2019: 行政许可 683 - 28 = 655, 其他对外管理服务事项 1347 - 240 = 1107, 行政处罚 3898 + 63 = 3961,
    # 行政强制 191 + 17 = 208, 行政事业性收费 36 - 5 = 31; the 2020 copy prints 655 for 行政许可 only
    text = giar_parse.sample_text()
    earlier = giar_parse.parse(text.replace("重庆市2020年", "重庆市2019年"))
    later = giar_parse.parse(text.replace("\t683\n", "\t655\n"))
    assert (earlier.year, later.year) == (2019, 2020)
    items = [d for d in check_series([earlier, later]) if d.code == "series.items"]
    assert [d.path for d in items] == [
        "active.other_services.previous",
        "active.penalties.previous",
        "active.coercion.previous",
        "active.fees.previous",
    ]
    assert all(d.severity == "info" for d in items)
    assert "1347 + (-240) = 1107, but 上一年项目数量" in items[0].message and "is 1347" in items[0].message
    assert "(a difference of +240)" in items[0].message
    assert "3898 + 63 = 3961" in items[1].message and "(a difference of -63)" in items[1].message


# --- blank cells, unread cells --------------------------------------------------------------


def test_a_blank_cell_counts_as_zero_and_is_called_blank() -> None:
    earlier = with_carried_forward(pingtan(2023), business=None)
    assert codes(check_series([earlier, pingtan(2024)])) == ["series.stock"]  # blank and 0 agree
    later = with_carried_over(pingtan(2024), business=4)
    found = [d for d in check_series([earlier, later]) if d.code == "series.carry"]
    assert len(found) == 1
    assert "“pingtan-gov-2023.rows-tab.txt” is blank, but" in found[0].message
    assert found[0].message.endswith("is 4")


def test_a_blank_stock_cell_is_read_as_zero_and_said() -> None:
    later = pingtan(2024)
    assert isinstance(later.active, giar_parse.ActiveDisclosure2021) and later.active.normative_documents
    rows = attrs.evolve(later.active.normative_documents, repealed=None)
    later = attrs.evolve(later, active=attrs.evolve(later.active, normative_documents=rows))
    (stock,) = check_series([pingtan(2023), later])
    assert "470 + 62 − blank = 532" in stock.message
    assert "(a difference of -92; blank cells read as 0)" in stock.message


def test_a_cell_that_could_not_be_read_is_not_compared() -> None:
    text = pingtan_text(2024).replace(OVER_2024, OVER_2024.replace("\t0\t0\t0", "\t0\t0.5\t0", 1))
    later = pingtan(2024, text)
    assert "cells.invalid" in codes(list(later.diagnostics))
    earlier = with_carried_forward(pingtan(2023), business=7)
    found = [d for d in check_series([earlier, later]) if d.code == "series.carry"]
    assert found == []  # 商业企业 of 2024 is unread, not blank: 7 is not compared with it


def test_a_row_that_was_not_read_is_not_compared() -> None:
    text = pingtan_text(2024).replace(OVER_2024, "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\n")
    later = pingtan(2024, text)
    assert "cells.missing" in codes(list(later.diagnostics))
    earlier = with_carried_forward(pingtan(2023), natural_person=7, total=7)
    assert [d for d in check_series([earlier, later]) if d.code == "series.carry"] == []


# --- grouping -----------------------------------------------------------------------------------


def test_agencies_spelled_two_ways_are_one_series() -> None:
    assert agency_key("重庆市 人民政府") == agency_key("重庆市政府") == agency_key("重庆市")
    assert agency_key("平潭综合实验区") == agency_key("平潭综合实验区\u3000")
    assert agency_key("ＡＢ区人民政府办公室") == agency_key("AB区政府办公室")
    earlier = attrs.evolve(pingtan(2023), agency="平潭综合实验区人民政府")
    later = with_carried_over(attrs.evolve(pingtan(2024), agency="平潭综合实验区 政府"), total=1)
    assert "series.carry" in codes(check_series([earlier, later]))


def test_other_agencies_are_other_series() -> None:
    later = with_carried_over(attrs.evolve(pingtan(2024), agency="平潭综合实验区财政局"), total=1)
    assert check_series([pingtan(2023), later]) == []
    assert agency_key("重庆市人民政府办公厅") != agency_key("重庆市")


def test_a_series_of_one_and_of_none() -> None:
    assert check_series([pingtan(2023)]) == []
    assert check_series([]) == []
    assert check_series(iter([pingtan(2023), pingtan(2024)])) == check_series([pingtan(2023), pingtan(2024)])


def test_a_report_without_agency_or_year_is_unplaced() -> None:
    lost = attrs.evolve(pingtan(2024), agency=None, source="lost.txt")
    found = check_series([pingtan(2023), lost])
    assert codes(found) == ["series.unplaced"]
    assert found[0].path == "agency"
    assert found[0].reports == ("lost.txt",)
    nameless = attrs.evolve(pingtan(2024), agency=None, year=None, title=None, source=None)
    (unplaced,) = check_series([nameless])
    assert unplaced.message == "“report #1” names no agency and no year, so it is in no series"


# --- the property -------------------------------------------------------------------------------


@st.composite
def chained_series(draw: st.DrawFn) -> list[Report]:
    """Two to four reports of one agency for consecutive years, each carrying over what the last carried forward."""
    first = draw(st.integers(2019, 2023))
    out: list[Report] = []
    for index in range(draw(st.integers(2, 4))):
        template = draw(st.sampled_from(("2019", "2021")))
        requests = draw(strategies.request_tables(template=template))
        if out:
            assert out[-1].requests is not None
            requests = attrs.evolve(requests, carried_over=out[-1].requests.carried_forward)
        out.append(Report(template, agency="某市", year=first + index, requests=requests, source=f"r{index}.txt"))
    return out


@given(chained_series(), st.data())
def test_a_chained_series_carries_and_one_broken_value_is_one_carry(series: list[Report], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(series))
    assert [d for d in check_series(shuffled) if d.code == "series.carry"] == []
    index = data.draw(st.integers(1, len(series) - 1))
    column = data.draw(st.sampled_from(list(REQUEST_COLUMNS)))
    requests = series[index].requests
    assert requests is not None
    row = requests.carried_over or Counts()
    old = getattr(row, column)
    new = data.draw(st.one_of(st.none(), st.integers(0, 10**6)).filter(lambda v: (v or 0) != (old or 0)))
    broken = attrs.evolve(requests, carried_over=attrs.evolve(row, **{column: new}))
    series[index] = attrs.evolve(series[index], requests=broken)
    carries = [d for d in check_series(data.draw(st.permutations(series))) if d.code == "series.carry"]
    assert len(carries) == 1
    assert carries[0].path == f"requests.carried_over.{column}"
    assert carries[0].reports == (f"r{index - 1}.txt", f"r{index}.txt")


# --- JSON and the command line ------------------------------------------------------------------


def test_json_shows_reports_only_where_set() -> None:
    report = giar_parse.parse(giar_parse.sample_text().replace("\t5330\n", "\t5331\n"))
    assert report.diagnostics and all("reports" not in d for d in giar_parse.to_dict(report)["diagnostics"])
    (stock,) = check_series([pingtan(2023), pingtan(2024)])
    data = diagnostic_dict(stock)
    assert data["reports"] == ["pingtan-gov-2023.rows-tab.txt", "pingtan-gov-2024.rows-tab.txt"]
    assert data["code"] == "series.stock" and data["path"] == "active.normative_documents.in_force"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "giar_parse", *args], capture_output=True, check=False)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def write_pair(folder: Path, later: str) -> None:
    folder.mkdir()
    (folder / "2023.txt").write_text(pingtan_text(2023), encoding="utf-8")
    (folder / "2024.txt").write_text(later, encoding="utf-8")


def test_cli_series_of_a_clean_pair_exits_0(tmp_path: Path) -> None:
    write_pair(tmp_path / "pt", pingtan_text(2024))
    result = run("--series", str(tmp_path / "pt"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split() == ["info", "series.stock", "active.normative_documents.in_force"]
    assert "2 inputs: 2 parsed, 0 failed" in result.stderr


def test_cli_series_warns_in_json_lines_and_exits_1(tmp_path: Path) -> None:
    changed = pingtan_text(2024).replace(OVER_2024, OVER_2024.replace("\t0\t0\t0", "\t0\t3\t0", 1))
    write_pair(tmp_path / "pt", changed)
    files = [str(tmp_path / "pt" / "2024.txt"), str(tmp_path / "pt" / "2023.txt")]
    result = run("--series", *files, "-f", "jsonl", "-j", "2")
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["code"] for line in lines] == ["series.carry", "series.stock"]
    assert lines[0]["reports"] == [str(tmp_path / "pt" / "2023.txt"), str(tmp_path / "pt" / "2024.txt")]
    assert lines[0]["path"] == "requests.carried_over.business"


def test_cli_series_reports_an_unreadable_input_and_exits_1(tmp_path: Path) -> None:
    write_pair(tmp_path / "pt", pingtan_text(2024))
    (tmp_path / "pt" / "notes.txt").write_text("not a report at all\n", encoding="utf-8")
    result = run("--series", str(tmp_path / "pt"), "--format", "json")
    assert result.returncode == 1
    assert "notes.txt:" in result.stderr and "NotAReportError" in result.stderr
    assert [d["code"] for d in json.loads(result.stdout)] == ["series.stock"]


def test_cli_series_refuses_csv_and_no_input(tmp_path: Path) -> None:
    assert run("--series", str(PINGTAN), "--format", "csv").returncode == 2
    assert run("--series").returncode == 2
    assert run("--series", str(tmp_path)).returncode == 2  # no report file in it


def test_cli_series_writes_to_a_file(tmp_path: Path) -> None:
    result = run("--series", str(PINGTAN), "--glob", "*.rows-tab.txt", "-o", str(tmp_path / "series.txt"))
    assert result.returncode == 0 and result.stdout == ""
    assert (tmp_path / "series.txt").read_text(encoding="utf-8").startswith("info    series.stock")
