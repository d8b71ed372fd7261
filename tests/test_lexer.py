"""The token stream: a table row is one token carrying its values; prose comes in runs; stray text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import giar_parse
from conftest import DATA
from giar_parse import labels
from giar_parse.reading import normalise
from giar_parse.reading.grammar import classifier, tables, terminal_starts
from giar_parse.reading.lexer import tokens
from giar_parse.reading.normalise import cells, fold
from giar_parse.reading.terminals import _Terminals

ROWS_TAB_2021 = (DATA / "2021" / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")
RECEIVED_ROW = "一、本年新收政府信息公开申请数量\t80\t1\t0\t0\t0\t0\t81"


def stream(text: str) -> list[tuple[str, str, list[str]]]:
    found, _ = tokens(cells(text))
    # a PROSE token's value is its run of cells, any other's its own cell
    first = [token.value[0] if token.type == "PROSE" else token.value for token in found]
    return [
        (token.type, cell.raw, [value.raw for value in token.cells]) for token, cell in zip(found, first, strict=True)
    ]


def test_a_table_row_is_one_token_with_its_values() -> None:
    assert RECEIVED_ROW in ROWS_TAB_2021
    row = [item for item in stream(ROWS_TAB_2021) if item[0] == "RECEIVED"]
    assert row == [("RECEIVED", "一、本年新收政府信息公开申请数量", ["80", "1", "0", "0", "0", "0", "81"])]


def test_a_header_cell_carries_the_blank_cells_after_it() -> None:
    text = "三、收到和处理政府信息公开申请情况\n申请人情况\t\t\n自然人\t法人或其他组织\n" + RECEIVED_ROW
    kinds = [(kind, values) for kind, _, values in stream(text)]
    assert kinds == [
        ("HEADING_REQUESTS", []),
        ("APPLICANT_HEADER", ["", ""]),
        ("APPLICANT_HEADER", []),
        ("APPLICANT_HEADER", []),
        ("RECEIVED", ["80", "1", "0", "0", "0", "0", "81"]),
    ]


def test_consecutive_prose_lines_are_one_token() -> None:
    text = "一、总体情况\n第一句。\n第二句。\n第三句。\n二、主动公开政府信息情况"
    found, _ = tokens(cells(text))
    assert [token.type for token in found] == ["HEADING_OVERVIEW", "PROSE", "HEADING_ACTIVE"]
    assert [cell.raw for cell in found[1].value] == ["第一句。", "第二句。", "第三句。"]


def test_a_stray_text_between_a_label_and_its_values_leaves_them_the_rows() -> None:
    # one cell per line, a stray word (a page header left in the text) before the values
    values = ["80", "1", "0", "0", "0", "0", "81"]
    row = "\n".join(["一、本年新收政府信息公开申请数量", "第二页附表", *values])
    text = ROWS_TAB_2021.replace(RECEIVED_ROW, row)
    found, notes = tokens(cells(text))
    received = next(token for token in found if token.type == "RECEIVED")
    assert [cell.raw for cell in received.cells] == values
    assert [(note.code, note.message) for note in notes if note.code == "text.ignored"] == [
        ("text.ignored", "ignored text '第二页附表' inside a table")
    ]
    assert giar_parse.parse(text) == giar_parse.parse(ROWS_TAB_2021)


def test_values_after_a_stray_text_that_ended_a_row_are_no_rows() -> None:
    # the row prints its seven values, then a stray word and more values: those are not the row's
    text = ROWS_TAB_2021.replace(RECEIVED_ROW, RECEIVED_ROW + "\n第二页附表\n5\t6")
    found, _ = tokens(cells(text))
    received = next(index for index, token in enumerate(found) if token.type == "RECEIVED")
    assert [cell.raw for cell in found[received].cells] == ["80", "1", "0", "0", "0", "0", "81"]
    assert found[received + 1].type == "CELLS"
    assert [cell.raw for cell in found[received + 1].value] == ["5", "6"]
    report = giar_parse.parse(text)
    assert report.requests == giar_parse.parse(ROWS_TAB_2021).requests
    skipped = [d for d in report.diagnostics if d.code == "layout.unexpected"]
    assert [d.message for d in skipped] == ["'5 6' is out of place for the table layout and was skipped"]


def test_an_out_of_place_row_is_skipped_with_its_values() -> None:
    # a table 二 row inside table 三: neither it nor its values are read into the row before it
    text = ROWS_TAB_2021.replace(RECEIVED_ROW, RECEIVED_ROW + "\n行政许可\t9\t9")
    report = giar_parse.parse(text)
    assert report.requests == giar_parse.parse(ROWS_TAB_2021).requests
    skipped = [d for d in report.diagnostics if d.code == "layout.unexpected"]
    assert [d.message for d in skipped] == ["'行政许可 9 9' is out of place for the table layout and was skipped"]


# every label and heading of both templates, as printed
OFFICIAL = [
    *labels.REQUEST_ROWS.values(),
    *(label for _, label in labels.ACTIVE_ROWS_2019.values()),
    *(label for _, label in labels.ACTIVE_ROWS_2021.values()),
    *(heading for _, heading in labels.SECTIONS.values()),
]


# an official label (folded), or a text of their letters and a few others
_LABEL_TEXT = st.one_of(
    st.sampled_from(sorted({fold(label) for label in OFFICIAL})),
    st.text(alphabet="".join(sorted({char for label in OFFICIAL for char in fold(label)})) + "x9(", min_size=1),
)


@given(_LABEL_TEXT)
def test_a_cell_a_terminal_matches_starts_with_one_of_that_terminals_first_characters(text: str) -> None:
    match = classifier().fullmatch(text)
    if match:
        names = [name for name, _ in tables()["terminals"]]
        starts = terminal_starts()[names.index(match.lastgroup or "")]
        assert starts is not None and text[0] in starts


@given(st.lists(_LABEL_TEXT, min_size=1, max_size=8))
def test_the_terminal_by_first_character_is_the_classifiers(texts: list[str]) -> None:
    # a fresh look-up, each text asked often enough that its first character's own regex answers too
    by_first = _Terminals(tables()["terminals"], terminal_starts(), classifier())
    for text in texts:
        match = classifier().fullmatch(text)
        expected = match.lastgroup if match else None
        assert {by_first.of(text) for _ in range(30)} == {expected}


def reads_alike(found: tuple[str, str, int, bool] | None, line: str, *, indent_tab: bool) -> None:
    """A cached line's reading (one cell, dropped, or None: several) is what the general cut makes of it."""
    out: list[normalise.Cell] = []
    spaced: list[int] = []
    normalise._cut_line(line, 1, normalise._Found(indent_tab, True, True), out, spaced)
    if found is normalise._DROPPED:
        assert out == []
    elif found is None:
        assert len(out) > 1
    else:
        text, raw, column, space = found
        assert out == [normalise.Cell(text, raw, 1, column)]
        assert spaced == ([0] if space else [])


