"""Property 3: the noise real documents carry does not change what a report reads as.

A drawn report is rendered, noise is added to its labels, headings and lines (never to
a value or a prose body), and the text must still parse to the report itself (``==``:
values, metadata, headings, bodies; diagnostics and provenance are not compared).
"""

from __future__ import annotations

import random
import re
import unicodedata

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import giar_parse
from giar_parse import AppealTable, Layout, Outcomes, Report, checks, strategies
from giar_parse.labels import REQUEST_COLUMNS, REQUEST_GROUPS
from giar_parse.reading.normalise import fold
from giar_parse.reading.values import is_value
from giar_parse.writing.layouts import Block, lay_out
from giar_parse.writing.render import blocks
from reports import as_read_back, report

LAYOUTS = list(Layout)
ROW_LAYOUTS = frozenset({Layout.TABS, Layout.PIPES, Layout.SPACED, Layout.GRID, Layout.MARKDOWN})

CELL_LAYOUTS = frozenset({Layout.LINES, Layout.BLANK_LINES})
#: The header words of table 四.
APPEAL_HEADER = frozenset(
    {"行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"}
)

#: Header cells and the two pieces HTML and PDF text break them into (本年新<br/>制作数量).
SPLITS = {
    "本年新制作数量": ("本年新", "制作数量"),
    "本年新公开数量": ("本年新", "公开数量"),
    "对外公开总数量": ("对外公开", "总数量"),
    "上一年项目数量": ("上一年", "项目数量"),
    "本年增/减": ("本年增/", "减"),
    "本年制发件数": ("本年制发", "件数"),
    "本年废止件数": ("本年废止", "件数"),
    "现行有效件数": ("现行有效", "件数"),
    "本年收费金额（单位：万元）": ("本年收费金额（单位：", "万元）"),
    "申请人情况": ("申请人", "情况"),
    "法人或其他组织": ("法人或其他", "组织"),
    "商业企业": ("商业", "企业"),
    "科研机构": ("科研", "机构"),
    "社会公益组织": ("社会公益", "组织"),
    "法律服务机构": ("法律服务", "机构"),
    "结果维持": ("结果", "维持"),
    "结果纠正": ("结果", "纠正"),
    "其他结果": ("其他", "结果"),
    "尚未审结": ("尚未", "审结"),
}
#: Group labels of table 三 that text extraction drops (the rows restart at 1.).
DROPPABLE = frozenset(label for key, label in REQUEST_GROUPS.items() if key != "outcomes")
TRADITIONAL = str.maketrans(
    "总复议诉讼结转申请处理维持纠正审开关数项决况", "總複議訴訟結轉申請處理維持糾正審開關數項決況"
)
HALF_WIDTH = str.maketrans("（）：，／", "():,/")
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
QUOTES = ['"{}"', "{}", "「{}」", "'{}'"]
ENUMERATOR = re.compile(r"^(\d\.|（[一二三四五六七]）|[一二三四]、)")
CHROME_TOP = ["您当前的位置：首页 > 政务公开 > 政府信息公开年报", "【打印】 【关闭】"]
CHROME_BOTTOM = [
    "扫一扫在手机打开当前页",
    "版权所有：重庆市人民政府办公厅",
    "网站标识码：5000000095",
    "渝ICP备05003300号",
]
PAGE_NUMBERS = ["- {} -", "第 {} 页", "第{}页，共9页"]


def is_label(cell: str) -> bool:
    return bool(cell) and not is_value(fold(cell))


def is_header(row: tuple[str, ...]) -> bool:
    return any(cell in SPLITS for cell in row) and not any(cell and not is_label(cell) for cell in row)


