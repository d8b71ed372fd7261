"""giar-parse: China's government information disclosure annual reports as typed records.

>>> import giar_parse
>>> report = giar_parse.parse(giar_parse.sample_text())
>>> report.requests.received.total
5758
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from giar_parse.api import parse, parse_bytes, parse_file
from giar_parse.errors import (
    BinaryInputError,
    DamagedDocumentError,
    DocumentError,
    EmptyInputError,
    EncodingError,
    EncryptedDocumentError,
    GiarParseError,
    IncompleteReportError,
    LegacyFormatError,
    MissingExtraError,
    NotAReportError,
    NoTextLayerError,
    UnreadableFileError,
    UnsupportedTemplateError,
)
from giar_parse.model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AppealTable,
    Counts,
    Decisions,
    Diagnostic,
    DocumentCounts,
    DocumentCounts2021,
    FeeAmount,
    FeeItems,
    ItemCounts,
    NotProcessed,
    OtherHandlingParts,
    Outcomes,
    Period,
    Procurement,
    ProseFigure,
    Provenance,
    Report,
    RequestTable,
    Section,
    Unavailable,
    Withheld,
)
from giar_parse.sources.sample import sample_text

if TYPE_CHECKING:
    from giar_parse.series import check_series
    from giar_parse.writing.dataframe import to_dataframe
    from giar_parse.writing.json import to_dict
    from giar_parse.writing.layouts import Layout
    from giar_parse.writing.records import to_records
    from giar_parse.writing.render import render
    from giar_parse.writing.schema import json_schema

__version__ = "0.1.0"

__all__ = [
    "ActiveDisclosure",
    "ActiveDisclosure2019",
    "ActiveDisclosure2021",
    "AppealTable",
    "BinaryInputError",
    "Counts",
    "DamagedDocumentError",
    "Decisions",
    "Diagnostic",
    "DocumentCounts",
    "DocumentCounts2021",
    "DocumentError",
    "EmptyInputError",
    "EncodingError",
    "EncryptedDocumentError",
    "FeeAmount",
    "FeeItems",
    "GiarParseError",
    "IncompleteReportError",
    "ItemCounts",
    "Layout",
    "LegacyFormatError",
    "MissingExtraError",
    "NoTextLayerError",
    "NotAReportError",
    "NotProcessed",
    "OtherHandlingParts",
    "Outcomes",
    "Period",
    "Procurement",
    "ProseFigure",
    "Provenance",
    "Report",
    "RequestTable",
    "Section",
    "Unavailable",
    "UnreadableFileError",
    "UnsupportedTemplateError",
    "Withheld",
    "__version__",
    "check_series",
    "json_schema",
    "parse",
    "parse_bytes",
    "parse_file",
    "render",
    "sample_text",
    "to_dataframe",
    "to_dict",
    "to_records",
]

# What a parse does not need is imported on first use (PEP 562): name → its module.
_LAZY = {
    "check_series": "giar_parse.series",
    "to_dataframe": "giar_parse.writing.dataframe",
    "to_dict": "giar_parse.writing.json",
    "Layout": "giar_parse.writing.layouts",
    "to_records": "giar_parse.writing.records",
    "render": "giar_parse.writing.render",
    "json_schema": "giar_parse.writing.schema",
}

if not TYPE_CHECKING:  # hidden from type checkers, which would otherwise accept any name

    def __getattr__(name: str) -> object:
        """Import a public name of :data:`_LAZY` on first use, then keep it as a global."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from importlib import import_module  # noqa: PLC0415 (only where a lazy name is first used)

        value = getattr(import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """The module's names, those imported on first use included."""
    return sorted({*globals(), *_LAZY})