@given(
    st.text(
        alphabet=st.sampled_from(
            list("当前位置：首页版权所有第页1２- \u3000\u00a0\f\v一、总体情况（）ICP备公网安备無法規章0")
        ),
        max_size=30,
    )
)
def test_a_short_line_reads_as_the_general_cut_reads_it(line: str) -> None:
    # the cached short-line path (a label, a number, a heading) against the general one
    if "\t" in line or "|" in line or "  " in line or "\n" in line or "\r" in line:
        return
    reads_alike(normalise._short_line(line), line, indent_tab=False)


@given(
    st.text(
        alphabet=st.sampled_from(list("当前位置：首页版权所有第页1２- \u3000\f一、总体情况（）ICP備0")), max_size=30
    )
)
def test_a_tab_indented_cell_reads_as_the_general_cut_reads_it(text: str) -> None:
    # a Word document read cell by cell: one tab, then the cell
    line = "\t" + text
    if "\t" in text or "\n" in text or "\r" in text:
        return
    reads_alike(normalise._indented_line(line), line, indent_tab=True)


def split_pipes_by_definition(line: str) -> list[tuple[int, str]]:
    """A pipe-separated line's pieces and their offsets, as the reader first cut them."""
    pieces: list[tuple[int, str]] = []
    offset = 0
    for piece in line.split("|"):
        pieces.append((offset, piece))
        offset += len(piece) + 1
    stripped = line.strip()
    if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
        return pieces[1:-1]
    if pieces and not pieces[0][1].strip() and line.lstrip().startswith("|"):
        pieces.pop(0)
    while pieces and not pieces[-1][1].strip():
        pieces.pop()
    return pieces or [(0, "")]


@given(st.text(alphabet=st.sampled_from(list("| a1 规章\u3000-")), max_size=20))
def test_pipes_cut_as_defined(line: str) -> None:
    assert normalise._split_pipes(line) == split_pipes_by_definition(line)
