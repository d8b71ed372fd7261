"""HTML → text: a saved report page flattened to one line per paragraph and per table row.

Table rows come out with their cells joined by tabs (an empty cell stays an empty field,
merged cells are not repeated), everything else one line per block element.  Each cell
remembers where it starts in the HTML, so values can point back into the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, NamedTuple

import attrs

from giar_parse.model import Provenance, Report
from giar_parse.reading.parser import read_text

__all__ = ["Flattened", "flatten", "looks_like_html", "read_html", "remap"]

_HTML_START = re.compile(r"\s*(<!DOCTYPE\s+html|<html\b|<body\b|<table\b|<div\b|<p\b|<meta\b|<head\b)", re.IGNORECASE)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "title",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "dd",
        "dt",
        "center",
    }
)
_SKIPPED = frozenset({"script", "style", "noscript", "template"})
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
# A "<" that no ">" closes soon is text: html.parser rescans unclosed tags (super-linear),
# so it becomes "‹" (one character, so every position in the page stays the same).
_UNCLOSED_TAG = re.compile(r"<(?![^<>]{0,2000}>)")


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page or fragment."""
    return _HTML_START.match(text[:2000]) is not None


class Flattened(NamedTuple):
    """The flattened text and, per output line, where each of its tab-separated fields began."""

    text: str
    #: origins[line - 1] = [(column in the flattened line, line in the HTML, column in the HTML)]
    origins: list[list[tuple[int, int, int]]]


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, list[tuple[int, int, int]]]] = []
        self.text = ""
        self.text_origin: tuple[int, int] | None = None
        self.row: list[tuple[str, tuple[int, int]]] | None = None
        self.cell: list[str] | None = None
        self.cell_origin: tuple[int, int] | None = None
        self.skipping = 0

    # --- paragraphs outside tables ---
    def _break(self) -> None:
        text = _WHITESPACE.sub(" ", self.text).strip()
        if text and self.text_origin is not None:
            line, column = self.text_origin
            self.lines.append((text, [(1, line, column)]))
        self.text, self.text_origin = "", None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "tr":
            self._break()
            self.row = []
        elif tag in ("td", "th"):
            self.cell, self.cell_origin = [], None
        elif self.cell is not None and tag in ("p", "br", "div"):
            pass  # paragraphs inside one cell are joined
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and self.cell is None:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.cell is not None:
            if self.row is not None:
                line, column = self.cell_origin or self.getpos()
                self.row.append((_WHITESPACE.sub(" ", "".join(self.cell)).strip(), (line, column + 1)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            fields: list[str] = []
            origins: list[tuple[int, int, int]] = []
            column = 1
            for text, (line, html_column) in self.row:
                origins.append((column, line, html_column))
                fields.append(text)
                column += len(text) + 1
            if any(fields):
                self.lines.append(("\t".join(fields), origins))
            self.row = None
        elif tag in _BLOCKS and self.cell is None:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.cell is not None:
            if self.cell_origin is None and data.strip():
                line, column = self.getpos()
                self.cell_origin = (line, column + len(data) - len(data.lstrip()))
            self.cell.append(data)
        else:
            if self.text_origin is None and data.strip():
                line, column = self.getpos()
                self.text_origin = (line, column + len(data) - len(data.lstrip()) + 1)
            self.text += data


def flatten(html: str) -> Flattened:
    """Flatten an HTML page into report text, remembering where every line and cell came from."""
    parser = _Flattener()
    parser.feed(_UNCLOSED_TAG.sub("‹", html))
    parser.close()
    parser._break()
    return Flattened("\n".join(text for text, _ in parser.lines), [origins for _, origins in parser.lines])


def _origin(flattened: Flattened, line: int, column: int) -> tuple[int, int]:
    if not 1 <= line <= len(flattened.origins) or not flattened.origins[line - 1]:
        return line, column
    start, html_line, html_column = flattened.origins[line - 1][0]
    for field_start, field_line, field_column in flattened.origins[line - 1]:
        if field_start <= column:
            start, html_line, html_column = field_start, field_line, field_column
    return html_line, html_column + column - start


def _remapped(value: Any, flattened: Flattened) -> Any:
    if isinstance(value, tuple):
        return tuple(_remapped(item, flattened) for item in value)
    if not attrs.has(type(value)):
        return value
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if field.name == "provenance":
            changes["provenance"] = {
                name: Provenance(*_origin(flattened, where.line, where.column), where.raw)
                for name, where in current.items()
            }
        elif field.name == "line" and isinstance(current, int):
            changes["line"] = _origin(flattened, current, 1)[0]
        elif attrs.has(type(current)) or isinstance(current, tuple):
            changes[field.name] = _remapped(current, flattened)
    return attrs.evolve(value, **changes)


def remap(report: Report, flattened: Flattened) -> Report:
    """The report with every line and column moved from the flattened text back into the HTML."""
    result: Report = _remapped(report, flattened)
    return result


def read_html(html: str) -> Report:
    """Read a report from its web page: flatten the page, read the text, point values back into the HTML."""
    flattened = flatten(html)
    return remap(read_text(flattened.text), flattened)
