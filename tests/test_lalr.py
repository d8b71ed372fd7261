"""The LALR automaton run directly gives what Lark's own driver gives, skipped tokens included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SEED_IDS, SHARED_SAMPLES, seed_text
from giar_parse.reading import parser
from giar_parse.reading.cache import ENVIRONMENT
from giar_parse.reading.grammar import LEXER_TERMINALS, automaton, lark_parser
from giar_parse.reading.lexer import tokens
from giar_parse.reading.normalise import Cell, cells
from giar_parse.reading.token import Token, make_token

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
    return make_token(kind, (cell,) if kind in ("CELLS", "PROSE") else cell, line, 1)


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
    # values straight after a heading, and runs of values after a row (a row token carries its own)
    assert [(note.code, note.line) for note in notes] == [  # type: ignore[attr-defined]
        ("layout.unexpected", 2),
        ("layout.unexpected", 4),
        ("layout.unexpected", 5),
    ]


def test_a_token_is_its_terminal_payload_place_and_values() -> None:
    label, value = Cell("规章", "规章", 7, 1), Cell("0", "０", 7, 3)
    token = make_token("REGULATIONS", label, label.line, label.column, (value,))
    assert (token.type, token.value, token.line, token.column, token.cells) == ("REGULATIONS", label, 7, 1, (value,))
    assert make_token("PROSE", (label,), 7, 1).cells == ()
    with pytest.raises(AttributeError):
        token.type = "OTHER"  # type: ignore[misc]


def test_a_warm_process_never_imports_lark(tmp_path: Path) -> None:
    code = "import sys, giar_parse; giar_parse.parse(giar_parse.sample_text()); print('lark' in sys.modules)"
    env = {**os.environ, ENVIRONMENT: str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)]
    runs.append(subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True))
    assert [run.stdout.strip() for run in runs] == ["True", "False"]  # the first builds the tables with Lark
