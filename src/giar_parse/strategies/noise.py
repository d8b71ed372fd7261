"""The noise real documents carry, added to a rendered report without changing what it reads as.

Noise touches labels, headings and the lines between them, never a value or a prose body:
a text with any of it parses to the report it was rendered from (see :func:`read_back`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection

import attrs

from giar_parse import checks
from giar_parse.labels import REQUEST_COLUMNS, REQUEST_GROUPS
from giar_parse.model import Report
from giar_parse.reading.normalise import fold
from giar_parse.reading.values import is_value
from giar_parse.writing.layouts import PLACEHOLDER, Block, Layout, display_width, lay_out
from giar_parse.writing.render import blocks

__all__ = ["KINDS", "Noise", "read_back"]

#: The kinds of noise, each named after the shape it gives a text.
KINDS = (
    "punctuation",  # half-width （）：，／, full-width digits in enumerators
    "spaces",  # 结果 维持, 1. 属于
    "quotes",  # “三安全一稳定” as "…", '…', 「…」 or bare
    "split_headers",  # 本年新 / 制作数量
    "dropped_groups",  # （三）（四）（五）（六） group labels gone
    "bookmarks",  # 一. 一． 一， and [bookmark: _Toc…] before headings
    "chrome",  # breadcrumbs, footers, page numbers between lines
    "traditional",  # 總計, 複議, 訴訟 … in the labels (mirror sites serve 繁体)
    "repeated_labels",  # a row label copied into the grid cells its merged cell covers
    "one_character_headers",  # table 四's header one character per line (each its own <p>)
    "values_low",  # pdftotext -layout: a value printed low in its cell, on the next line, same x
)

#: Layouts that print a blank cell as a placeholder (see giar_parse.Layout).
_PLACEHOLDER_LAYOUTS = frozenset({Layout.BLANK_LINES, Layout.SPACED})
_ROW_LAYOUTS = frozenset({Layout.TABS, Layout.PIPES, Layout.SPACED, Layout.GRID, Layout.MARKDOWN})
_CELL_LAYOUTS = frozenset({Layout.LINES, Layout.BLANK_LINES})
#: The header words of table 四.
_APPEAL_HEADER = frozenset(
    {"行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"}
)
#: Header cells and the two pieces HTML and PDF text break them into (本年新<br/>制作数量).
_SPLITS = {
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
_DROPPABLE = frozenset(label for key, label in REQUEST_GROUPS.items() if key != "outcomes")
_TRADITIONAL = str.maketrans(
    "总复议诉讼结转申请处理维持纠正审开关数项决况", "總複議訴訟結轉申請處理維持糾正審開關數項決況"
)
_HALF_WIDTH = str.maketrans("（）：，／", "():,/")
_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
_QUOTES = ['"{}"', "{}", "「{}」", "'{}'"]
_ENUMERATOR = re.compile(r"^(\d\.|（[一二三四五六七]）|[一二三四]、)")
_CHROME_TOP = ["您当前的位置：首页 > 政务公开 > 政府信息公开年报", "【打印】 【关闭】"]
_CHROME_BOTTOM = [
    "扫一扫在手机打开当前页",
    "版权所有：某某市人民政府办公厅",
    "网站标识码：1000000001",
    "京ICP备00000000号",
]
_PAGE_NUMBERS = ["- {} -", "第 {} 页", "第{}页，共9页"]
_SPACE_RUN = re.compile(r" {2,}")
_VALUE_RUN = re.compile(r"\S+")


def read_back(report: Report, layout: Layout) -> Report:
    """The report ``parse(render(report, layout=layout))`` gives.

    The report itself, except in layouts that cannot show a blank cell: there a blank is
    printed as ``-``, which reads back as a placeholder, still null, but with a money
    cell's ``amount_text`` then ``"-"`` (the text as printed).
    """
    if layout not in _PLACEHOLDER_LAYOUTS or report.active is None:
        return report
    changes = {}
    for field in attrs.fields(type(report.active)):
        record = getattr(report.active, field.name)
        if record is not None and getattr(record, "amount_text", "") is None:
            changes[field.name] = attrs.evolve(record, amount_text=PLACEHOLDER)
    return attrs.evolve(report, active=attrs.evolve(report.active, **changes))


def _is_label(cell: str) -> bool:
    return bool(cell) and not is_value(fold(cell))


def _is_header(row: tuple[str, ...]) -> bool:
    return any(cell in _SPLITS for cell in row) and not any(cell and not _is_label(cell) for cell in row)


def _kinds(kinds: Collection[str]) -> frozenset[str]:
    unknown = set(kinds) - set(KINDS)
    if isinstance(kinds, str) or unknown:
        raise ValueError(f"noise kinds {kinds!r} must be a collection of {KINDS}")
    return frozenset(kinds)


@attrs.frozen
class Noise:
    """Which kinds of noise (``strategies.NOISE_KINDS``) to add, and a seed for the cells they touch."""

    kinds: frozenset[str] = attrs.field(default=frozenset(), converter=_kinds)
    seed: int = 0

    def apply(self, report: Report, layout: Layout) -> str:
        """``report`` rendered in ``layout`` with this noise."""
        rng = random.Random(self.seed)
        noisy = []
        for block in blocks(report):
            if block.kind == "heading":
                block = Block("heading", ((self._heading(block.rows[0][0], rng),),))
            elif block.kind == "table":
                block = self._table(block.rows, layout, rng)
            noisy.append(block)
        lines = lay_out(noisy, layout).split("\n")
        if "values_low" in self.kinds and layout is Layout.SPACED:
            # a row of table 三 placed by x position stands only where the table's identities hold
            holds = report.requests is None or not checks.check_requests(report.requests)
            lines = _low_values(lines, rng, keep=frozenset() if holds else frozenset({len(REQUEST_COLUMNS)}))
        if "chrome" not in self.kinds:
            return "\n".join(lines)
        for _ in range(rng.randrange(4)):
            page = rng.choice(_PAGE_NUMBERS).format(rng.randrange(1, 10))
            at = rng.randrange(len(lines) + 1)
            lines[at:at] = ["", page, ""] if layout is Layout.BLANK_LINES else [page]
        top = rng.sample(_CHROME_TOP, rng.randrange(len(_CHROME_TOP) + 1))
        bottom = rng.sample(_CHROME_BOTTOM, rng.randrange(len(_CHROME_BOTTOM) + 1))
        return "\n".join([*top, *lines, *bottom])

    def _label(self, cell: str, rng: random.Random) -> str:
        on = self.kinds
        if "punctuation" in on and rng.random() < 0.5:
            cell = cell.translate(_HALF_WIDTH)
        if "punctuation" in on and rng.random() < 0.3:
            cell = cell[:2].translate(_FULL_WIDTH) + cell[2:]
        if "quotes" in on and "“" in cell:
            inner = cell[cell.index("“") + 1 : cell.index("”")]
            cell = cell.replace(f"“{inner}”", rng.choice(_QUOTES).format(inner))
        if "traditional" in on:
            cell = cell.translate(_TRADITIONAL)
        match = _ENUMERATOR.match(cell)
        if "spaces" in on and match and rng.random() < 0.5:
            cell = f"{match.group()} {cell[match.end() :]}"
        elif "spaces" in on and len(cell) >= 2 and rng.random() < 0.3:
            at = rng.randrange(1, len(cell))
            if cell[at - 1] != " " and cell[at] != " ":
                cell = f"{cell[:at]} {cell[at:]}"
        return cell

    def _heading(self, heading: str, rng: random.Random) -> str:
        if "bookmarks" not in self.kinds:
            return heading
        heading = heading[0] + rng.choice("、.．，") + heading[2:]
        return f"[bookmark: _Toc{rng.randrange(1000, 99999)}]{heading}" if rng.random() < 0.5 else heading

    def _table(self, rows: tuple[tuple[str, ...], ...], layout: Layout, rng: random.Random) -> Block:
        on = self.kinds
        out: list[tuple[str, ...]] = []
        for row in rows:
            if "dropped_groups" in on and len(row) > 1 and row[0] in _DROPPABLE and _is_label(row[1]):
                row = row[1:]
            letters = (
                "one_character_headers" in on and layout in _CELL_LAYOUTS and all(c in _APPEAL_HEADER for c in row)
            )
            split = "split_headers" in on and _is_header(row)
            for piece in _split_header(row, layout) if split else [row]:
                if letters:
                    piece = tuple(letter for cell in piece for letter in cell)
                noisy = tuple(self._label(cell, rng) if _is_label(cell) else cell for cell in piece)
                # (the grid layout repeats merged cells itself)
                repeat = "repeated_labels" in on and layout in _ROW_LAYOUTS and layout is not Layout.GRID
                if repeat and len(noisy) > 1 and _is_label(noisy[0]):
                    noisy = (noisy[0],) * rng.randrange(1, 4) + noisy[1:]
                out.append(noisy)
        return Block("table", tuple(out))


def _low_values(lines: list[str], rng: random.Random, keep: frozenset[int] = frozenset()) -> list[str]:
    """Padded rows with one of their values (any one) moved down a line, at the same x (sometimes).

    The spaced layout pads to display width (a CJK character is two columns wide), so a moved
    value keeps its display column, not its character offset.  At least two rows printing as
    many values stay whole: they show where the columns are.  Rows printing a number of values
    in ``keep`` are left alone.
    """
    rows: dict[int, list[tuple[int, re.Match[str]]]] = {}
    for at, line in enumerate(lines):
        gaps = list(_SPACE_RUN.finditer(line))
        if len(gaps) < 2 or not _is_label(line[: gaps[0].start()].strip()):
            continue
        values = list(_VALUE_RUN.finditer(line, gaps[0].end()))
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
        low = moved.get(at)
        if low is None:
            out.append(line)
            continue
        x = display_width(line[: low.start()])
        kept = line[: low.start()] + " " * len(low.group()) + line[low.end() :]
        out.extend([kept.rstrip(), " " * x + low.group()])
    return out


def _split_header(row: tuple[str, ...], layout: Layout) -> list[tuple[str, ...]]:
    """A header row with its long cells broken in two.

    In place for one-cell-per-line layouts, over two rows (blank cells under the unbroken
    ones) for row layouts.
    """
    if layout not in _ROW_LAYOUTS:
        return [tuple(piece for cell in row for piece in _SPLITS.get(cell, (cell,)))]
    first = tuple(_SPLITS.get(cell, (cell, ""))[0] for cell in row)
    second = tuple(_SPLITS.get(cell, ("", ""))[1] for cell in row)
    if layout is Layout.SPACED:  # pdftotext prints nothing, not a placeholder, under a header
        second = tuple(cell for cell in second if cell)
    return [first, second]
