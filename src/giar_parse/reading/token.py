"""The token the lexer hands the grammar: a cell's terminal, its payload and place, and the values after it."""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["Token", "make_token"]


class Token(NamedTuple):
    """A token of the cell stream.

    It carries what an LALR driver reads (``type``) and what the reductions build from
    (``value``, ``line``, ``column``, ``cells``); Lark's own driver accepts it too.
    """

    #: The terminal (``RECEIVED``, ``PROSE`` …).
    type: str
    #: The payload: a :class:`~giar_parse.reading.normalise.Cell`, or a tuple of them for ``PROSE`` and ``CELLS``.
    value: Any
    #: 1-based line in the input.
    line: int
    #: 1-based column in the input.
    column: int
    #: The value cells printed after a table label or header cell, up to the next one (a row's values).
    cells: tuple[Any, ...] = ()


_new_tuple = tuple.__new__


def make_token(kind: str, value: object, line: int, column: int, cells: tuple[Any, ...] = ()) -> Token:
    """A token of terminal ``kind`` carrying ``value`` (and the value ``cells`` printed after it)."""
    token: Token = _new_tuple(Token, (kind, value, line, column, cells))
    return token
