"""Every seed report parses to the values read by hand from its text (tests/data/expected)."""

from __future__ import annotations

import json

import pytest

import giar_parse
from conftest import differences, seed_expected, seed_text
from giar_parse import checks


def test_seed_matches_expected(seed_id: str) -> None:
    report = giar_parse.parse(seed_text(seed_id))
    assert differences(seed_expected(seed_id), giar_parse.to_dict(report)) == []


def test_to_dict_is_json_safe(seed_id: str) -> None:
    data = giar_parse.to_dict(giar_parse.parse(seed_text(seed_id)), provenance=True)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def identity_warnings(seed_id: str) -> list[giar_parse.Diagnostic]:
    report = giar_parse.parse(seed_text(seed_id))
    return [d for d in report.diagnostics if d.code.startswith("identity.")]


@pytest.mark.parametrize(
    "seed_id", ["000_bd42eb570d158966", "001_a256bd59c98b6bc9", "002_e299ec6f40b1d0d2", "003_c3fc7b873e2e73f4"]
)
def test_consistent_seeds_have_no_identity_warning(seed_id: str) -> None:
    assert identity_warnings(seed_id) == []


def test_seed_004_breaks_the_flow_identity_in_two_columns() -> None:
    warnings = identity_warnings("004_7d9c962fed462d95")
    assert [(d.code, d.severity, d.path) for d in warnings] == [
        ("identity.flow", "warning", "requests.total.natural_person"),
        ("identity.flow", "warning", "requests.total.business"),
    ]
    assert "83 + 6" in warnings[0].message and "95 + 1" in warnings[0].message
    assert "16 + 0" in warnings[1].message and "9 + 0" in warnings[1].message


def test_seed_004_numbers_are_kept_as_printed() -> None:
    report = giar_parse.parse(seed_text("004_7d9c962fed462d95"))
    assert report.requests is not None and report.requests.total is not None
    assert report.requests.total.natural_person == 95
    assert report.requests.received is not None and report.requests.received.natural_person == 83


def test_seed_003_says_which_columns_its_two_values_fill() -> None:
    report = giar_parse.parse(seed_text("003_c3fc7b873e2e73f4"))
    assigned = [d for d in report.diagnostics if d.code == "cells.assigned"]
    assert any("自然人" in d.message and "总计" in d.message and d.severity == "warning" for d in assigned)
    assert report.requests is not None and report.requests.received is not None
    assert report.requests.received.business is None


def test_seed_000_lost_column_is_inferred_with_a_warning() -> None:
    report = giar_parse.parse(seed_text("000_bd42eb570d158966"))
    inferred = [d for d in report.diagnostics if d.code == "cells.inferred"]
    assert len(inferred) == 1 and inferred[0].severity == "warning"


def test_seed_000_lost_column_is_not_inferred_when_values_differ() -> None:
    text = seed_text("000_bd42eb570d158966").replace(
        "\t1. 本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t3", "\t1. 本机关不掌握相关政府信息\t3\t1\t0\t0\t0\t5"
    )
    report = giar_parse.parse(text)
    assert report.requests is not None and report.requests.unavailable.not_held is not None
    assert report.requests.unavailable.not_held.natural_person is None
    assert any(d.code == "cells.missing" and d.severity == "error" for d in report.diagnostics)


def test_seed_000_lost_column_is_not_inferred_without_a_full_received_row() -> None:
    # 本年新收 printing six values too (and so unread itself): nothing shows which column the text lost
    text = seed_text("000_bd42eb570d158966").replace("数量\t15\t0\t0\t0\t0\t0\t15", "数量\t15\t0\t0\t0\t0\t15")
    report = giar_parse.parse(text)
    assert report.requests is not None and report.requests.partially_disclosed is not None
    assert report.requests.partially_disclosed.natural_person is None
    assert report.requests.received is not None and report.requests.received.natural_person is None
    missing = [d for d in report.diagnostics if d.code == "cells.missing"]
    assert len(missing) == 22 and all("本年新收 and 上年结转" in d.message for d in missing)
    assert not any(d.code == "cells.inferred" for d in report.diagnostics)


def test_a_column_lost_from_every_row_is_not_guessed() -> None:
    # every applicant a 商业企业 (0 5 0 0 0 0 5), the 自然人 0s lost from every row: read as 自然人 5
    # every identity would hold, and every number would be wrong
    text = seed_text("000_bd42eb570d158966")
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        values = [cell for cell in cells if cell.isdigit()]
        if len(values) == 7:
            cells = cells[: len(cells) - 7] + values[:1] + values[2:]  # 本年新收, 上年结转: the second 0 lost
        lines.append("\t".join(cells))
    report = giar_parse.parse("\n".join(lines))
    assert report.requests is not None
    read = [row for _, row in checks.request_rows(report.requests) if row is not None]
    assert read and all(row.natural_person is None for row in read)


def test_provenance_points_at_the_cell() -> None:
    text = seed_text("001_a256bd59c98b6bc9")
    report = giar_parse.parse(text)
    assert report.requests is not None and report.requests.received is not None
    where = report.requests.received.provenance["natural_person"]
    assert text.splitlines()[where.line - 1][where.column - 1 :].startswith("5330")
    assert where.raw == "5330"
    assert report.active is not None
    procurement = report.active.procurement  # type: ignore[union-attr]
    assert procurement is not None and procurement.provenance["amount"].raw == "370亿元"


def test_provenance_is_not_part_of_equality() -> None:
    text = seed_text("002_e299ec6f40b1d0d2")
    assert giar_parse.parse(text) == giar_parse.parse("\n\n" + text)


def test_metadata() -> None:
    first = giar_parse.parse(seed_text("001_a256bd59c98b6bc9"))
    assert (first.title, first.agency, first.year) == ("重庆市2020年政府信息公开工作年度报告", "重庆市", 2020)
    fourth = giar_parse.parse(seed_text("004_7d9c962fed462d95"))
    assert fourth.period is not None
    assert (fourth.period.start.isoformat(), fourth.period.end.isoformat()) == ("2020-01-01", "2020-12-31")
    assert fourth.published is not None and fourth.published.isoformat() == "2021-02-05"


def test_page_chrome_stays_out_of_titles_and_bodies() -> None:
    report = giar_parse.parse(seed_text("004_7d9c962fed462d95"))
    assert report.title is not None and "位置" not in report.title
    assert all("扫一扫" not in s.body and "您当前的位置" not in s.body for s in report.sections)
    assert all("bookmark" not in s.heading for s in giar_parse.parse(seed_text("001_a256bd59c98b6bc9")).sections)


def test_row_losing_a_value_in_one_cell_per_line_layout_is_not_shifted() -> None:
    lines = seed_text("001_a256bd59c98b6bc9").split("\n")
    del lines[lines.index("\t222")]  # （一）予以公开, 商业企业
    report = giar_parse.parse("\n".join(lines))
    assert report.requests is not None and report.requests.disclosed is not None
    # the blank placeholder line before the next label must not become the 7th column
    assert report.requests.disclosed.total is None and report.requests.disclosed.other_org is None
    missing = [d for d in report.diagnostics if d.code == "cells.missing"]
    assert [(d.severity, d.path) for d in missing] == [("error", "requests.disclosed")]
