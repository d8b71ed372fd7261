"""Report text made from a document, and where each of its fields came from in that document.

A source (a web page, a PDF, a Word file) is read into lines of text — one per paragraph,
one per table row with its cells joined by tabs — which the reading stage reads like any
text.  Each field of each line remembers its :class:`Origin`; :func:`remap` then moves every
value's provenance (and every diagnostic's line) from the text back into the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs

from giar_parse.model import Diagnostic, Provenance, ProvenanceMap, Report

__all__ = ["Flattened", "Lines", "Origin", "join_pieces", "remap"]

_WHITESPACE_TO_SPACE = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def join_pieces(pieces: Sequence[str]) -> str:
    """A cell's paragraphs and lines as one field: run together, as a web page shows 商业<br>企业.

    Two pieces that meet letter to letter or digit to digit keep a space between them, so
    two numbers printed one above the other (``5`` / ``3``) never become one (``53``).
    """
    out = ""
    for piece in pieces:
        if out and piece and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(piece[0]):
            out += " "
        out += piece
    return out


class Origin(NamedTuple):
    """Where one field of the text was printed in the document."""

    #: 1-based line in the document's own text (for a PDF or DOCX: in the text made of it).
    line: int
    #: 1-based column on that line.
    column: int
    #: 1-based page (PDF).
    page: int | None = None
    #: (x0, top, x1, bottom) in PDF points, from the page's top left corner (PDF).
    bbox: tuple[float, float, float, float] | None = None
    #: 0-based table, row and cell index in the document (DOCX).
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    #: True where characters inside the field keep their offset in the document (HTML text).
    shifts: bool = False


class Flattened(NamedTuple):
    """The text and, per line, where each of its tab-separated fields began."""

    text: str
    #: origins[line - 1] = [(1-based column of the field in the text, its Origin)]
    origins: list[list[tuple[int, Origin]]]
    #: What the source noticed while reading the document (e.g. how it found a table).
    notes: tuple[Diagnostic, ...] = ()


class Lines:
    """Builds a :class:`Flattened`: paragraphs and table rows in document order."""

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._origins: list[list[tuple[int, Origin]]] = []

    def paragraph(self, text: str, origin: Origin) -> None:
        """One line of prose (tabs and line breaks inside it become spaces)."""
        text = text.translate(_WHITESPACE_TO_SPACE).strip()
        if text:
            self._texts.append(text)
            self._origins.append([(1, origin)])

    def row(self, cells: Sequence[tuple[str, Origin]]) -> None:
        """One table row: its cells joined by tabs, an empty cell an empty field (a row of blank cells too)."""
        texts = [text.translate(_WHITESPACE_TO_SPACE).strip() for text, _ in cells]
        if not texts or (len(texts) == 1 and not texts[0]):
            return
        origins: list[tuple[int, Origin]] = []
        column = 1
        for text, (_, origin) in zip(texts, cells, strict=True):
            origins.append((column, origin))
            column += len(text) + 1
        self._texts.append("\t".join(texts))
        self._origins.append(origins)

    def finish(self, notes: Sequence[Diagnostic] = ()) -> Flattened:
        """The text made so far, with its origins and the source's notes."""
        return Flattened("\n".join(self._texts), self._origins, tuple(notes))


def _field(flattened: Flattened, line: int, column: int) -> tuple[int, Origin] | None:
    """The field of the text holding (line, column): where it starts on its line, and its Origin."""
    fields = flattened.origins[line - 1] if 1 <= line <= len(flattened.origins) else None
    if not fields:
        return None
    start, found = fields[0]
    for field_start, origin in fields:
        if field_start <= column:
            start, found = field_start, origin
    return start, found


def _provenance(flattened: Flattened, where: Provenance) -> Provenance:
    found = _field(flattened, where.line, where.column)
    if found is None:
        return where
    start, origin = found
    return Provenance(
        origin.line,
        origin.column + where.column - start if origin.shifts else origin.column,
        where.raw,
        page=origin.page,
        bbox=origin.bbox,
        table=origin.table,
        row=origin.row,
        cell=origin.cell,
    )


def _remapped(value: Any, flattened: Flattened) -> Any:
    """``value`` with its positions moved into the document (the same object where it holds none)."""
    if isinstance(value, tuple):
        items = tuple(_remapped(item, flattened) for item in value)
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.name == "provenance":
            if isinstance(current, ProvenanceMap):
                changes["provenance"] = current.moved(lambda where: _provenance(flattened, where))
            else:
                changes["provenance"] = {name: _provenance(flattened, where) for name, where in current.items()}
        elif field.name == "line" and isinstance(current, int):
            found = _field(flattened, current, 1)
            changes["line"] = found[1].line if found is not None else current
        elif attrs.has(type(current)) or isinstance(current, tuple):
            moved = _remapped(current, flattened)
            if moved is not current:
                changes[field.name] = moved
    return attrs.evolve(value, **changes) if changes else value


def remap(report: Report, flattened: Flattened) -> Report:
    """The report with every position moved from the flattened text back into the document.

    The source's own notes come first among the diagnostics.
    """
    result: Report = _remapped(report, flattened)
    if flattened.notes:
        result = attrs.evolve(result, diagnostics=(*flattened.notes, *result.diagnostics))
    return result
