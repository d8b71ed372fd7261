"""Reports → one pandas DataFrame of table cells (the optional ``giar-parse[pandas]`` extra)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

from giar_parse.model import Report
from giar_parse.writing.records import POSITION_KEYS, RECORD_KEYS, to_records

__all__ = ["DTYPES", "to_dataframe"]

#: The pandas dtype of every column of :func:`~giar_parse.to_dataframe`: counts nullable ``Int64``, money
#: ``float64`` yuan, text the nullable ``string`` dtype (missing is ``pd.NA``).
DTYPES = {
    "file": "string",
    "template": "string",
    "agency": "string",
    "year": "Int64",
    "errors": "Int64",
    "warnings": "Int64",
    "table": "string",
    "row": "string",
    "column": "string",
    "status": "string",
    "value": "Int64",
    "yuan": "float64",
    "raw": "string",
    "diagnostic": "string",
    "source_line": "Int64",
    "source_column": "Int64",
}


def _named(reports: Report | Iterable[Report] | Mapping[str, Report]) -> Iterable[tuple[str | None, Report]]:
    if isinstance(reports, Report):
        return [(None, reports)]
    if isinstance(reports, Mapping):
        return reports.items()
    return ((None, report) for report in reports)


def to_dataframe(
    reports: Report | Iterable[Report] | Mapping[str, Report], *, provenance: bool = False
) -> Any:  # pandas.DataFrame; pandas is optional, so not named in the signature
    """The cells of one or many reports as a ``pandas.DataFrame``, one row per template cell.

    The columns are those of :func:`~giar_parse.to_records`, typed as :data:`~giar_parse.writing.dataframe.DTYPES`:
    ``value`` (counts) is a nullable ``Int64`` column, ``<NA>`` where no number is printed
    (never 0); ``yuan`` (money) is ``float64``, NaN where none is printed, with the printed
    text beside it in ``raw``.  ``file`` is :attr:`Report.source <giar_parse.Report.source>`,
    or the key when ``reports`` is a mapping of file name → report.

    ``yuan`` is a float so that sums, pivots and every Parquet reader treat it as a
    number; a ``float64`` holds every amount of up to 15 significant digits exactly
    (``str(x)`` gives the printed decimal back), far beyond any 采购总金额 or
    收费金额 a report prints.  The exact :class:`~decimal.Decimal` stays in
    :func:`~giar_parse.to_records` and the CSV.

    >>> import giar_parse
    >>> frame = giar_parse.to_dataframe(giar_parse.parse(giar_parse.sample_text()))
    >>> frame.shape
    (198, 14)
    >>> received = (frame.table == "requests") & (frame.row == "received")
    >>> int(frame[received & (frame.column == "total")].value.item())
    5758
    >>> frame[frame.column == "amount"].yuan.item()
    37000000000.0

    Raises:
        ImportError: pandas is not installed (``pip install 'giar-parse[pandas]'``).

    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as error:
        raise ImportError(
            "to_dataframe() needs pandas, an optional dependency: pip install 'giar-parse[pandas]'"
        ) from error
    rows = [row for file, report in _named(reports) for row in to_records(report, file=file, provenance=provenance)]
    columns = RECORD_KEYS + POSITION_KEYS if provenance else RECORD_KEYS
    data = {}
    for key in columns:
        values = [row[key] for row in rows]
        if key == "yuan":
            values = [None if v is None else float(v) for v in values]
        data[key] = pandas.Series(values, dtype=DTYPES[key])
    return pandas.DataFrame(data, columns=list(columns))
