"""Reports → one pandas DataFrame of table cells (the optional ``giar-parse[pandas]`` extra)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

from giar_parse.model import Report
from giar_parse.writing.records import POSITION_KEYS, RECORD_KEYS, to_records

__all__ = ["to_dataframe"]

_DTYPES = {"year": "Int64", "source_line": "Int64", "source_column": "Int64"}


def to_dataframe(
    reports: Report | Iterable[Report] | Mapping[str, Report], *, provenance: bool = False
) -> Any:  # pandas.DataFrame; pandas is optional, so not named in the signature
    """The table cells of one or many reports as a ``pandas.DataFrame``, one row per cell.

    The columns are those of :func:`~giar_parse.to_records`; pass a mapping of file name
    → report to fill ``file``.  ``value`` keeps ``None`` (never 0 or NaN) where no number is
    printed, so it is an object column of ``int`` and ``Decimal``; ``year`` is ``Int64``.

    >>> import giar_parse
    >>> frame = giar_parse.to_dataframe(giar_parse.parse(giar_parse.sample_text()))
    >>> frame.shape
    (198, 9)
    >>> received = (frame.table == "requests") & (frame.row == "received")
    >>> frame[received & (frame.column == "total")].value.item()
    5758

    Raises:
        ImportError: pandas is not installed (``pip install 'giar-parse[pandas]'``).

    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas, an optional dependency: pip install 'giar-parse[pandas]'"
        ) from error
    if isinstance(reports, Report):
        named: Iterable[tuple[str | None, Report]] = [(None, reports)]
    elif isinstance(reports, Mapping):
        named = reports.items()
    else:
        named = ((None, report) for report in reports)
    rows = [row for file, report in named for row in to_records(report, file=file, provenance=provenance)]
    columns = RECORD_KEYS + POSITION_KEYS if provenance else RECORD_KEYS
    # object columns built as such: pandas would otherwise turn ints beside None into floats
    data = {key: pandas.Series([row[key] for row in rows], dtype=_DTYPES.get(key, object)) for key in columns}
    return pandas.DataFrame(data, columns=list(columns))
