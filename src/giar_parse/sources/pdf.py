"""PDF → report text: tables from the page geometry, prose from the text outside them (placeholder)."""

from __future__ import annotations

from giar_parse.errors import DocumentError
from giar_parse.sources.origins import Flattened

__all__ = ["flatten_pdf"]


def flatten_pdf(data: bytes, name: str | None) -> Flattened:
    """The report text of a PDF file, every field with its page and bounding box.

    Raises:
        DocumentError: the PDF cannot be read.

    """
    raise DocumentError(f"{name or 'the input'}: reading PDF files is not available yet")
