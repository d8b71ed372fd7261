"""WordprocessingML (a .docx's ``word/document.xml``) → its paragraphs and table rows, in document order.

expat checks the XML is well-formed (and refuses a DTD); one regex scan for the few tags
that carry the text then reads it, passing over whole subtrees that are not printed: no
tree is built, and time is linear in the size of the XML.  A row's cells become fields as
the HTML reader makes them (see :mod:`giar_parse.sources.docx`).
"""

from __future__ import annotations

import codecs
import functools
import html
import re
from typing import NamedTuple
from xml.parsers import expat
from xml.sax.saxutils import escape

from giar_parse.errors import DamagedDocumentError
from giar_parse.sources.docx.numbering import Numbering
from giar_parse.sources.origins import Origin, join_pieces

__all__ = ["MAX_TABLE_DEPTH", "Block", "check", "damaged", "decoded", "read_document", "where"]

#: Tables nested deeper than this are refused (no report needs more than two levels).
MAX_TABLE_DEPTH = 32

# WordprocessingML as Word writes it by default ("transitional") and as "Strict Open XML"
_W = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")

# subtrees whose text is not printed: tracked deletions and the old properties of tracked
# changes, field codes, drawings and text boxes, paragraph properties (their w:tab are tab stops)
_SKIPPED = [
    "del",
    "moveFrom",
    "delText",
    "delInstrText",
    "instrText",
    "pPr",
    "sectPr",
    "drawing",
    "pict",
    "object",
    "tcPrChange",
    "trPrChange",
    "tblPrChange",
    "tblPrExChange",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrEx",
]
# what the reader acts on; anything else (runs, hyperlinks, content controls …) is looked through
_KINDS = {name: name for name in ("body", "p", "t", "tbl", "tr", "tc", "trPr", "vMerge")}
_KINDS |= {"tab": "space", "ptab": "space", "br": "break", "cr": "break", "noBreakHyphen": "hyphen"}
_KINDS |= dict.fromkeys(_SKIPPED, "skip")


def where(name: str | None) -> str:
    """How error messages name the file: its name, or "the input"."""
    return name or "the input"


def damaged(name: str | None, what: str) -> DamagedDocumentError:
    """The error for a Word file that cannot be read because of ``what``."""
    return DamagedDocumentError(
        f"{where(name)}: {what}; open it in Word or LibreOffice and save it again as .docx (or as PDF)"
    )


_ROOT = re.compile(r"<(?![?!])([^\s/>]+)([^>]*)>")
_DECLARATION = re.compile(r"""\bxmlns(?::([^\s=]+))?\s*=\s*(["'])(.*?)\2""")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MERGE = re.compile(r"""(?:^|\s)([^\s=]*:)?val\s*=\s*(["'])(.*?)\2""")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


class _Cell:
    __slots__ = ("blocks", "has_table", "merged_down", "number", "pieces")

    def __init__(self, number: int) -> None:
        self.number = number
        self.pieces: list[str] = []  # its paragraphs' lines, joined into the field
        self.blocks: list[Block] = []  # the same as blocks, used when it holds a table
        self.has_table = False
        self.merged_down = False


class _Row:
    __slots__ = ("cells", "deleted", "number")

    def __init__(self, number: int) -> None:
        self.number = number
        self.cells: list[_Cell] = []
        self.deleted = False


class _Table:
    __slots__ = ("blocks", "cells", "number", "rows")

    def __init__(self, number: int) -> None:
        self.number = number
        self.rows = 0
        self.blocks: list[Block] = []
        self.cells: list[_Cell] = []  # every cell read, while there is at most one

    def contents(self) -> list[Block]:
        """Its rows; a table of one cell holding several paragraphs is a frame: its paragraphs."""
        if len(self.cells) == 1 and self.rows == 1 and len(self.cells[0].blocks) > 1:
            return self.cells[0].blocks
        return self.blocks


class Block(NamedTuple):
    """A paragraph line (``fields`` is None) or a table row's fields, in document order."""

    text: str
    fields: list[tuple[str, Origin]] | None = None


