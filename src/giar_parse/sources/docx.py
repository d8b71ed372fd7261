"""DOCX → report text: body paragraphs and ``w:tbl`` rows in document order (placeholder)."""

from __future__ import annotations

from giar_parse.errors import DocumentError
from giar_parse.sources.origins import Flattened

__all__ = ["flatten_docx"]


def flatten_docx(data: bytes, name: str | None) -> Flattened:
    """The report text of a Word (.docx) file, every field with its table, row and cell.

    Raises:
        DocumentError: the file cannot be read.

    """
    raise DocumentError(f"{name or 'the input'}: reading Word files is not available yet")
