"""DOCX → report text: body paragraphs and ``w:tbl`` rows in document order, read with the standard library.

A row's cells are joined by tabs as the HTML reader joins them: a cell merged across
columns (``w:gridSpan``) is one field, a cell merged down (``w:vMerge``) is a field in its
first row only.  Paragraphs and line breaks inside a cell are joined; text deleted by
tracked changes (``w:del``), field codes, drawings, headers, footers and comments are left
out.  Each field keeps the table, row and cell (``w:tc``) it came from.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from giar_parse.errors import DamagedDocumentError, EncryptedDocumentError, GiarParseError
from giar_parse.sources.origins import Flattened, Lines, Origin

__all__ = ["MAX_XML_BYTES", "flatten_docx"]

#: A document part that inflates past this many bytes is refused (a zip bomb).
MAX_XML_BYTES = 50 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT = "word/document.xml"
_RELS = "_rels/.rels"
_OFFICE_DOCUMENT = "/officeDocument"
_CHUNK = 1 << 20
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")

# subtrees whose text is not part of the page as printed: tracked deletions, old
# properties of tracked changes, field codes, drawings and text boxes, notes' marks
_SKIPPED = frozenset(
    _W + name
    for name in (
        "del",
        "moveFrom",
        "delText",
        "delInstrText",
        "instrText",
        "pPr",
        "rPr",
        "tcPr",
        "trPr",
        "tblPr",
        "sectPr",
        "drawing",
        "pict",
        "object",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
    )
) | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_CONTAINERS = frozenset(_W + name for name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo"))
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
_BREAKS = frozenset({_W + "br", _W + "cr"})
_SPACES = frozenset({_W + "tab", _W + "ptab"})


def _where(name: str | None) -> str:
    return name or "the input"


def _damaged(name: str | None, what: str) -> DamagedDocumentError:
    return DamagedDocumentError(
        f"{_where(name)}: {what}; open it in Word or LibreOffice and save it again as .docx (or as PDF)"
    )


def _read_limited(archive: zipfile.ZipFile, member: str, name: str | None) -> bytes:
    """The member's bytes, refused once they inflate past MAX_XML_BYTES (whatever the zip header claims)."""
    if archive.getinfo(member).file_size > MAX_XML_BYTES:
        raise _too_large(name, member)
    out = bytearray()
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            out += chunk
            if len(out) > MAX_XML_BYTES:
                raise _too_large(name, member)
    return bytes(out)


def _too_large(name: str | None, member: str) -> DamagedDocumentError:
    return DamagedDocumentError(
        f"{_where(name)}: {member} inflates past {MAX_XML_BYTES // (1024 * 1024)} MB "
        "(a zip bomb, or not a report); it is not read"
    )


def _main_part(archive: zipfile.ZipFile, name: str | None) -> str:
    """The main document part: word/document.xml, or where the package relationships point."""
    members = set(archive.namelist())
    if _DOCUMENT in members:
        return _DOCUMENT
    if _RELS in members:
        rels = _xml(_read_limited(archive, _RELS, name), name, _RELS)
        for rel in rels:
            target = (rel.get("Target") or "").lstrip("/")
            if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT) and target in members:
                return target
    if "mimetype" in members and b"opendocument" in _read_limited(archive, "mimetype", name):
        raise DamagedDocumentError(
            f"{_where(name)}: an OpenDocument (.odt) file, not a Word .docx; "
            "convert it first: soffice --headless --convert-to docx FILE"
        )
    raise _damaged(name, "a zip archive but not a Word .docx (it holds no word/document.xml)")


def _xml(data: bytes, name: str | None, member: str) -> ET.Element:
    # a .docx never declares a DTD: refusing one rules out entity expansion
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise _damaged(name, f"{member} declares a DTD, which Word never writes")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        line, column = error.position
        raise DamagedDocumentError(
            f"{_where(name)}: {member} is not well-formed XML (line {line}, column {column + 1}); "
            "open it in Word or LibreOffice and save it again as .docx"
        ) from None


