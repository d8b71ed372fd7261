"""The LALR automaton run directly gives what Lark's own driver gives, skipped tokens included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Token

from conftest import SEED_IDS, SHARED_SAMPLES, seed_text
from giar_parse.reading import grammar, parser
from giar_parse.reading.grammar import LEXER_TERMINALS, lark_parser
from giar_parse.reading.lalr import automaton
from giar_parse.reading.lexer import tokens
from giar_parse.reading.normalise import Cell, cells

TERMINALS = sorted({t.name for t in lark_parser().terminals if t.name not in LEXER_TERMINALS} | LEXER_TERMINALS)


def both(stream: list[Token]) -> tuple[object, object]:
    fast_notes: list[object] = []
    lark_notes: list[object] = []
    fast = parser._elements(stream, "x", fast_notes)  # type: ignore[arg-type]
    slow = parser._elements_by_lark(stream, "x", lark_notes)  # type: ignore[arg-type]
    return (fast, fast_notes), (slow, lark_notes)


def test_the_grammar_runs_on_the_automaton() -> None:
    assert automaton() is not None


def _texts() -> list[str]:
    texts = [seed_text(seed) for seed in SEED_IDS]
    if SHARED_SAMPLES.is_dir():
        texts += [path.read_text(encoding="utf-8") for path in sorted(SHARED_SAMPLES.glob("*.txt"))]
    return texts


@pytest.mark.parametrize("text", _texts())
def test_reports_read_alike(text: str) -> None:
    stream, _ = tokens(cells(text))
    fast, slow = both(stream)
    assert fast == slow
    assert len(fast[0]) > 5  # type: ignore[index]


def _token(kind: str, line: int) -> Token:
    cell = Cell("0" if kind == "CELLS" else kind.lower(), kind.lower(), line, 1)
    token = Token(kind, cell.raw, line=line, column=1)
    token.value = (cell,) if kind == "CELLS" else cell
    return token


@given(st.lists(st.sampled_from(TERMINALS), max_size=60))
def test_any_token_stream_reads_alike(kinds: list[str]) -> None:
    stream = [_token(kind, line) for line, kind in enumerate(kinds, start=1)]
    fast, slow = both(stream)
    assert fast == slow


def test_stray_tokens_are_skipped_alike() -> None:
    kinds = ["HEADING_REQUESTS", "CELLS", "RECEIVED", "CELLS", "CELLS", "INFO_CONTENT", "CELLS", "CELLS"]
    stream = [_token(kind, line) for line, kind in enumerate(kinds, start=1)]
    (elements, notes), slow = both(stream)
    assert (elements, notes) == slow
    # values straight after a heading, and a second run of values after a row's own
    assert [(note.code, note.line) for note in notes] == [("layout.unexpected", 2), ("layout.unexpected", 5)]  # type: ignore[attr-defined]


def test_tokens_made_by_slots_are_lark_tokens() -> None:
    assert grammar.make_token is grammar._token_by_slots  # lark 1.x, as installed
    cell = Cell("0", "０", 7, 3)
    for kind, value in (("CELLS", (cell,)), ("PROSE", cell)):
        fast = grammar._token_by_slots(kind, cell.raw, value, cell.line, cell.column)
        slow = grammar._token_by_lark(kind, cell.raw, value, cell.line, cell.column)
        assert type(fast) is type(slow) is Token
        assert str(fast) == str(slow) == "０"
        assert fast == slow
        assert {slot: getattr(fast, slot) for slot in Token.__slots__} == {
            slot: getattr(slow, slot) for slot in Token.__slots__
        }
