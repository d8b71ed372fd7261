"""PDF → report text: tables from the page geometry, prose from the text outside them.

Each page is read once (with pdfplumber, the ``pdf`` extra): its characters, and the
tables its ruling lines draw.  A cell is every character inside it; a spanning cell is one
field, in the row where it starts (as in the HTML input).  A table running over a page
break is one table: a repeated header row is dropped and a row cut by the break is joined
(see :mod:`giar_parse.sources.pdf.pages`).  Text outside tables becomes one prose line per
printed line; page numbers are dropped.  Every field keeps its page and bounding box.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from giar_parse.errors import (
    DamagedDocumentError,
    EncryptedDocumentError,
    GiarParseError,
    MissingExtraError,
    NoTextLayerError,
)
from giar_parse.model import Diagnostic
from giar_parse.sources.origins import Flattened, Lines, Origin
from giar_parse.sources.pdf.columns import unruled
from giar_parse.sources.pdf.grid import Char, Table, TextLine, cell_grid, text_lines
from giar_parse.sources.pdf.pages import Page, stitched

__all__ = ["flatten_pdf"]

_INSTALL = "pip install 'giar-parse[pdf]'"
# a line that is only a page number: 3, - 3 -, 第3页, 第 3 页 共 6 页, 3/6
_PAGE_NUMBER = re.compile(
    r"^[-—–－]?\s*\d{1,4}\s*[-—–－]?$|^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$"
)
# page numbers are printed in the top or bottom margin: this share of the page height
_MARGIN = 0.12


def _library() -> Any:
    try:
        import pdfplumber  # noqa: PLC0415  (the optional extra is imported only when a PDF is read)
    except ImportError as error:
        raise MissingExtraError(f"reading PDF files needs the pdf extra: {_INSTALL}") from error
    return pdfplumber


def _is_password_error(error: BaseException) -> bool:
    while error is not None:
        if type(error).__name__ in {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}:
            return True
        if isinstance(error.args[0] if error.args else None, BaseException):
            error = error.args[0]
            continue
        error = error.__cause__ or error.__context__  # type: ignore[assignment]
    return False


@contextmanager
def _reading(label: str, page: int | None = None) -> Iterator[None]:
    """Turn whatever the PDF library raises into the library's own errors."""
    try:
        yield
    except (MemoryError, KeyboardInterrupt, GiarParseError):
        raise
    except Exception as error:
        where = f" (page {page})" if page is not None else ""
        if _is_password_error(error):
            raise EncryptedDocumentError(
                f"{label}: the PDF is encrypted with a password{where}; open it with the password and save an "
                "unencrypted copy (e.g. qpdf --decrypt --password=... in.pdf out.pdf), then read that",
                page=page,
            ) from error
        raise DamagedDocumentError(
            f"{label}: the PDF is damaged and cannot be read{where} ({type(error).__name__}: {error}); "
            "download it again, or repair it (e.g. qpdf in.pdf out.pdf) and read the repaired copy",
            page=page,
        ) from error


class _Printed(NamedTuple):
    """What the PDF library gives for one page: its characters, the cells of its ruled tables, its height."""

    chars: list[Char]
    unmapped: int
    tables: list[tuple[tuple[float, float, float, float], list[tuple[float, float, float, float]]]]
    height: float


def _printed(page: Any) -> _Printed:
    """One page's characters and ruled tables, read once (the only place the library touches a page)."""
    chars: list[Char] = []
    unmapped = 0
    for char in page.chars:
        text = char.get("text") or ""
        if text.startswith("(cid:"):
            unmapped += 1  # a glyph whose font has no Unicode mapping: no text to read
        elif (text and not text.isspace()) or text == " ":
            chars.append(Char(text, char["x0"], char["top"], char["x1"], char["bottom"], char.get("size") or 0.0))
    tables = [(tuple(found.bbox), [tuple(box) for box in found.cells]) for found in page.find_tables()]
    return _Printed(chars, unmapped, tables, float(page.height))


