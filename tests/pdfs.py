"""A tiny PDF writer for tests: Chinese text (a standard CJK font, not embedded) and ruling lines.

Positions are in points from the page's top left corner, like pdfplumber's.  Each character
is one em wide (the font's default width), so a string of n characters at size s is n*s wide.
"""

from __future__ import annotations

from collections.abc import Sequence

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
