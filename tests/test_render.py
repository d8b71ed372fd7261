"""render(): every layout of every real report reads back as the report; what each layout prints."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import giar_parse
from conftest import SHARED_SAMPLES, seed_text
from giar_parse import Layout
from reports import as_read_back, report, requests

LAYOUTS = list(Layout)
SAMPLES = (
    sorted(p for p in SHARED_SAMPLES.iterdir() if p.suffix in (".txt", ".html")) if SHARED_SAMPLES.is_dir() else []
)


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.value for layout in LAYOUTS])
def test_seed_reports_read_back_in_every_layout(seed_id: str, layout: Layout) -> None:
    parsed = giar_parse.parse(seed_text(seed_id))
    assert giar_parse.parse(giar_parse.render(parsed, layout=layout)) == as_read_back(parsed, layout)


@pytest.mark.skipif(not SAMPLES, reason="../shared/samples (development samples) is not beside this checkout")
@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.value for layout in LAYOUTS])
@pytest.mark.parametrize("path", SAMPLES, ids=[path.name for path in SAMPLES])
def test_2021_samples_read_back_in_every_layout(path: Path, layout: Layout) -> None:
    parsed = giar_parse.parse(path.read_text(encoding="utf-8"))
    assert parsed.template == "2021"
    assert giar_parse.parse(giar_parse.render(parsed, layout=layout)) == as_read_back(parsed, layout)


def test_default_layout_is_tabs_and_names_are_accepted() -> None:
    drawn = report()
    assert giar_parse.render(drawn) == giar_parse.render(drawn, layout=Layout.TABS)
    assert giar_parse.render(drawn, layout="pipes") == giar_parse.render(drawn, layout=Layout.PIPES)
    with pytest.raises(ValueError, match="columns"):
        giar_parse.render(drawn, layout="columns")


def test_canonical_text_of_a_messy_report() -> None:
    text = giar_parse.render(giar_parse.parse(seed_text("003_c3fc7b873e2e73f4")))
    lines = text.splitlines()
    assert "第二十条第（一）项" in lines
    assert (
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量" in lines
    )  # the header 003 prints as 本年新 / 本年新
    assert "政府集中采购\t15\t942.193万" in lines  # money as printed
    assert "一、本年新收政府信息公开申请数量\t71\t\t\t\t\t\t71" in lines  # blanks stay blank
    assert "（七）总计" not in text.split("四、政府信息公开行政复议")[1]


@pytest.mark.parametrize(
    ("layout", "line"),
    [
        (Layout.TABS, "（六）其他处理\t\t1\t\t\t\t\t1"),
        (Layout.PIPES, "| （六）其他处理 |  | 1 |  |  |  |  | 1 |"),
        (Layout.LINES, "\t"),
        (Layout.BLANK_LINES, "-"),
    ],
)
def test_how_each_layout_prints_a_blank_cell(layout: Layout, line: str) -> None:
    base = report(appeals=None)
    sparse = giar_parse.Counts(None, 1, None, None, None, None, 1)
    blank = attrs.evolve(base, requests=attrs.evolve(base.requests, other_handling=sparse))
    assert line in giar_parse.render(blank, layout=layout).splitlines()


def test_spaced_layout_pads_columns_and_prints_blanks_as_placeholders() -> None:
    text = giar_parse.render(report(requests=requests(None)), layout=Layout.SPACED)
    received = next(line for line in text.splitlines() if line.startswith("一、本年新收"))
    assert received.split() == ["一、本年新收政府信息公开申请数量", *["-"] * 7]
    assert "\t" not in text and "|" not in text


def test_preamble_states_what_parse_reads_as_metadata() -> None:
    parsed = giar_parse.parse(seed_text("004_7d9c962fed462d95"))
    head = giar_parse.render(parsed).splitlines()[:3]
    assert head[0] == parsed.title
    assert head[1] == "日期:2021-02-05"
    assert "统计期限自2020年1月1日起，至2020年12月31日止" in head[2]
    untitled = giar_parse.parse(giar_parse.render(report(title=None, agency=None)))
    assert (untitled.title, untitled.year) == (None, 2020)


def test_layout_names_and_exports() -> None:
    assert [layout.value for layout in Layout] == [
        "tabs",
        "lines",
        "blank_lines",
        "pipes",
        "spaced",
        "grid",
        "markdown",
    ]
    assert {"render", "Layout"} <= set(giar_parse.__all__)
    assert "strategies" not in giar_parse.__all__  # needs hypothesis: import giar_parse.strategies


def test_grid_repeats_merged_cells_and_markdown_marks_headings() -> None:
    grid = giar_parse.render(report("2021"), layout=Layout.GRID).split("\n")
    assert "行政许可\t0\t0\t0" in grid  # one value spanning the block's three columns
    assert "一、本年新收政府信息公开申请数量\t一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0" in grid
    markdown = giar_parse.render(report("2021"), layout=Layout.MARKDOWN).split("\n")
    assert "## 三、收到和处理政府信息公开申请情况" in markdown
    assert markdown[markdown.index("| 行政复议 | 行政诉讼 |") + 1] == "|---|---|"


def test_single_other_handling_row_and_sub_rows_both_print() -> None:
    # a 2021 table that prints （六） with numbers and its three sub-rows as well
    base = report("2021")
    both = attrs.evolve(base, requests=attrs.evolve(base.requests, other_handling=requests(3).other_handling))
    for layout in LAYOUTS:
        assert giar_parse.parse(giar_parse.render(both, layout=layout)) == as_read_back(both, layout)
