"""Report → JSON-safe dict (the output contract's keys; Decimal → str, date → ISO string)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from giar_parse.model import FILE_PLACES, SERIES_FIELDS, Diagnostic, Provenance, Report, Section

__all__ = ["diagnostic_dict", "to_dict"]

# fields that only say where a value came from
_POSITION_FIELDS = frozenset({"provenance"})


def _place(where: Provenance) -> dict[str, Any]:
    """A value's provenance: line, column and raw text, and its place in a PDF or DOCX file where known."""
    place: dict[str, Any] = {"line": where.line, "column": where.column, "raw": where.raw}
    for name in FILE_PLACES:
        value = getattr(where, name)
        if value is not None:
            place[name] = list(value) if isinstance(value, tuple) else value
    return place


def _convert(value: Any, provenance: bool) -> Any:
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        for field in attrs.fields(type(value)):
            if field.name in _POSITION_FIELDS or (isinstance(value, Section) and field.name == "line"):
                continue
            if isinstance(value, Diagnostic) and field.name in SERIES_FIELDS and getattr(value, field.name) is None:
                continue  # shown only where a check across years set it
            out[field.name] = _convert(getattr(value, field.name), provenance)
        if provenance:
            if isinstance(value, Section):
                out["line"] = value.line
            cells = getattr(value, "provenance", None)
            if cells:
                out["provenance"] = {name: _place(where) for name, where in cells.items()}
        return out
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_convert(item, provenance) for item in value]
    return value


def to_dict(report: Report, *, provenance: bool = False) -> dict[str, Any]:
    """The report as plain JSON-safe data, keyed as in the output contract.

    Money becomes a decimal string (``"37000000000"``), dates ISO strings, blanks
    ``None``.  With ``provenance=True`` every record also carries a ``provenance``
    mapping of field → ``{"line", "column", "raw"}`` and every section its ``line``.

    >>> import json
    >>> import giar_parse
    >>> data = giar_parse.to_dict(giar_parse.parse(giar_parse.sample_text()))
    >>> data["active"]["procurement"]
    {'projects': 23218, 'amount': '37000000000', 'amount_text': '370亿元'}
    >>> json.loads(json.dumps(data)) == data
    True
    """
    result: dict[str, Any] = _convert(report, provenance)
    return result


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    """One diagnostic as plain JSON-safe data, as it appears in a report's ``diagnostics``."""
    result: dict[str, Any] = _convert(diagnostic, False)
    return result