class _Reader:
    """The blocks of the body, built from the tags the scan finds."""

    def __init__(self, name: str | None) -> None:
        self.name = name
        self.blocks: list[Block] = []
        self.in_body = self.in_row_properties = False
        self.line: list[str] | None = None  # the paragraph line being read
        self.lines: list[str] = []
        self.tables: list[_Table] = []
        self.rows: list[_Row] = []
        self.cells: list[_Cell] = []
        self.table_count = 0

    def start(self, kind: str, merge: str | None) -> None:
        if kind == "p":
            self.line, self.lines = [], []
        elif self.line is not None and kind in ("space", "break", "hyphen"):
            if kind == "break":
                self.lines.append("".join(self.line))
                self.line = []
            else:
                self.line.append(" " if kind == "space" else "-")
        elif kind == "body":
            self.in_body = True
        elif kind == "tbl":
            self._table()
        elif kind == "tr" and self.tables:
            self.tables[-1].rows += 1
            self.rows.append(_Row(self.tables[-1].rows - 1))
        elif kind == "tc" and self.rows:
            row = self.rows[-1]
            row.cells.append(_Cell(len(row.cells)))
            self.cells.append(row.cells[-1])
        elif kind == "trPr":
            self.in_row_properties = bool(self.rows)
        elif kind == "vMerge" and self.cells:
            self.cells[-1].merged_down = merge in (None, "continue")

    def end(self, kind: str) -> None:
        if kind == "p" and self.line is not None:
            self.lines.append("".join(self.line))
            self._paragraph([text for line in self.lines if (text := _WHITESPACE.sub(" ", line).strip())])
            self.line = None
        elif kind == "tc" and self.cells:
            self.cells.pop()
        elif kind == "tr" and self.rows:
            self._row(self.rows.pop())
        elif kind == "tbl" and self.tables:
            table = self.tables.pop()
            self._sink().extend(table.contents())
        elif kind == "trPr":
            self.in_row_properties = False

    def text(self, data: str) -> None:
        if self.line is not None:
            self.line.append(data)

    def number(self, label: str) -> None:
        """The list number Word prints at the start of the paragraph being read."""
        if label and self.line is not None and not self.line:
            self.line.append(label)

    def skipped(self, tag: str) -> None:
        """A subtree left out; a ``w:del`` in a row's properties deletes the row."""
        if self.in_row_properties and tag == "del":
            self.rows[-1].deleted = True

    def _sink(self) -> list[Block]:
        """Where the next block goes: the cell being read, or the body."""
        return self.cells[-1].blocks if self.cells else self.blocks

    def _paragraph(self, lines: list[str]) -> None:
        if self.cells:
            self.cells[-1].pieces.extend(lines)
        if self.in_body:
            self._sink().extend(Block(line) for line in lines)

    def _table(self) -> None:
        if len(self.tables) >= MAX_TABLE_DEPTH:
            raise damaged(self.name, f"tables are nested more than {MAX_TABLE_DEPTH} deep")
        if self.cells:
            self.cells[-1].has_table = True
        self.tables.append(_Table(self.table_count))
        self.table_count += 1

    def _row(self, row: _Row) -> None:
        if row.deleted or not self.tables:
            return
        table = self.tables[-1]
        if len(table.cells) < 2:
            table.cells.extend(row.cells[:2])
        if any(cell.has_table for cell in row.cells):
            # a layout table holding tables: its cells' contents are read as blocks
            table.blocks.extend(block for cell in row.cells for block in cell.blocks)
            return
        fields = [
            (join_pieces(cell.pieces), Origin(0, 1, table=table.number, row=row.number, cell=cell.number, shifts=True))
            for cell in row.cells
            if not cell.merged_down
        ]
        table.blocks.append(Block("", fields))


def _refuse_dtd(*_: object) -> None:
    raise ValueError("a DTD")


