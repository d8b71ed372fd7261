"""``giar-parse --series``: parse many reports and print the checks across years (:func:`~giar_parse.check_series`).

Each input is parsed as the batch does (named by its path; on ``--jobs N`` processes); an
input that cannot be read is reported on stderr and left out. The diagnostics go to the output as text, or as JSON
(``--format json``: one list; ``--format jsonl``: one per line). Exit status: 0 when no
diagnostic is a warning and every input parsed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import attrs

from giar_parse.api import parse_bytes
from giar_parse.cli.batch import STDIN, expand
from giar_parse.errors import GiarParseError
from giar_parse.model import Diagnostic, Report
from giar_parse.reading import grammar
from giar_parse.series import check_series
from giar_parse.writing.json import diagnostic_dict

__all__ = ["run_series"]


def _read(name: str, *, strict: bool, stdin: bytes | None) -> Report | str:
    """The input parsed (named by its path), or one line saying why it could not be."""
    try:
        content = stdin if name == STDIN and stdin is not None else Path(name).read_bytes()
        return attrs.evolve(parse_bytes(content, strict=strict), source=name)
    except GiarParseError as error:
        return f"{name}:{error.line}:{error.column}: {type(error).__name__}: {error.message}"
    except OSError as error:
        return f"{name}: cannot read: {error.strerror or error}"
    except Exception as error:  # a bug must not stop the series: report it with the file
        return f"{name}: internal error: {type(error).__name__}: {error}"


def _reports(names: Sequence[str], *, strict: bool, processes: int) -> tuple[list[Report], list[str]]:
    """The reports that parsed, in input order, and one line per input that did not."""
    stdin = sys.stdin.buffer.read() if STDIN in names else None
    work = functools.partial(_read, strict=strict, stdin=stdin)
    if processes <= 1 or len(names) <= 1:
        results = list(map(work, names))
    else:
        chunk = max(1, min(16, len(names) // (processes * 8)))
        with multiprocessing.get_context().Pool(processes, initializer=grammar.load) as pool:
            results = list(pool.imap(work, names, chunksize=chunk))
    reports = [result for result in results if isinstance(result, Report)]
    return reports, [result for result in results if isinstance(result, str)]


def _text(diagnostic: Diagnostic) -> str:
    head = f"{diagnostic.severity:<7} {diagnostic.code:<16} {diagnostic.path or ''}".rstrip()
    return f"{head}\n        {diagnostic.message}"


def write_diagnostics(diagnostics: Sequence[Diagnostic], out: TextIO, form: str) -> None:
    """Write ``diagnostics`` as ``text``, ``json`` (one list) or ``jsonl`` (one per line)."""
    if form == "json":
        out.write(json.dumps([diagnostic_dict(d) for d in diagnostics], ensure_ascii=False, indent=1) + "\n")
    elif form == "jsonl":
        for d in diagnostics:
            out.write(json.dumps(diagnostic_dict(d), ensure_ascii=False, separators=(",", ":")) + "\n")
    else:
        out.writelines(_text(d) + "\n" for d in diagnostics)


def _form(argv: Sequence[str] | None, parser: argparse.ArgumentParser) -> str:
    """The output form: text unless ``--format`` names json or jsonl (the batch's default, json, is not asked for)."""
    parser.set_defaults(format=None)
    chosen: str | None = parser.parse_args(argv).format
    if chosen == "csv":
        parser.error("--series prints diagnostics: --format text (table), json or jsonl")
    return chosen if chosen in ("json", "jsonl") else "text"


def run_series(
    args: argparse.Namespace, parser: argparse.ArgumentParser, argv: Sequence[str] | None, patterns: Sequence[str]
) -> int:
    """Run ``giar-parse --series INPUT…``: parse the inputs, check them as series, write the diagnostics."""
    if args.sample or not args.inputs:
        parser.error("--series takes report files or directories (and no --sample)")
    if args.inputs.count(STDIN) > 1:
        parser.error("'-' (stdin) can be given once")
    form = _form(argv, parser)
    try:
        names = list(expand(args.inputs, patterns))
    except FileNotFoundError as error:
        parser.error(str(error))
    if not names:
        parser.error(f"no file matches {' or '.join(patterns)} in {', '.join(args.inputs)}")
    try:
        out = sys.stdout if args.output is None else open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        parser.error(f"cannot write {args.output}: {error.strerror or error}")
    try:
        processes = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
        reports, failures = _reports(names, strict=args.strict, processes=processes)
        for failure in failures:
            print(f"giar-parse: {failure}", file=sys.stderr)
        diagnostics = check_series(reports)
        write_diagnostics(diagnostics, out, form)
        out.flush()
    except BrokenPipeError:  # the reader went away (giar-parse --series ... | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        if out is not sys.stdout:
            out.close()
    warnings = sum(d.severity == "warning" for d in diagnostics)
    summary = f"{len(names)} inputs: {len(reports)} parsed, {len(failures)} failed; {len(diagnostics)} diagnostics"
    print(f"giar-parse: series: {summary} ({warnings} warnings)", file=sys.stderr)
    return 1 if warnings or failures else 0
