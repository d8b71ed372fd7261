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

from attrs import frozen

from giar_parse.api import parse, parse_bytes
from giar_parse.errors import GiarParseError
from giar_parse.model import Report
from giar_parse.writing.json import to_dict
from giar_parse.writing.records import POSITION_KEYS, RECORD_KEYS, to_records
from giar_parse.writing.terminal import format_table

__all__ = ["STDIN", "Job", "Options", "Outcome", "csv_header", "expand", "run_job"]

Format = Literal["json", "jsonl", "csv", "table"]
#: The name of standard input on the command line and in the output's ``file``.
STDIN = "-"


@frozen
class Options:
    """What to do with each input."""

    format: Format = "json"
    strict: bool = False
    provenance: bool = False


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
    #: The formatted report, without a trailing newline; empty when it failed.
    output: str = ""
    #: Parsed, with at least one warning or error diagnostic.
    warned: bool = False
    #: One line naming file, line, column and error, when it failed.
    error: str | None = None
    #: The input around the error, with a caret under the column.
    snippet: str = ""


def expand(paths: Sequence[str], patterns: Sequence[str]) -> Iterator[str]:
    """Files as given; directories searched recursively for any of ``patterns``, in sorted order.

    Raises:
        FileNotFoundError: a path that does not exist.

    """
    for name in paths:
        path = Path(name)
        if name == STDIN or path.is_file():
            yield name
        elif path.is_dir():
            found = {str(hit) for pattern in patterns for hit in path.rglob(pattern) if hit.is_file()}
            yield from sorted(found)
        else:
            raise FileNotFoundError(f"no such file or directory: {name}")


def csv_header(options: Options) -> str:
    """The header line of ``--format csv``."""
    return ",".join(RECORD_KEYS + POSITION_KEYS if options.provenance else RECORD_KEYS)


def _csv(report: Report, name: str | None, options: Options) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in to_records(report, file=name, provenance=options.provenance):
        writer.writerow(format(v, "f") if isinstance(v, Decimal) else v for v in row.values())
    return buffer.getvalue().removesuffix("\n")


def _format(report: Report, name: str | None, options: Options) -> str:
    if options.format == "csv":
        return _csv(report, name, options)
    if options.format == "table":
        return format_table(report, name).removesuffix("\n")
    data: dict[str, Any] = {} if name is None else {"file": name}
    data |= to_dict(report, provenance=options.provenance)
    if options.format == "jsonl":
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=1)


def run_job(options: Options, job: Job) -> Outcome:
    """Read, parse and format one input; any failure becomes the outcome's ``error``."""
    where = job.name or "<sample>"
    try:
        content = Path(job.name).read_bytes() if job.content is None and job.name else job.content
        if isinstance(content, str):
            report = parse(content, strict=options.strict)
        else:
            report = parse_bytes(content or b"", strict=options.strict)
        output = _format(report, job.name, options)
    except GiarParseError as error:
        message = f"{where}:{error.line}:{error.column}: {type(error).__name__}: {error.message}"
        return Outcome(job.name, error=message, snippet=error.snippet)
    except OSError as error:
        return Outcome(job.name, error=f"{where}: cannot read: {error.strerror or error}")
    except Exception as error:  # a bug must not stop the batch: report it with the file
        return Outcome(job.name, error=f"{where}: internal error: {type(error).__name__}: {error}")
    warned = any(d.severity != "info" for d in report.diagnostics)
    return Outcome(job.name, output, warned)
