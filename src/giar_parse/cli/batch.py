"""One input → its formatted output or its error: the unit of work of the command line.

A worker reads, parses and formats in one go, so ``--jobs N`` spreads all of the work
and the main process only writes what comes back, in input order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import frozen

from giar_parse.api import parse, parse_bytes, parse_file
from giar_parse.errors import GiarParseError, UnreadableFileError
from giar_parse.model import Report
from giar_parse.writing.json import to_dict
from giar_parse.writing.records import POSITION_KEYS, RECORD_KEYS, to_records
from giar_parse.writing.terminal import format_table

__all__ = ["STDIN", "Job", "Options", "Outcome", "csv_header", "diagnostic_lines", "expand", "run_job"]

Format = Literal["json", "jsonl", "csv", "parquet", "table"]
#: The name of standard input on the command line and in the output's ``file``.
STDIN = "-"


@frozen
class Options:
    """What to do with each input."""

    format: Format = "json"
    strict: bool = False
    provenance: bool = False
    #: Also return the report's diagnostics as JSON lines (``--diagnostics FILE``).
    diagnostics: bool = False


@frozen
class Job:
    """One input: a file to read, or content already read (stdin's bytes, the sample's text)."""

    #: The path as given, ``"-"`` for stdin, ``None`` for the bundled sample.
    name: str | None
    content: bytes | str | None = None


@frozen
class Outcome:
    """What became of one input."""

    name: str | None
    #: The formatted report, without a trailing newline; empty when it failed (and for Parquet).
    output: str = ""
    #: The report's cells (:func:`~giar_parse.to_records` rows), for ``--format parquet`` only.
    records: tuple[dict[str, Any], ...] = ()
    #: The report's diagnostics as JSON lines, when :attr:`Options.diagnostics` asks for them.
    diagnostics: tuple[str, ...] = ()
    #: Parsed, with this many error diagnostics.
    errors: int = 0
    #: Parsed, with this many warning diagnostics.
    warnings: int = 0
    #: One line naming file, line, column and error, when it failed.
    error: str | None = None
    #: The input around the error, with a caret under the column.
    snippet: str = ""


def expand(paths: Sequence[str], patterns: Sequence[str]) -> Iterator[str]:
    """Files as given; directories searched recursively for any of ``patterns``, in sorted order.

    Anything else (a path that does not exist) is yielded as given: reading it fails, and
    that input is reported as failed while the batch goes on.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = {str(hit) for pattern in patterns for hit in path.rglob(pattern) if hit.is_file()}
            yield from sorted(found)
        else:
            yield name


def csv_header(options: Options) -> str:
    """The header line of ``--format csv``."""
    return ",".join(RECORD_KEYS + POSITION_KEYS if options.provenance else RECORD_KEYS)


def diagnostic_lines(report: Report, name: str | None) -> tuple[str, ...]:
    """One JSON line per diagnostic: ``file, code, severity, path, line, message``."""
    keys = ("code", "severity", "path", "line", "message")
    return tuple(
        json.dumps({"file": name} | {key: getattr(d, key) for key in keys}, ensure_ascii=False, separators=(",", ":"))
        for d in report.diagnostics
    )


def _csv(report: Report, options: Options) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in to_records(report, provenance=options.provenance):
        writer.writerow(format(v, "f") if isinstance(v, Decimal) else v for v in row.values())
    return buffer.getvalue().removesuffix("\n")


def _format(report: Report, name: str | None, options: Options) -> str:
    if options.format == "csv":
        return _csv(report, options)
    if options.format == "table":
        return format_table(report, name).removesuffix("\n")
    if options.format == "parquet":
        return ""
    data: dict[str, Any] = {} if name is None else {"file": name}
    data |= to_dict(report, provenance=options.provenance)
    if options.format == "jsonl":
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=1)


def _read(options: Options, job: Job) -> Report:
    if job.content is None and job.name:
        return parse_file(job.name, strict=options.strict)
    if isinstance(job.content, str):
        report = parse(job.content, strict=options.strict)
    else:
        report = parse_bytes(job.content or b"", strict=options.strict)
    return report if job.name is None else attrs.evolve(report, source=job.name)


def run_job(options: Options, job: Job) -> Outcome:
    """Read, parse and format one input; any failure becomes the outcome's ``error``."""
    where = job.name or "<sample>"
    try:
        report = _read(options, job)
        output = _format(report, job.name, options)
        records = tuple(to_records(report, provenance=options.provenance)) if options.format == "parquet" else ()
    except UnreadableFileError as error:  # missing, a directory, no permission: no position to give
        return Outcome(job.name, error=error.message)  # it starts with the path
    except GiarParseError as error:
        # parse_file names the file in its messages; the line names it once, with the position
        detail = error.message.removeprefix(f"{where}: ")
        message = f"{where}:{error.line}:{error.column}: {type(error).__name__}: {detail}"
        return Outcome(job.name, error=message, snippet=error.snippet)
    except OSError as error:
        return Outcome(job.name, error=f"{where}: cannot read: {error.strerror or error}")
    except Exception as error:  # a bug must not stop the batch: report it with the file
        return Outcome(job.name, error=f"{where}: internal error: {type(error).__name__}: {error}")
    severities = [d.severity for d in report.diagnostics]
    return Outcome(
        job.name,
        output,
        records,
        diagnostic_lines(report, job.name) if options.diagnostics else (),
        errors=severities.count("error"),
        warnings=severities.count("warning"),
    )
