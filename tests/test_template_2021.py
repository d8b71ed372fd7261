"""2021-template reports: the real samples in every text form, and variants built from the spec."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import giar_parse
from conftest import SHARED_SAMPLES, differences, seed_text
from giar_parse import UnsupportedTemplateError

FORMS = [
    "gettext.txt",
    "rows-tab.txt",
    "docx-lines.txt",
    "docx-rows-tab.txt",
    "lo-pdftotext-layout.txt",
    "lo-pdftotext-raw.txt",
    "lo-pdfplumber.txt",
    "html",
]
REPORTS = ["pingtan-gov-2023", "pingtan-gov-2024"]
needs_samples = pytest.mark.skipif(
    not SHARED_SAMPLES.is_dir(), reason="../shared/samples (development samples) is not beside this checkout"
)


def sample(report: str, form: str) -> str:
    return (SHARED_SAMPLES / f"{report}.{form}").read_text(encoding="utf-8")


@needs_samples
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("report", REPORTS)
def test_every_sample_form_parses_to_expected(report: str, form: str) -> None:
    expected = json.loads((SHARED_SAMPLES / "expected" / f"{report}.json").read_text(encoding="utf-8"))
    parsed = giar_parse.parse(sample(report, form))
    assert differences(expected, giar_parse.to_dict(parsed)) == []
    assert parsed.template == "2021"
    assert [d for d in parsed.diagnostics if d.severity != "info"] == []


# --- variants built from the spec, on the tab-separated 2021 sample --------------------------

ROWS_TAB_2021 = Path(__file__).parent / "data" / "2021" / "pingtan-gov-2023.rows-tab.txt"


def rows_tab() -> str:
    return ROWS_TAB_2021.read_text(encoding="utf-8")


def test_fee_in_wan_yuan_is_converted_and_kept_as_printed() -> None:
    text = re.sub(r"行政事业性收费\t[\d.]+", "行政事业性收费\t7730.28", rows_tab())
    report = giar_parse.parse(text)
    assert isinstance(report.active, giar_parse.ActiveDisclosure2021)
    assert report.active.fees is not None
    assert str(report.active.fees.amount) == "77302800"
    assert report.active.fees.amount_text == "7730.28"
    assert giar_parse.to_dict(report)["active"]["fees"]["amount"] == "77302800"


def test_single_other_handling_row_in_a_2021_report() -> None:
    text = rows_tab()
    start = text.index("（六）其他处理")
    end = text.index("（七）总计")
    text = text[:start] + "（六）其他处理\t2\t0\t0\t0\t0\t0\t2\n" + text[end:]
    report = giar_parse.parse(text)
    assert report.template == "2021"
    assert report.requests is not None
    assert report.requests.other_handling_parts is None
    assert report.requests.other_handling is not None
    assert (report.requests.other_handling.natural_person, report.requests.other_handling.total) == (2, 2)
    assert [d for d in report.diagnostics if d.severity != "info"] == []


def test_appeal_totals_printed_zero_are_kept_and_flagged() -> None:
    text = rows_tab()
    values = text.splitlines()
    index = next(i for i, line in enumerate(values) if line.startswith("结果 维持\t")) + 1
    values[index] = "\t".join(["1", "1", "0", "0", "0"] * 3)
    report = giar_parse.parse("\n".join(values))
    assert report.appeals is not None
    assert report.appeals.review.total == 0 and report.appeals.review.upheld == 1
    flagged = [d for d in report.diagnostics if d.code == "identity.appeal_total"]
    assert [(d.severity, d.path) for d in flagged] == [
        ("warning", "appeals.review.total"),
        ("warning", "appeals.litigation.total"),
        ("warning", "appeals.litigation_after_review.total"),
    ]


def as_layout(tab_text: str, layout: str) -> str:
    """The same report with every table row in another of the text layouts people meet."""
    out: list[str] = []
    for line in tab_text.splitlines():
        cells = line.split("\t")
        if len(cells) == 1:
            out.append(line)
        elif layout == "lines":
            out.extend("\t" + cell for cell in cells)
        elif layout == "blank_lines":
            out.extend(cell + "\n" for cell in cells)
        elif layout == "pipes":
            out.append("| " + " | ".join(cells) + " |")
        elif layout == "spaced":
            out.append("    ".join(cells))
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("layout", ["tabs", "lines", "blank_lines", "pipes", "spaced"])
def test_2021_report_in_each_layout(layout: str) -> None:
    expected = giar_parse.parse(rows_tab())
    report = giar_parse.parse(as_layout(rows_tab(), layout))
    assert report == expected
    assert report.requests is not None and report.requests.other_handling_parts is not None
    assert [d for d in report.diagnostics if d.severity != "info"] == []


def test_year_and_template_disagreeing_is_flagged() -> None:
    text = seed_text("001_a256bd59c98b6bc9").replace("重庆市2020年政府信息", "重庆市2022年政府信息", 1)
    report = giar_parse.parse(text)
    assert report.template == "2019" and report.year == 2022
    assert any(d.code == "template.year_mismatch" and d.severity == "warning" for d in report.diagnostics)


PRE_2019 = """某某市人民政府2015年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求编制。
一、概述
2015年，我市认真贯彻落实《条例》，政府信息公开工作取得新进展。
二、主动公开政府信息情况
全年主动公开政府信息12345条。
三、依申请公开政府信息情况
全年共受理政府信息公开申请120件，同意公开答复80件。
四、政府信息公开的收费及减免情况
未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
行政复议2件，行政诉讼1件。
六、存在的主要问题及改进措施
公开内容还不够全面。
"""


def test_pre_2019_report_is_refused_with_what_was_recognised() -> None:
    with pytest.raises(UnsupportedTemplateError) as caught:
        giar_parse.parse(PRE_2019)
    error = caught.value
    assert "pre-2019" in str(error) and "概述" in str(error)
    assert (error.line, error.column) == (3, 1)


def test_truncated_2019_report_mentioning_requests_is_not_taken_for_pre_2019() -> None:
    text = seed_text("002_e299ec6f40b1d0d2")
    head = text[: text.index("二、主动公开政府信息情况")]
    report = giar_parse.parse(head + "\n二、主动公开政府信息情况\n")
    assert report.active is None and report.requests is None


def test_bundled_2021_sample_matches_its_expected_values() -> None:
    expected = json.loads((ROWS_TAB_2021.parent / "pingtan-gov-2023.json").read_text(encoding="utf-8"))
    assert differences(expected, giar_parse.to_dict(giar_parse.parse(rows_tab()))) == []


def test_typo_or_stray_space_in_a_long_label_keeps_the_row_with_a_note() -> None:
    text = rows_tab().replace("2.没有现成信息需要另行制作", "2.没有现成信息需另行制作")
    text = text.replace("4.保护第三方合法权益", "4.保护第三方 合法权益")
    text = text.replace("第二十条第（五）项", "第二十条 第（五）项").replace("1.属于国家秘密", "1、属于国家秘密")
    report = giar_parse.parse(text)
    assert report == giar_parse.parse(rows_tab())
    notes = [d for d in report.diagnostics if d.code == "label.fuzzy"]
    assert len(notes) == 1 and notes[0].severity == "info" and "没有现成信息需另行制作" in notes[0].message


def test_prose_fragment_like_a_label_outside_tables_stays_prose() -> None:
    original = seed_text("002_e299ec6f40b1d0d2")
    report = giar_parse.parse(original.replace("(一)主动公开情况", "要求行政机关确认或重新出", 1))
    assert not any(d.code == "label.fuzzy" for d in report.diagnostics)
    assert "要求行政机关确认或重新出" in report.sections[0].body
    assert report.requests == giar_parse.parse(original).requests
