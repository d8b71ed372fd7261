"""The Lark parser for grammar.lark, built once per process, and the cell classifier it defines."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

from lark import Lark, Token
from lark.lexer import Lexer

from giar_parse.reading.cache import cache_dir, cached
from giar_parse.reading.transformer import ToElements

__all__ = ["LEXER_TERMINALS", "classifier", "lark_parser", "make_token"]

#: Terminals the lexer makes itself rather than by matching a cell against a pattern.
LEXER_TERMINALS = frozenset({"CELLS", "PROSE"})


# What Token.__new__ sets (lark 1.x); where a Lark version has other slots, its constructor is used.
_TOKEN_SLOTS = ("type", "start_pos", "value", "line", "column", "end_line", "end_column", "end_pos")
_new_str = str.__new__


def _token_by_slots(kind: str, raw: str, value: object, line: int, column: int) -> Token:
    token: Token = _new_str(Token, raw)
    token.type = kind
    token.value = value
    token.line = line
    token.column = column
    token.start_pos = token.end_line = token.end_column = token.end_pos = None
    return token


def _token_by_lark(kind: str, raw: str, value: object, line: int, column: int) -> Token:
    token = Token(kind, raw, line=line, column=column)
    token.value = value
    return token


#: ``make_token(kind, raw, value, line, column)``: a Token whose text is ``raw`` and whose
#: ``value`` is the payload, as ``Token(kind, raw, line=line, column=column)`` with its value
#: replaced, in a third of the time.
make_token = _token_by_slots if getattr(Token, "__slots__", None) == _TOKEN_SLOTS else _token_by_lark


class _TokenStream(Lexer):
    """Hands the tokens made by giar_parse.reading.lexer to the LALR parser unchanged."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        yield from data


def _build(source: str) -> Lark:
    return Lark(source, parser="lalr", lexer=_TokenStream, maybe_placeholders=False, transformer=ToElements())


@functools.lru_cache(maxsize=1)
def lark_parser() -> Lark:
    """The LALR parser over cell tokens: loaded from the grammar cache, or built (once per process)."""
    source = resources.files("giar_parse").joinpath("grammar.lark").read_text(encoding="utf-8")
    # the cache key: what the tables are made from (the transformer and lexer are read at load time)
    key = f"{source}\0lalr {_TokenStream.__module__}.{_TokenStream.__qualname__} maybe_placeholders=False"
    return cached(key, functools.partial(_build, source), cache_dir())


@functools.lru_cache(maxsize=1)
def classifier() -> re.Pattern[str]:
    """One regex whose named groups are the grammar's cell terminals, for ``fullmatch``."""
    branches = [
        f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in lark_parser().terminals if t.name not in LEXER_TERMINALS
    ]
    return re.compile("|".join(branches))
