"""HTML → text: a saved report page flattened to one line per paragraph and per table row.

Table rows come out with their cells joined by tabs (an empty cell stays an empty field,
merged cells are not repeated), everything else one line per block element.  Each cell
remembers where it starts in the HTML, so values can point back into the page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from giar_parse.model import Report
from giar_parse.reading.parser import read_text
from giar_parse.sources.origins import Flattened, Lines, Origin, join_pieces, remap

__all__ = ["flatten", "read_html"]

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
# marks a paragraph or line break inside a table cell (a private-use character no page prints)
_PIECE_BREAK = "\ue000"
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
# A "<" that no ">" closes soon is text: html.parser rescans unclosed tags (super-linear),
# so it becomes "‹" (one character, so every position in the page stays the same).
_UNCLOSED_TAG = re.compile(r"<(?![^<>]{0,2000}>)")


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = Lines()
        self.text = ""
        self.text_origin: tuple[int, int] | None = None
        self.row: list[tuple[str, Origin]] | None = None
        self.cell: list[str] | None = None
        self.cell_origin: tuple[int, int] | None = None
        self.skipping = 0

    # --- paragraphs outside tables ---
    def _break(self) -> None:
        if self.text_origin is not None:
            line, column = self.text_origin
            self.lines.paragraph(_WHITESPACE.sub(" ", self.text), Origin(line, column, shifts=True))
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
            self.cell.append(_PIECE_BREAK)  # paragraphs inside one cell are joined (origins.join_pieces)
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
                pieces = (_WHITESPACE.sub(" ", piece).strip() for piece in "".join(self.cell).split(_PIECE_BREAK))
                text = join_pieces([piece for piece in pieces if piece])
                self.row.append((text, Origin(line, column + 1, shifts=True)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.lines.row(self.row)
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
    return parser.lines.finish()


def read_html(html: str) -> Report:
    """Read a report from its web page: flatten the page, read the text, point values back into the HTML."""
    flattened = flatten(html)
    return remap(read_text(flattened.text), flattened)