def check(xml: bytes, member: str, name: str | None) -> None:
    """Raise DamagedDocumentError unless ``xml`` is well-formed and declares no DTD."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd  # a .docx never declares one: no entity expansion
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:
        raise DamagedDocumentError(
            f"{where(name)}: {member} is not well-formed XML (line {error.lineno}, column {error.offset + 1}: "
            f"{expat.ErrorString(error.code)}); open it in Word or LibreOffice and save it again as .docx"
        ) from None
    except ValueError:
        raise damaged(name, f"{member} declares a DTD, which Word never writes") from None


def decoded(xml: bytes) -> str:
    """The XML as text (expat has checked it), without comments, CDATA sections as escaped text."""
    utf16 = xml.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text = xml.decode("utf-16") if utf16 else xml.decode("utf-8-sig", "replace")
    text = _COMMENT.sub("", text) if "<!--" in text else text
    return _CDATA.sub(lambda found: escape(found[1]), text) if "<![CDATA[" in text else text


@functools.lru_cache(maxsize=8)
def _scan(written: str, mc: str | None) -> re.Pattern[str]:
    """The scan, for the prefixes the document writes (``"w:"``, or ``""`` for the default namespace).

    It finds a paragraph's properties whole (``<w:pPr>`` … ``</w:pPr>``), a text run whole
    (``<w:t>`` text ``</w:t>``), else a tag it acts on.
    """
    w = re.escape(written)
    names = "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True))
    # a document without the markup-compatibility namespace has no mc:AlternateContent
    alternate = re.escape(mc) if mc is not None else "(?!)"
    # a w:pPr inside a w:pPrChange ends the match early: only end tags are left behind
    return re.compile(
        rf"<(?:({w}pPr(?:\s[^>]*)?(?:/>|>(?:[^<]+|<(?!/{w}pPr\s*>))*</{w}pPr\s*>))"
        rf"|({w}t(?:\s[^>]*)?>)([^<]*)</{w}t\s*>"
        rf"|(/?)(?:{w}({names})|{alternate}(AlternateContent))(?=[\s/>])([^>]*)>)"
    )


def _prefixes(xml: str, name: str | None) -> tuple[str, str | None]:
    """How the root element writes the WordprocessingML and markup-compatibility namespaces."""
    root = _ROOT.search(xml)
    if root is None or root[1].rpartition(":")[2] != "document":
        raise damaged(name, "word/document.xml holds no w:document")
    declared = {uri: prefix or "" for prefix, _, uri in _DECLARATION.findall(root[2])}
    w = next((declared[uri] for uri in _W if uri in declared), None)
    if w is None:
        raise damaged(name, "word/document.xml is not WordprocessingML (its namespace is not declared)")
    mc = declared.get(_MC)
    return (f"{w}:" if w else ""), (f"{mc}:" if mc else None)


def read_document(xml: bytes, member: str, name: str | None, numbering: Numbering | None) -> list[Block]:
    """The paragraphs and table rows of the document part ``member``, in document order.

    Raises:
        DamagedDocumentError: the XML is malformed, declares a DTD, is not WordprocessingML,
            or nests tables past :data:`MAX_TABLE_DEPTH`.

    """
    check(xml, member, name)
    text = decoded(xml)
    written, mc = _prefixes(text, name)
    reader = _Reader(name)
    skipping = ""  # the tag whose subtree is being passed over
    depth = 0
    for properties, run, data, close, tag, alternate, attributes in _scan(written, mc).findall(text):
        if skipping:
            if (tag or alternate) == skipping and not attributes.endswith("/"):
                depth += -1 if close else 1
                skipping = skipping if depth else ""
        elif properties:
            if numbering is not None:
                reader.number(numbering.label(properties))
        elif run:
            reader.text(html.unescape(data) if "&" in data else data)
        elif alternate or (kind := _KINDS[tag]) == "skip":
            if not close:
                reader.skipped(tag)
                skipping, depth = (tag or alternate, 1) if not attributes.endswith("/") else ("", 0)
        elif close:
            reader.end(kind)
        elif kind != "t":
            merge = _MERGE.search(attributes) if kind == "vMerge" else None
            reader.start(kind, merge[3] if merge else None)
            if attributes.endswith("/"):
                reader.end(kind)
    if not reader.in_body:
        raise damaged(name, "the document has no body (w:body)")
    return reader.blocks
