"""grammar.lark, loaded once per process: its tables, automaton, cell classifier, and Lark's parser.

The LALR tables come from the grammar cache (or are built with Lark and cached); the
automaton runs them; Lark's own parser runs only where the automaton cannot.
A process that finds the tables in the cache never imports Lark.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from giar_parse.reading.cache import cache_dir, cached
from giar_parse.reading.firsts import first_characters
from giar_parse.reading.lalr import Automaton, Tables, automaton_of, tables_of
from giar_parse.reading.token import Token
from giar_parse.reading.transformer import ToElements

if TYPE_CHECKING:
    from lark import Lark

__all__ = [
    "LEXER_TERMINALS",
    "automaton",
    "classifier",
    "lark_parser",
    "load",
    "tables",
    "terminal_starts",
]

#: Terminals the lexer makes itself rather than by matching a cell against a pattern.
LEXER_TERMINALS = frozenset({"CELLS", "PROSE"})

# the plain-data form of the tables; a change to it (in lalr.tables_of) must change this
_TABLES_FORMAT = "lalr tables 2 (actions as ints), maybe_placeholders=False, terminals without CELLS PROSE"
_TABLE_KEYS = frozenset({"rules", "states", "start", "end", "terminals"})


def _source() -> str:
    """The text of grammar.lark: a file beside the package's modules, else a resource (e.g. in a zip)."""
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "grammar.lark"), encoding="utf-8") as file:
            return file.read()
    except OSError:
        from importlib import resources  # noqa: PLC0415 (a package that is not plain files)

        return resources.files("giar_parse").joinpath("grammar.lark").read_text(encoding="utf-8")


def _cell_terminal(name: str) -> bool:
    return name not in LEXER_TERMINALS


def _build(source: str) -> Lark:
    from lark import Lark  # noqa: PLC0415 (Lark only where the tables are built)
    from lark.lexer import Lexer  # noqa: PLC0415

    class TokenStream(Lexer):
        """Hands the tokens made by giar_parse.reading.lexer to the LALR parser unchanged."""

        def __init__(self, lexer_conf: Any) -> None:
            pass

        def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
            yield from data

    return Lark(source, parser="lalr", lexer=TokenStream, maybe_placeholders=False, transformer=ToElements())


@functools.lru_cache(maxsize=1)
def lark_parser() -> Lark:
    """Lark's LALR parser over cell tokens, built once per process (for a grammar the automaton cannot run)."""
    return _build(_source())


def _valid(loaded: object) -> bool:
    return isinstance(loaded, dict) and loaded.keys() == _TABLE_KEYS


@functools.lru_cache(maxsize=1)
def tables() -> Tables:
    """The grammar's LALR tables: loaded from the grammar cache, or built with Lark (then cached)."""
    key = "\0".join((_source(), _TABLES_FORMAT, sys.version))
    # built from the process's one Lark parser, which Lark's driver then uses where it must run
    return cached(key, lambda: tables_of(lark_parser(), _cell_terminal), cache_dir(), _valid)


@functools.lru_cache(maxsize=1)
def automaton() -> Automaton | None:
    """The automaton of the grammar (built once), or None where Lark's driver must run."""
    return automaton_of(tables(), ToElements())


@functools.lru_cache(maxsize=1)
def classifier() -> re.Pattern[str]:
    """One regex whose named groups are the grammar's cell terminals, for ``fullmatch``."""
    return re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in tables()["terminals"]))


@functools.lru_cache(maxsize=1)
def terminal_starts() -> tuple[frozenset[str] | None, ...]:
    """For each cell terminal (in the classifier's order), the characters its matches start with (None: any)."""
    return tuple(first_characters(pattern) for _, pattern in tables()["terminals"])


def load() -> None:
    """Load the grammar now (once per process), e.g. in a worker before its first report."""
    automaton()
    classifier()
    terminal_starts()
