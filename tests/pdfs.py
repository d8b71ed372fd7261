"""A tiny PDF writer for tests: Chinese text (a standard CJK font, not embedded) and ruling lines.

Positions are in points from the page's top left corner, like pdfplumber's.  Each character
is one em wide (the font's default width), so a string of n characters at size s is n*s wide.
"""

from __future__ import annotations

from collections.abc import Sequence

from giar_parse.reading import values
from giar_parse.reading.normalise import fold

WIDTH, HEIGHT = 595.0, 842.0

_FONT = (
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 "
    "/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] "
    "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> >>] >>"
)


class Writer:
    """Pages of text and lines, written out as PDF bytes."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []

    def page(self) -> None:
        self.pages.append([])

    def text(self, x: float, top: float, text: str, size: float = 10.0) -> None:
        """``text`` with its box's top left corner at (x, top)."""
        if not self.pages:
            self.page()
        code = "".join(f"{ord(ch):04X}" for ch in text)
        baseline = HEIGHT - top - size * 0.88
        self.pages[-1].append(f"BT /F1 {size:g} Tf {x:.2f} {baseline:.2f} Td <{code}> Tj ET")

    def line(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A ruling line from (x0, top) to (x1, bottom)."""
        if not self.pages:
            self.page()
        self.pages[-1].append(f"0.5 w {x0:.2f} {HEIGHT - top:.2f} m {x1:.2f} {HEIGHT - bottom:.2f} l S")

    def rect(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A filled rectangle (an image stand-in: a page of it has no text)."""
        if not self.pages:
            self.page()
        self.pages[-1].append(f"{x0:.2f} {HEIGHT - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re f")

    def bytes(self, *, encrypt: bool = False) -> bytes:
        return document([("\n".join(ops)).encode("ascii") for ops in self.pages or [[]]], encrypt=encrypt)


def document(contents: Sequence[bytes], *, encrypt: bool = False) -> bytes:
    """A PDF with one page per content stream; ``encrypt`` adds a standard security handler with an unknown password."""
    objects: list[bytes] = []
    count = len(contents)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(_FONT.encode())
    for i, content in enumerate(contents):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH:g} {HEIGHT:g}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    trailer_extra = b""
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"33" * 16, b"33" * 16)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


# --- a report's text (one table row per line, cells joined by tabs) drawn as a PDF ---

SIZE = 5.0  # type size of table text
LABEL_LEFT, VALUE_LEFT, VALUE_WIDTH = 20.0, 265.0, 40.0
LINE = 6.0  # line pitch inside a cell


def is_value(text: str) -> bool:
    """A value cell of the text: a number (an amount perhaps with its unit), a placeholder, or blank."""
    return values.is_value(fold(text))


def _wrapped(text: str, width: float) -> list[str]:
    per_line = max(1, int((width - 4) // SIZE))
    return [text[i : i + per_line] for i in range(0, len(text), per_line)] or [""]


def report_pdf(text: str, *, ruled: bool, values_low: bool = True, rows_per_page: int = 60) -> bytes:
    """The text drawn as a PDF: prose lines as paragraphs, tab-separated lines as table rows.

    A row's leading non-value cells are its labels, sharing the label area (wrapped to
    fit); its values sit right-aligned in fixed columns beside the label's last line
    (``values_low``) or first; a row of values only (table 四) runs across the page.
    ``ruled`` draws every cell's box; otherwise nothing but the text (a blank cell prints
    nothing).  A table may run over a page break.
    """
    writer = Writer()
    top, count = 0.0, 0
    for line in text.splitlines():
        if count % rows_per_page == 0:
            writer.page()
            top, count = 40.0, 0
        count += 1
        if "\t" not in line:
            if line.strip():
                size = min(8.0, 540 / len(line.strip()))
                writer.text(LABEL_LEFT, top, line.strip(), size)
                top += 12
            continue
        cells = line.split("\t")
        boxes: list[tuple[float, float, list[str], bool]] = []  # x0, x1, lines, is a value
        if all(is_value(cell) for cell in cells):
            boxes = [(LABEL_LEFT + k * 35, LABEL_LEFT + (k + 1) * 35, [cell], True) for k, cell in enumerate(cells)]
        else:
            n_labels = next((k for k, cell in enumerate(cells) if is_value(cell)), len(cells))
            labels, values = cells[:n_labels], cells[n_labels:]
            if values:
                share = (VALUE_LEFT - LABEL_LEFT) / len(labels)
                for k, label in enumerate(labels):
                    x0 = LABEL_LEFT + k * share
                    boxes.append((x0, x0 + share, _wrapped(label, share), False))
            else:  # a header row: the first cell in the label area, the others over the value columns
                boxes.append((LABEL_LEFT, VALUE_LEFT, _wrapped(labels[0], VALUE_LEFT - LABEL_LEFT), False))
                labels = labels[1:]
            for k, cell in enumerate(values or labels):
                x0 = VALUE_LEFT + k * VALUE_WIDTH
                boxes.append(
                    (x0, x0 + VALUE_WIDTH, _wrapped(cell, VALUE_WIDTH) if not values else [cell], bool(values))
                )
        depth = max(len(parts) for _, _, parts, _ in boxes)
        height = depth * LINE + 4
        for x0, x1, parts, value in boxes:
            if value:
                part = parts[0]
                at = top + 2 + ((depth - 1) * LINE if values_low else 0)
                if part:  # a long number in a smaller size, to stay inside its cell
                    size = min(SIZE, (x1 - x0 - 6) / len(part))
                    writer.text(x1 - 4 - len(part) * size, at + SIZE - size, part, size)
            else:
                for k, part in enumerate(parts):
                    writer.text(x0 + 2, top + 2 + k * LINE, part, SIZE)
            if ruled:
                writer.line(x0, top, x1, top)
                writer.line(x0, top + height, x1, top + height)
                writer.line(x0, top, x0, top + height)
                writer.line(x1, top, x1, top + height)
        top += height
    return writer.bytes()
