"""DOCX → report text: body paragraphs and ``w:tbl`` rows in document order, read with the standard library.

This module opens the zip package (refusing what is not a .docx, is damaged, encrypted or
inflates past :data:`MAX_XML_BYTES`); :mod:`giar_parse.sources.docx.wordml` reads the document
XML.  A row's cells are joined by tabs as the HTML reader joins them: a cell merged across
columns (``w:gridSpan``) is one field, a cell merged down (``w:vMerge``) is a field in its
first row only.  Word's automatic list numbers (一、, （一）, 1.) are put back before their
paragraphs (:mod:`giar_parse.sources.docx.numbering`).  Paragraphs and line breaks inside a
cell are joined; text deleted by tracked changes (``w:del``), field codes, drawings,
headers, footers and comments are left out.  A table whose cells hold tables (a layout
table), or of one cell holding several paragraphs (a frame), is read as the blocks inside
it.  Each field keeps the table, row and cell (``w:tc``) it came from.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree as ET

from giar_parse.errors import DamagedDocumentError, EncryptedDocumentError, GiarParseError
from giar_parse.sources.docx.numbering import Numbering
from giar_parse.sources.docx.wordml import check, damaged, decoded, read_document, where
from giar_parse.sources.origins import Flattened, Lines, Origin

__all__ = ["MAX_XML_BYTES", "flatten_docx"]

#: A document part that inflates past this many bytes is refused (a zip bomb).
MAX_XML_BYTES = 50 * 1024 * 1024

_DOCUMENT = "word/document.xml"
_RELS = "_rels/.rels"
_NUMBERING = "word/numbering.xml"
_STYLES = "word/styles.xml"
_CHUNK = 1 << 20


def _too_large(name: str | None, member: str) -> DamagedDocumentError:
    return DamagedDocumentError(
        f"{where(name)}: {member} inflates past {MAX_XML_BYTES // (1024 * 1024)} MB "
        "(a zip bomb, or not a report); it is not read"
    )


def _read_limited(archive: zipfile.ZipFile, member: str, name: str | None) -> bytes:
    """The member's bytes, refused once they inflate past MAX_XML_BYTES (whatever the zip header claims)."""
    info = archive.getinfo(member)
    if info.flag_bits & 0x1:
        raise EncryptedDocumentError(
            f"{where(name)}: {member} is encrypted; save the document again without a password"
        )
    if info.file_size > MAX_XML_BYTES:
        raise _too_large(name, member)
    out = bytearray()
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            out += chunk
            if len(out) > MAX_XML_BYTES:
                raise _too_large(name, member)
    return bytes(out)


def _main_part(archive: zipfile.ZipFile, name: str | None) -> str:
    """The main document part: word/document.xml, or where the package relationships point."""
    members = set(archive.namelist())
    if _DOCUMENT in members:
        return _DOCUMENT
    if _RELS in members:
        rels = _read_limited(archive, _RELS, name)
        try:
            if b"<!DOCTYPE" in rels:
                raise ET.ParseError("a DTD")
            relationships = list(ET.fromstring(rels))
        except ET.ParseError:
            raise damaged(name, f"{_RELS} is not well-formed XML") from None
        for rel in relationships:
            target = (rel.get("Target") or "").lstrip("/")
            if (rel.get("Type") or "").endswith("/officeDocument") and target in members:
                return target
    if "mimetype" in members and b"opendocument" in _read_limited(archive, "mimetype", name):
        raise DamagedDocumentError(
            f"{where(name)}: an OpenDocument (.odt) file, not a Word .docx; "
            "convert it first: soffice --headless --convert-to docx FILE"
        )
    raise damaged(name, "a zip archive but not a Word .docx (it holds no word/document.xml)")


def _numbering(archive: zipfile.ZipFile, name: str | None) -> Numbering | None:
    """The document's lists (word/numbering.xml, and word/styles.xml for numbered styles), if it has any."""
    members = set(archive.namelist())
    if _NUMBERING not in members:
        return None
    numbering = _read_limited(archive, _NUMBERING, name)
    check(numbering, _NUMBERING, name)
    styles = _read_limited(archive, _STYLES, name) if _STYLES in members else b""
    if b"numPr" in styles:
        check(styles, _STYLES, name)
    else:
        styles = b""
    return Numbering(decoded(numbering), decoded(styles))


def _document_xml(data: bytes, name: str | None) -> tuple[str, bytes, Numbering | None]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _main_part(archive, name)
            return member, _read_limited(archive, member, name), _numbering(archive, name)
    except GiarParseError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError) as error:
        raise damaged(name, f"a damaged zip archive ({error})") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise damaged(name, f"the zip archive cannot be read ({error})") from None


def flatten_docx(data: bytes, name: str | None) -> Flattened:
    """The report text of a Word (.docx) file, every field with its table, row and cell.

    ``name`` (the file's name, or None) is used in error messages.

    Raises:
        DamagedDocumentError: not a .docx, a damaged zip, malformed XML, XML that
            inflates past :data:`MAX_XML_BYTES`, or tables nested past ``wordml.MAX_TABLE_DEPTH``.
        EncryptedDocumentError: the document part is encrypted.

    """
    member, xml, numbering = _document_xml(data, name)
    lines = Lines()
    for block in read_document(xml, member, name, numbering):
        if block.fields is None:
            lines.paragraph(block.text, Origin(0, 1, shifts=True))
        else:
            lines.row(block.fields)
    flattened = lines.finish()
    # every origin gets its line and column in the text made of the document
    origins = [
        [(column, origin._replace(line=line, column=column)) for column, origin in fields]
        for line, fields in enumerate(flattened.origins, start=1)
    ]
    return flattened._replace(origins=origins)