@attrs.frozen
class Noise:
    """Which noise to add (each kind on or off) and a seed for the cells it touches."""

    punctuation: bool = False  # half-width （）：，／, full-width digits in enumerators
    spaces: bool = False  # 结果 维持, 1. 属于
    quotes: bool = False  # “三安全一稳定” as "…", '…', 「…」 or bare
    split_headers: bool = False  # 本年新 / 制作数量
    drop_groups: bool = False  # （三）（四）（五）（六） group labels gone
    headings: bool = False  # 一. 一． 一， and [bookmark: _Toc…] before headings
    chrome: bool = False  # breadcrumbs, footers, page numbers between lines
    traditional: bool = False  # 總計, 複議, 訴訟 … in the labels (mirror sites serve 繁体)
    repeated: bool = False  # a row label copied into the grid cells its merged cell covers
    letters: bool = False  # table 四's header one character per line (each its own <p>)
    low_values: bool = False  # pdftotext -layout: a value printed low in its cell, on the next line, same x
    seed: int = 0

    def label(self, cell: str, rng: random.Random) -> str:
        if self.punctuation and rng.random() < 0.5:
            cell = cell.translate(HALF_WIDTH)
        if self.punctuation and rng.random() < 0.3:
            cell = cell[:2].translate(FULL_WIDTH) + cell[2:]
        if self.quotes and "“" in cell:
            inner = cell[cell.index("“") + 1 : cell.index("”")]
            cell = cell.replace(f"“{inner}”", rng.choice(QUOTES).format(inner))
        if self.traditional:
            cell = cell.translate(TRADITIONAL)
        match = ENUMERATOR.match(cell)
        if self.spaces and match and rng.random() < 0.5:
            cell = f"{match.group()} {cell[match.end() :]}"
        elif self.spaces and len(cell) >= 2 and rng.random() < 0.3:
            at = rng.randrange(1, len(cell))
            if cell[at - 1] != " " and cell[at] != " ":
                cell = f"{cell[:at]} {cell[at:]}"
        return cell

    def heading(self, heading: str, rng: random.Random) -> str:
        if not self.headings:
            return heading
        heading = heading[0] + rng.choice("、.．，") + heading[2:]
        return f"[bookmark: _Toc{rng.randrange(1000, 99999)}]{heading}" if rng.random() < 0.5 else heading

    def table(self, rows: tuple[tuple[str, ...], ...], layout: Layout, rng: random.Random) -> Block:
        out: list[tuple[str, ...]] = []
        for row in rows:
            if self.drop_groups and len(row) > 1 and row[0] in DROPPABLE and is_label(row[1]):
                row = row[1:]
            letters = self.letters and layout in CELL_LAYOUTS and all(cell in APPEAL_HEADER for cell in row)
            for piece in split_header(row, layout) if self.split_headers and is_header(row) else [row]:
                if letters:
                    piece = tuple(letter for cell in piece for letter in cell)
                noisy = tuple(self.label(cell, rng) if is_label(cell) else cell for cell in piece)
                # (the grid layout repeats merged cells itself)
                repeat = self.repeated and layout in ROW_LAYOUTS and layout is not Layout.GRID
                if repeat and len(noisy) > 1 and is_label(noisy[0]):
                    noisy = (noisy[0],) * rng.randrange(1, 4) + noisy[1:]
                out.append(noisy)
        return Block("table", tuple(out))

    def apply(self, report: Report, layout: Layout) -> str:
        """``report`` rendered in ``layout`` with this noise."""
        rng = random.Random(self.seed)
        noisy = []
        for block in blocks(report):
            if block.kind == "heading":
                block = Block("heading", ((self.heading(block.rows[0][0], rng),),))
            elif block.kind == "table":
                block = self.table(block.rows, layout, rng)
            noisy.append(block)
        lines = lay_out(noisy, layout).split("\n")
        if self.low_values and layout is Layout.SPACED:
            # a row of table 三 placed by x position stands only where the table's identities hold
            holds = report.requests is None or not checks.check_requests(report.requests)
            lines = low_values(lines, rng, keep=frozenset() if holds else frozenset({len(REQUEST_COLUMNS)}))
        if not self.chrome:
            return "\n".join(lines)
        for _ in range(rng.randrange(4)):
            page = rng.choice(PAGE_NUMBERS).format(rng.randrange(1, 10))
            at = rng.randrange(len(lines) + 1)
            lines[at:at] = ["", page, ""] if layout is Layout.BLANK_LINES else [page]
        top = rng.sample(CHROME_TOP, rng.randrange(len(CHROME_TOP) + 1))
        bottom = rng.sample(CHROME_BOTTOM, rng.randrange(len(CHROME_BOTTOM) + 1))
        return "\n".join([*top, *lines, *bottom])


