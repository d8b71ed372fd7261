"""Text forms real reports come in that once lost a table or returned a wrong number (issue 11).

Every text here is written by the test itself: a report of zeros rendered by ``render``
(see ``reports.py``), with one table or row rewritten into the shape under test.
"""

from __future__ import annotations

import re

import pytest

import giar_parse
from giar_parse import Layout, render
from reports import report

_APPEAL_HEADER = "四、政府信息公开行政复议、行政诉讼情况"
_OUTCOME_WORDS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_APPEAL_WORDS = ["行政复议", "行政诉讼", *_OUTCOME_WORDS, "未经复议直接起诉", "复议后起诉", *_OUTCOME_WORDS * 2]
_APPEAL_VALUES = [1, 2, 3, 4, 10, 0, 0, 0, 0, 0, 1, 1, 1, 1, 4]


def _with_appeals(table: str, template: str = "2019") -> str:
    """A rendered report whose table 四 is replaced by ``table`` (lines after the heading)."""
    text = render(report(template), layout=Layout.LINES)
    start = text.index(_APPEAL_HEADER)
    end = text.index("五、存在的主要问题")
    return text[:start] + _APPEAL_HEADER + "\n" + table + "\n\n" + text[end:]


def _values(text: str) -> list[int | None]:
    appeals = giar_parse.parse(text).appeals
    assert appeals is not None
    return [getattr(getattr(appeals, g), o) for g in ("review", "litigation", "litigation_after_review") for o in
            ("upheld", "corrected", "other", "pending", "total")]  # fmt: skip


def _codes(text: str) -> dict[str, str]:
    return {d.code: d.severity for d in giar_parse.parse(text).diagnostics}


# --- 1. a table never disappears silently ---


def test_a_header_printed_one_character_per_line_is_read() -> None:
    header = "\n".join(char for word in _APPEAL_WORDS for char in word)
    text = _with_appeals(header + "\n" + "\n".join(str(v) for v in _APPEAL_VALUES))
    assert _values(text) == _APPEAL_VALUES


def test_header_words_interleaved_over_lines_are_dropped_and_the_values_read() -> None:
    # a PDF text: the lines of a two-line header word cross, leaving pieces like 其他结 / 果
    header = "行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结果 结果 其他结 尚未\n总计\n"
    header += "维持 纠正 果 审结 总计 总计\n其他结"
    text = _with_appeals(header + "\n" + " ".join(str(v) for v in _APPEAL_VALUES))
    assert _values(text) == _APPEAL_VALUES


def test_a_table_whose_values_cannot_be_placed_is_an_error_not_a_silent_none() -> None:
    table = "\n".join(_APPEAL_WORDS) + "\n数据见附件说明\n" + "\n".join(str(v) for v in _APPEAL_VALUES)
    text = _with_appeals(table)
    parsed = giar_parse.parse(text)
    assert parsed.appeals is None
    unreadable = [d for d in parsed.diagnostics if d.code == "table.unreadable"]
    assert unreadable and unreadable[0].severity == "error" and unreadable[0].path == "appeals"
    with pytest.raises(giar_parse.IncompleteReportError):
        giar_parse.parse(text, strict=True)


def test_table_three_with_a_header_and_no_readable_row_is_an_error() -> None:
    text = render(report(), layout=Layout.LINES)
    start, end = text.index("\t一、本年新收"), text.index(_APPEAL_HEADER)
    cut = text[:start] + "\t本表数据另见附件\n" + "\t0\n" * 20 + "\n" + text[end:]
    parsed = giar_parse.parse(cut)
    assert parsed.requests is None
    assert [d.path for d in parsed.diagnostics if d.code == "table.unreadable"] == ["requests"]


# --- 2. a guess must agree with the report's own arithmetic ---


def _two_values(natural_person: int, total: int) -> str:
    text = render(report(), layout=Layout.TABS)
    line = "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"
    assert line in text
    return text.replace(line, f"一、本年新收政府信息公开申请数量\t{natural_person}\t{total}")


def test_two_values_that_differ_are_not_read_as_natural_person_and_total() -> None:
    parsed = giar_parse.parse(_two_values(3, 1))
    assert parsed.requests is not None and parsed.requests.received is not None
    assert parsed.requests.received.natural_person is None and parsed.requests.received.total is None
    errors = [d for d in parsed.diagnostics if d.code == "cells.disagree"]
    assert errors and errors[0].path == "requests.received" and errors[0].severity == "error"
    assert not any(d.code == "identity.row_sum" and d.path == "requests.received.total" for d in parsed.diagnostics)


