"""Records → a Parquet file, written in row groups as they come (the optional ``giar-parse[parquet]`` extra)."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import TracebackType
from typing import Any

from giar_parse.errors import MissingExtraError
from giar_parse.writing.dataframe import DTYPES
from giar_parse.writing.records import POSITION_KEYS, RECORD_KEYS

__all__ = ["ROW_GROUP", "ParquetWriter", "parquet_schema"]

#: Rows buffered before a row group is written (the cells of about 330 reports).
ROW_GROUP = 65_536


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError as error:
        raise MissingExtraError(
            "writing Parquet needs pyarrow, an optional dependency: pip install 'giar-parse[parquet]'"
        ) from error


def parquet_schema(*, provenance: bool = False) -> Any:  # pyarrow.Schema
    """The Parquet schema of the records: the CSV's columns, counts ``int64``, ``yuan`` ``double``, text strings.

    It is the schema ``to_dataframe(reports).to_parquet(path)`` writes too (pandas writes
    its text columns as ``large_string``, so this does as well).

    Raises:
        MissingExtraError: pyarrow is not installed.

    """
    pa, _ = _pyarrow()
    keys = RECORD_KEYS + POSITION_KEYS if provenance else RECORD_KEYS
    # the DataFrame's dtypes decide, so to_dataframe(...).to_parquet() and this writer cannot drift apart
    types = {"Int64": pa.int64(), "float64": pa.float64(), "string": pa.large_string()}
    return pa.schema([(key, types[DTYPES[key]]) for key in keys])


class ParquetWriter:
    """Writes records (:func:`~giar_parse.to_records` dicts) to ``path``, one row group per :data:`ROW_GROUP` rows.

    Memory stays flat however many reports pass through: at most one row group is held.
    Use it as a context manager, or call :meth:`close`; a file closed after no rows is a
    valid Parquet file with the schema and no rows.

    >>> import pathlib, tempfile
    >>> import giar_parse
    >>> from giar_parse.writing.parquet import ParquetWriter
    >>> path = pathlib.Path(tempfile.mkdtemp(), "cells.parquet")
    >>> with ParquetWriter(path) as writer:
    ...     writer.write(giar_parse.to_records(giar_parse.parse(giar_parse.sample_text())))
    >>> import pyarrow.parquet
    >>> pyarrow.parquet.read_table(path).num_rows
    198

    Raises:
        MissingExtraError: pyarrow is not installed.

    """

    def __init__(self, path: str | os.PathLike[str], *, provenance: bool = False, row_group: int = ROW_GROUP) -> None:
        self._pa, parquet = _pyarrow()
        self.schema = parquet_schema(provenance=provenance)
        self.keys = tuple(self.schema.names)
        self.row_group = row_group
        self._buffer: dict[str, list[Any]] = {key: [] for key in self.keys}
        self._writer = parquet.ParquetWriter(os.fspath(path), self.schema)
        #: Rows written so far (flushed or not).
        self.rows = 0

    def write(self, records: Iterable[Mapping[str, Any]]) -> None:
        """Add rows; a row group is written whenever :data:`ROW_GROUP` rows are buffered."""
        buffer = self._buffer
        for record in records:
            for key in self.keys:
                buffer[key].append(record[key])
            self.rows += 1
            if len(buffer["table"]) >= self.row_group:
                self.flush()

    def flush(self) -> None:
        """Write the buffered rows as one row group."""
        if not self._buffer["table"]:
            return
        pa = self._pa
        yuan = [None if v is None else float(v) if isinstance(v, Decimal) else v for v in self._buffer["yuan"]]
        columns = [
            pa.array(yuan if key == "yuan" else self._buffer[key], type=field.type)
            for key, field in zip(self.keys, self.schema, strict=True)
        ]
        self._writer.write_table(pa.Table.from_arrays(columns, schema=self.schema))
        for values in self._buffer.values():
            values.clear()

    def close(self) -> None:
        """Write what is buffered and close the file."""
        self.flush()
        self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