def _document(data: bytes, name: str | None) -> ET.Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _main_part(archive, name)
            if archive.getinfo(member).flag_bits & 0x1:
                raise EncryptedDocumentError(
                    f"{_where(name)}: {member} is encrypted; save the document again without a password"
                )
            return _xml(_read_limited(archive, member, name), name, member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise _damaged(name, f"a damaged zip archive ({error})") from None
    except GiarParseError:
        raise
    except (OSError, RuntimeError, ValueError) as error:
        raise _damaged(name, f"the zip archive cannot be read ({error})") from None


def _children(element: ET.Element) -> Iterator[ET.Element]:
    """The element's children, looking through content controls, custom XML and insertions."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in _CONTAINERS:
            stack.append(iter(child))
        else:
            yield child


def _paragraph_lines(paragraph: ET.Element) -> list[str]:
    """The paragraph's text, split where it has a line break."""
    lines: list[list[str]] = [[]]
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag == _T:
            lines[-1].append(child.text or "")
        elif tag in _SPACES:
            lines[-1].append(" ")
        elif tag in _BREAKS:
            lines.append([])
        elif tag == _W + "noBreakHyphen":
            lines[-1].append("-")
        elif len(child):
            stack.append(iter(child))
    return [text for piece in lines if (text := _WHITESPACE.sub(" ", "".join(piece)).strip())]


def _joined(pieces: list[str]) -> str:
    """A cell's paragraphs and lines as one field: run together, as a web page shows 商业<br>企业."""
    out = ""
    for piece in pieces:
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(piece[0]):
            out += " "
        out += piece
    return out


def _has_table(cell: ET.Element) -> bool:
    return any(child.tag == _TBL for child in _children(cell))


def _merged_down(cell: ET.Element) -> bool:
    """True for a cell continuing a vertical merge (its text is the first row's)."""
    properties = cell.find(_W + "tcPr")
    merge = properties.find(_W + "vMerge") if properties is not None else None
    return merge is not None and merge.get(_W + "val", "continue") == "continue"


def _deleted_row(row: ET.Element) -> bool:
    properties = row.find(_W + "trPr")
    return properties is not None and properties.find(_W + "del") is not None


class _Reader:
    def __init__(self) -> None:
        self.lines = Lines()
        self.tables = 0

    def blocks(self, parent: ET.Element) -> None:
        for child in _children(parent):
            if child.tag == _P:
                for text in _paragraph_lines(child):
                    self.lines.paragraph(text, Origin(0, 1, shifts=True))
            elif child.tag == _TBL:
                self.table(child)

    def table(self, table: ET.Element) -> None:
        number = self.tables
        self.tables += 1
        rows = [child for child in _children(table) if child.tag == _TR]
        for row_number, row in enumerate(rows):
            if _deleted_row(row):
                continue
            cells = [child for child in _children(row) if child.tag == _TC]
            if any(_has_table(cell) for cell in cells):
                # a layout table holding tables: its contents are read as blocks
                for cell in cells:
                    self.blocks(cell)
                continue
            fields: list[tuple[str, Origin]] = []
            for cell_number, cell in enumerate(cells):
                if _merged_down(cell):
                    continue
                pieces = [text for child in _children(cell) if child.tag == _P for text in _paragraph_lines(child)]
                origin = Origin(0, 1, table=number, row=row_number, cell=cell_number, shifts=True)
                fields.append((_joined(pieces), origin))
            self.lines.row(fields)


def _numbered(flattened: Flattened) -> Flattened:
    """Every origin with its line and column in the text made of the document."""
    origins = [
        [(column, origin._replace(line=line, column=column)) for column, origin in fields]
        for line, fields in enumerate(flattened.origins, start=1)
    ]
    return flattened._replace(origins=origins)


def flatten_docx(data: bytes, name: str | None) -> Flattened:
    """The report text of a Word (.docx) file, every field with its table, row and cell.

    ``name`` (the file's name, or None) is used in error messages.

    Raises:
        DamagedDocumentError: not a .docx, a damaged zip, malformed XML, or XML that
            inflates past :data:`MAX_XML_BYTES`.
        EncryptedDocumentError: the document part is encrypted.

    """
    document = _document(data, name)
    body = document.find(_W + "body")
    if body is None:
        raise _damaged(name, "the document has no body (w:body)")
    reader = _Reader()
    try:
        reader.blocks(body)
    except RecursionError:
        raise _damaged(name, "tables are nested too deeply to be a report") from None
    return _numbered(reader.lines.finish())