def test_two_equal_values_that_break_a_column_identity_are_not_read() -> None:
    # 3 and 3 agree with the row sum, but 本年新收 3 with every other row 0 breaks the flow identity
    parsed = giar_parse.parse(_two_values(3, 3))
    assert parsed.requests is not None and parsed.requests.received is not None
    assert parsed.requests.received.natural_person is None
    assert "cells.disagree" in _codes(_two_values(3, 3))


def test_two_equal_values_that_agree_with_every_identity_are_read() -> None:
    parsed = giar_parse.parse(_two_values(0, 0))
    assert parsed.requests is not None and parsed.requests.received is not None
    assert parsed.requests.received.natural_person == 0 and parsed.requests.received.business is None
    assert _codes(_two_values(0, 0)).get("cells.assigned") == "warning"


def test_three_appeal_values_are_totals_only_when_all_are_zero_and_the_outcomes_print_blank() -> None:
    table = "\n".join(_APPEAL_WORDS)
    blank_outcomes = "|\n|\n|\n0 |\n" + "|\n|\n|\n|\n0 |\n" * 2  # as a pipe table of one cell per line prints it
    assert _values(_with_appeals(table + "\n" + blank_outcomes)) == [None, None, None, None, 0] * 3
    for values in ("3 |", "1 |", "2 |"):
        blank_outcomes = blank_outcomes.replace("0 |", values, 1)
    text = _with_appeals(table + "\n" + blank_outcomes)
    assert _values(text) == [None] * 15
    assert _codes(text).get("cells.missing") == "error"
    # three 0s and nothing else: a text that lost twelve cells of any columns prints the same
    text = _with_appeals(table + "\n0\n0\n0")
    assert _values(text) == [None] * 15
    assert _codes(text).get("cells.missing") == "error"


# --- 4. merged cells repeated into every grid cell they cover ---


def test_repeated_label_cells_are_one_label() -> None:
    text = render(report(), layout=Layout.TABS)
    line = "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"
    label = "一、本年新收政府信息公开申请数量"
    changed = text.replace(line, f"{label}\t{label}\t{label}\t0\t0\t0\t0\t0\t0\t0")
    assert giar_parse.parse(changed) == giar_parse.parse(text)


def test_a_value_printed_once_per_spanned_column_is_read_once() -> None:
    text = render(report("2021"), layout=Layout.TABS)
    assert "\n行政许可\t0\n" in text
    parsed = giar_parse.parse(text.replace("\n行政许可\t0\n", "\n行政许可\t7\t7\t7\n"))
    assert parsed.active is not None and parsed.active.licensing is not None
    assert parsed.active.licensing.decisions == 7
    assert any(d.code == "cells.spanned" and d.path == "active.licensing" for d in parsed.diagnostics)
    unequal = giar_parse.parse(text.replace("\n行政许可\t0\n", "\n行政许可\t7\t8\t7\n"))
    assert unequal.active is not None and unequal.active.licensing is not None
    assert unequal.active.licensing.decisions is None


# --- 5. duplicate rows ---

_DUPLICATES = "2.重复申请\t0\t0\t0\t0\t0\t0\t0\n"


def test_an_empty_copy_of_a_row_gives_way_to_the_one_with_values() -> None:
    text = render(report(), layout=Layout.TABS)
    assert _DUPLICATES in text
    parsed = giar_parse.parse(text.replace(_DUPLICATES, "2.重复申请\n" + _DUPLICATES))
    assert parsed.requests is not None and parsed.requests.not_processed.duplicates is not None
    assert parsed.requests.not_processed.duplicates.natural_person == 0
    assert any(d.code == "row.duplicate" for d in parsed.diagnostics)


def test_copies_of_a_row_that_disagree_are_not_read() -> None:
    text = render(report(), layout=Layout.TABS)
    parsed = giar_parse.parse(text.replace(_DUPLICATES, _DUPLICATES + _DUPLICATES.replace("\t0\t0\t0", "\t5\t0\t0", 1)))
    assert parsed.requests is not None and parsed.requests.not_processed.duplicates is not None
    assert parsed.requests.not_processed.duplicates.natural_person is None
    conflict = [d for d in parsed.diagnostics if d.code == "row.conflict"]
    assert conflict and conflict[0].severity == "error" and conflict[0].path == "requests.not_processed.duplicates"
    assert "lines" in conflict[0].message


