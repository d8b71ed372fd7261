"""Small Word (.docx) files written with zipfile, for tests: paragraphs, tables, merged cells."""

from __future__ import annotations

import io
import itertools
import random
import zipfile
from collections.abc import Callable, Mapping, Sequence
from xml.sax.saxutils import escape

from giar_parse import Report
from giar_parse.writing.render import blocks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def document_xml(body: str) -> str:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'


def docx(body: str, *, parts: Mapping[str, str | bytes] | None = None, document: str | bytes | None = None) -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML), with any ``parts`` added or replaced."""
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/document.xml": document_xml(body) if document is None else document,
    }
    files.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def r(text: str) -> str:
    """A run of text."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*runs: str) -> str:
    """A paragraph of runs (plain strings become runs)."""
    return "<w:p>" + "".join(run if run.startswith("<w:") else r(run) for run in runs) + "</w:p>"


def tc(*content: str, span: int = 1, merge: str | None = None) -> str:
    """A cell: paragraphs (plain strings become paragraphs), ``span`` grid columns, ``merge`` restart/continue."""
    properties = ""
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    body = "".join(item if item.startswith("<w:") else p(item) for item in content) or "<w:p/>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{body}</w:tc>"


def tr(*cells: str) -> str:
    return "<w:tr>" + "".join(cell if cell.startswith("<w:tc") else tc(cell) for cell in cells) + "</w:tr>"


def tbl(*rows: str) -> str:
    return "<w:tbl><w:tblPr/>" + "".join(rows) + "</w:tbl>"


def tab_rows(text: str, paragraph: Callable[[str], str] | None = None) -> str:
    """Tab-separated text as a body: a line with tabs is a table row, any other line a paragraph.

    ``paragraph`` writes a line that is not a row (default: a plain ``w:p``).
    """
    paragraph = paragraph or p
    body: list[str] = []
    rows: list[str] = []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(tr(*[tc(cell) if cell else tc() for cell in line.split("\t")]))
            continue
        if rows:
            body.append(tbl(*rows))
            rows = []
        body.append(paragraph(line))
    if rows:
        body.append(tbl(*rows))
    return "".join(body)


# --- a drawn report as Word writes it: merged cells, blank cells, labels over two paragraphs ---


def _splittable(text: str, at: int) -> bool:
    """Whether the cell may be broken at ``at`` (a Word line break joins pieces as 商业<br>企业)."""
    left, right = text[at - 1], text[at]
    if left.isspace() or right.isspace():
        return False  # a paragraph's edges are trimmed, as a web page's are
    return not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum())


def _label(text: str, rng: random.Random) -> str:
    """A cell's content: numbers as one run; a label in runs, and maybe over two paragraphs or a line break."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text) or len(text) < 2:
        return p(text) if text else "<w:p/>"
    at = rng.randrange(1, len(text))
    if not _splittable(text, at):
        return p(text)
    head, tail = text[:at], text[at:]
    how = rng.choice(["paragraphs", "break", "runs", "deleted"])
    if how == "paragraphs":
        return p(head) + p(tail)
    if how == "break":
        return p(r(head), "<w:r><w:br/></w:r>", r(tail))
    if how == "deleted":  # a tracked deletion in the middle is not part of the text
        return p(r(head), f"<w:del><w:r><w:delText>{rng.randrange(10)}</w:delText></w:r></w:del>", r(tail))
    return p(r(head), r(tail))


def _row(cells: Sequence[str], rng: random.Random, spans_down: int) -> str:
    """A table row: each cell maybe spanning columns, with ``spans_down`` cells continuing merges from above."""
    out = [tc(_label(cell, rng), span=rng.choice([1, 1, 2, 3])) for cell in cells]
    for _ in range(spans_down):
        out.insert(rng.randrange(len(out) + 1), tc(merge="continue"))
    return "<w:tr>" + "".join(out) + "</w:tr>"


def report_docx(report: Report, rng: random.Random) -> bytes:
    """``report`` as a .docx: prose as paragraphs, each table a ``w:tbl`` with merged and blank cells.

    A row shorter than the one above gets the difference as ``w:vMerge`` continuation
    cells (as a group label spanning rows leaves them), and any row may get more.
    """
    body: list[str] = []
    for block in blocks(report):
        if block.kind != "table":
            body.extend(p(*_runs(row[0], rng)) for row in block.rows)
            continue
        rows: list[str] = []
        previous = 0
        for row in block.rows:
            down = max(0, previous - len(row)) + rng.choice([0, 0, 1])
            rows.append(_row(row, rng, down))
            previous = len(row) + down
        body.append(tbl(*rows))
    return docx("".join(body))


def _runs(text: str, rng: random.Random) -> list[str]:
    """A paragraph's text in one to three runs."""
    cuts = sorted(rng.sample(range(1, len(text)), k=min(len(text) - 1, rng.randrange(3)))) if len(text) > 1 else []
    edges = [0, *cuts, len(text)]
    return [r(text[a:b]) for a, b in itertools.pairwise(edges) if a < b]
