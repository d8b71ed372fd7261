"""A corpus of report files → one Parquet dataset of cells, parsed on a Dask cluster (docs/dask.md)."""

from __future__ import annotations

from collections.abc import Sequence

import dask
import dask.dataframe as dd
import pandas as pd

import giar_parse

#: One row per input that could not be read: the file and the error, as the command line reports it.
FAILED = pd.DataFrame({"file": pd.Series(dtype="string"), "error": pd.Series(dtype="string")})


def read_report(path: str) -> giar_parse.Report:
    """One file (PDF, Word, web page or text) → its report, named by its path (the ``file`` column)."""
    return giar_parse.parse_file(path)


def read_batch(paths: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A batch of files → the cells of those that parsed, and a row for each that failed.

    A failure is data, not an exception: one bad file never kills the job.
    """
    reports, failed = [], []
    for path in paths:
        try:
            reports.append(read_report(path))
        except giar_parse.GiarParseError as error:  # the message starts with the path: the file column has it
            failed.append((path, f"{type(error).__name__}: {error.message.removeprefix(f'{path}: ')}"))
    failures = pd.DataFrame(failed, columns=list(FAILED.columns)).astype(FAILED.dtypes.to_dict())
    return giar_parse.to_dataframe(reports), failures


def parse_to_parquet(paths: Sequence[str], out: str, *, batch: int = 100) -> pd.DataFrame:
    """Parse ``paths`` on the current Dask scheduler into the Parquet dataset ``out``; returns the failures.

    One task and one Parquet partition per ``batch`` files.  Runs unchanged on a local
    cluster and on a real one (``out`` must then be storage every worker can reach).
    """
    batches = [list(paths[start : start + batch]) for start in range(0, len(paths), batch)]
    parts = [dask.delayed(read_batch, nout=2)(names) for names in batches]
    cells = dd.from_delayed([part[0] for part in parts], meta=giar_parse.to_dataframe([]), verify_meta=False)
    failures = dd.from_delayed([part[1] for part in parts], meta=FAILED, verify_meta=False)
    # one compute: each batch is parsed once, for both outputs
    _, failed = dask.compute(cells.to_parquet(out, write_index=False, compute=False), failures)
    return failed.reset_index(drop=True)