SPACE_RUN = re.compile(r" {2,}")
VALUE_RUN = re.compile(r"\S+")


def low_values(lines: list[str], rng: random.Random, keep: frozenset[int] = frozenset()) -> list[str]:
    """Padded rows with one of their values (any one) moved down a line, at the same x (sometimes).

    The spaced layout pads to display width (a CJK character is two columns wide), so a moved
    value keeps its display column, not its character offset.  At least two rows printing as
    many values stay whole: they show where the columns are.  Rows printing a number of values
    in ``keep`` are left alone.
    """
    rows: dict[int, list[tuple[int, re.Match[str]]]] = {}
    for at, line in enumerate(lines):
        gaps = list(SPACE_RUN.finditer(line))
        if len(gaps) < 2 or not is_label(line[: gaps[0].start()].strip()):
            continue
        values = list(VALUE_RUN.finditer(line, gaps[0].end()))
        if len(values) not in keep and all(is_value(fold(value.group())) for value in values):
            rows.setdefault(len(values), []).append((at, rng.choice(values)))
    moved: dict[int, re.Match[str]] = {}
    for group in rows.values():
        # a label too long for the label column pushes its row off the grid: its values stay
        ends = [display_width(lines[at].rstrip()) for at, _ in group]
        grid = max(set(ends), key=ends.count)
        on_grid = [(at, value) for (at, value), end in zip(group, ends, strict=True) if end == grid]
        movable = len(on_grid) - 2
        for at, value in on_grid:
            if movable > 0 and rng.random() < 0.5:
                moved[at] = value
                movable -= 1
    out: list[str] = []
    for at, line in enumerate(lines):
        value = moved.get(at)
        if value is None:
            out.append(line)
            continue
        x = display_width(line[: value.start()])
        kept = line[: value.start()] + " " * len(value.group()) + line[value.end() :]
        out.extend([kept.rstrip(), " " * x + value.group()])
    return out


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def split_header(row: tuple[str, ...], layout: Layout) -> list[tuple[str, ...]]:
    """A header row with its long cells broken in two: in place for one-cell-per-line
    layouts, over two rows (blank cells under the unbroken ones) for row layouts."""
    if layout not in ROW_LAYOUTS:
        return [tuple(piece for cell in row for piece in SPLITS.get(cell, (cell,)))]
    first = tuple(SPLITS.get(cell, (cell, ""))[0] for cell in row)
    second = tuple(SPLITS.get(cell, ("", ""))[1] for cell in row)
    if layout is Layout.SPACED:  # pdftotext prints nothing, not a placeholder, under a header
        second = tuple(cell for cell in second if cell)
    return [first, second]


NOISES = st.builds(
    Noise,
    *[st.booleans()] * 11,
    seed=st.integers(0, 2**32 - 1),  # type: ignore[arg-type]
)
ALL_NOISE = Noise(*[True] * 11)  # type: ignore[arg-type]

#: Table 四's header split over two lines ends in a blank cell under 总计, which was read
#: as the first value and moved every value one column right (review.upheld → corrected).
HEADER_PADDING = report(appeals=AppealTable(Outcomes(1, None, None, None, None), Outcomes(), Outcomes()))


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.value for layout in LAYOUTS])
@given(drawn=strategies.reports(), noise=NOISES)
@example(drawn=HEADER_PADDING, noise=Noise(split_headers=True))
@example(drawn=report(), noise=ALL_NOISE)
@example(drawn=report("2021"), noise=ALL_NOISE)
def test_noise_does_not_change_values(layout: Layout, drawn: Report, noise: Noise) -> None:
    """Property 3: the noisy text parses to the report (placeholders as in property 1)."""
    assert giar_parse.parse(noise.apply(drawn, layout)) == as_read_back(drawn, layout)