def _read_page(printed: _Printed, number: int) -> Page:
    """The page's tables (ruled, then found from word positions) and the text lines outside them."""
    tables: list[Table] = []
    remaining = printed.chars
    for (x0, top, x1, bottom), boxes in printed.tables:
        inside = [c for c in remaining if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom]
        if not boxes or not inside:
            continue
        table, outside = cell_grid(boxes, inside)
        if len(table.columns) <= 2:
            continue  # one column: a framed paragraph, not a table; its text stays prose
        inside_ids = {id(c) for c in inside}
        remaining = [c for c in remaining if id(c) not in inside_ids] + outside
        tables.append(table)
    lines: list[TextLine] = []
    for block in unruled([line for line in text_lines(remaining) if not _is_page_number(line, printed.height)]):
        if isinstance(block.content, Table):
            tables.append(block.content)
        else:
            lines.append(block.content)
    return Page(number, any(not c.text.isspace() for c in printed.chars), tables, lines)


def _is_page_number(line: TextLine, height: float) -> bool:
    top, bottom = line.bbox[1], line.bbox[3]
    in_margin = bottom < height * _MARGIN or top > height * (1 - _MARGIN)
    return in_margin and _PAGE_NUMBER.match(line.text) is not None


def _origin(line: int, column: int, page: int, bbox: tuple[float, float, float, float]) -> Origin:
    return Origin(line, column, page=page, bbox=tuple(round(v, 2) for v in bbox))  # type: ignore[arg-type]


def flatten_pdf(data: bytes, name: str | None) -> Flattened:
    """The report text of a PDF file, every field with its page and bounding box.

    Raises:
        MissingExtraError: the ``pdf`` extra (pdfplumber) is not installed.
        NoTextLayerError: no page has text (scanned pages need OCR first).
        EncryptedDocumentError: the PDF needs a password.
        DamagedDocumentError: the PDF cannot be read.

    """
    pdfplumber = _library()
    label = name or "the PDF"
    if not data:
        raise DamagedDocumentError(f"{label}: empty file (0 bytes); download it again")
    pages: list[Page] = []
    unmapped = 0
    with _reading(label):
        document = pdfplumber.open(io.BytesIO(data))
    with document:
        with _reading(label):
            count = len(document.pages)
        if count == 0:
            raise DamagedDocumentError(f"{label}: the PDF is damaged: it has no pages; download it again")
        for number in range(1, count + 1):
            with _reading(label, number):
                page = document.pages[number - 1]
                printed = _printed(page)
                page.close()  # each page is read once; its parsed objects are let go
            unmapped += printed.unmapped
            pages.append(_read_page(printed, number))
    if not any(page.has_text for page in pages):
        if unmapped:
            raise NoTextLayerError(
                f"{label}: the PDF's text cannot be read: its fonts map none of the {unmapped} characters to "
                "Unicode; run OCR on it first (e.g. ocrmypdf --force-ocr --language chi_sim in.pdf out.pdf) "
                "and read the result"
            )
        raise NoTextLayerError(
            f"{label}: the PDF has no text layer ({count} page{'s' if count != 1 else ''} of images, "
            "e.g. scanned): run OCR on it first (e.g. ocrmypdf --language chi_sim in.pdf out.pdf) and read the result"
        )
    return _emit(pages)


def _emit(pages: list[Page]) -> Flattened:
    lines = Lines()
    count = 0
    notes: list[Diagnostic] = []
    for item in stitched(pages):
        if isinstance(item.content, TextLine):
            text = " ".join(item.content.text.split())
            if text:
                count += 1
                lines.paragraph(text, _origin(count, 1, item.page, item.content.bbox))
            continue
        table, pages_of = item.content, item.pages
        first_line = count + 1
        for row, row_page in zip(table.rows, item.row_pages, strict=True):
            texts = [" ".join(cell.text.split()) for cell in row]
            if not any(texts):
                continue
            count += 1
            cells: list[tuple[str, Origin]] = []
            column = 1
            for text, cell in zip(texts, row, strict=True):
                cells.append((text, _origin(count, column, row_page, cell.bbox)))
                column += len(text) + 1
            lines.row(cells)
        if count >= first_line:
            way = "its ruling lines" if table.ruled else "the positions of its words under the header's columns"
            span = f"pages {pages_of[0]}–{pages_of[-1]}" if len(pages_of) > 1 else f"page {pages_of[0]}"
            notes.append(
                Diagnostic(
                    "pdf.table",
                    "info",
                    f"a table on {span} ({count - first_line + 1} rows, {len(table.columns) - 1} columns) "
                    f"was read from {way}",
                    line=first_line,
                )
            )
    return lines.finish(notes)