# --- 6. markdown from converters ---


def test_markdown_headings_bold_and_placeholder_headers() -> None:
    text = render(report(), layout=Layout.PIPES)
    label = "一、本年新收政府信息公开申请数量"
    line = f"| {label} | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert line in text
    placeholders = "| " + " | ".join(f"数据{i}" for i in range(1, 8)) + " |"
    as_heading = f"### {label}\n\n{placeholders}\n|---|---|---|---|---|---|---|\n"
    changed = text.replace(line, as_heading + "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
    title = "重庆市2020年政府信息公开工作年度报告"
    changed = changed.replace(title, f"# **{title}**").replace("四、政府信息公开", "## 四、政府信息公开")
    parsed = giar_parse.parse(changed)
    expected = giar_parse.parse(text)
    assert parsed.requests == expected.requests and parsed.appeals == expected.appeals
    assert parsed.title == title and parsed.agency == "重庆市"


# --- 7. Traditional characters ---

_SIMPLIFIED = "总复议诉讼结转申请处理维持纠正审报开关数项国务决况"
_TRADITIONAL = str.maketrans(_SIMPLIFIED, "總複議訴訟結轉申請處理維持糾正審報開關數項國務決況")


def test_traditional_labels_are_read_and_prose_kept_as_printed() -> None:
    text = render(report(), layout=Layout.TABS)
    parsed = giar_parse.parse(text.translate(_TRADITIONAL))
    expected = giar_parse.parse(text)
    assert (parsed.active, parsed.requests, parsed.appeals) == (expected.active, expected.requests, expected.appeals)
    assert parsed.title == "重庆市2020年政府信息公開工作年度報告" and parsed.agency == "重庆市"


# --- 8. wording variants ---


def test_wording_variants_of_section_one_and_the_title() -> None:
    text = render(report(), layout=Layout.TABS)
    text = text.replace("一、总体情况", "一、工作基本情况").replace("政府信息公开工作年度报告", "政府信息公开年报")
    parsed = giar_parse.parse(text)
    assert parsed.title == "重庆市2020年政府信息公开年报" and parsed.agency == "重庆市"
    assert [s.number for s in parsed.sections] == [1, 2, 3, 4, 5, 6]


def test_the_template_comes_from_the_tables_not_the_year() -> None:
    old_tables = render(report("2019"), layout=Layout.TABS).replace("2020年", "2022年")
    parsed = giar_parse.parse(old_tables)
    assert parsed.year == 2022 and parsed.template == "2019"
    assert _codes(old_tables).get("template.year_mismatch") == "warning"
    # a 2021-template report that cites the 2019 notice (国办公开办函〔2019〕60号) is still 2021
    new_tables = render(report("2021"), layout=Layout.TABS)
    cited = new_tables.replace("我们推进政务公开工作。", "根据国办公开办函〔2019〕60号要求，我们推进政务公开工作。")
    assert cited != new_tables
    assert giar_parse.parse(cited).template == "2021"


# --- 9. messages say blank when it is blank ---


def test_an_identity_over_a_blank_total_says_blank() -> None:
    text = render(report(), layout=Layout.TABS)
    line = "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"
    parsed = giar_parse.parse(text.replace(line, "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t"))
    row_sum = [d for d in parsed.diagnostics if d.code == "identity.row_sum"]
    assert row_sum and "总计 is blank" in row_sum[0].message and "is 0" not in row_sum[0].message


def test_a_missing_agency_is_said() -> None:
    text = render(report(), layout=Layout.TABS).replace("重庆市2020年政府信息公开工作年度报告", "")
    parsed = giar_parse.parse(text)
    assert parsed.agency is None
    assert _codes(text).get("metadata.agency") == "info"


def test_markdown_backslash_escapes_are_read_as_the_characters_they_escape() -> None:
    # mammoth and html2text write a paragraph starting with a numbered label as ``1\.属于国家秘密``
    text = giar_parse.render(giar_parse.parse(giar_parse.sample_text()), layout=giar_parse.Layout.LINES)
    escaped = re.sub(r"(?m)^(\t?)(\d)\.", r"\1\2\\.", text)
    assert "\t1\\.属于国家秘密" in escaped
    report = giar_parse.parse(escaped)
    assert report.requests == giar_parse.parse(text).requests
    assert not any(d.code == "row.missing" for d in report.diagnostics)
