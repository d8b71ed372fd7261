"""The ``giar-parse`` command line: many reports in, JSON, JSON Lines, CSV or a table out."""

from __future__ import annotations

import argparse
import codecs
import functools
import io
import json
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Generator, Sequence
from typing import TextIO

import attrs

from giar_parse import __version__
from giar_parse.cli.batch import STDIN, Job, Options, Outcome, expand, run_job
from giar_parse.cli.output import Interrupt, Writer, held
from giar_parse.cli.progress import Progress, Tally
from giar_parse.cli.series import run_series
from giar_parse.errors import MissingExtraError
from giar_parse.reading import grammar
from giar_parse.sources.sample import sample_text
from giar_parse.writing.parquet import ParquetWriter
from giar_parse.writing.schema import json_schema

#: Files taken from a directory when no --glob is given: report texts, saved web pages, PDF and Word files.
DEFAULT_GLOBS = ("*.txt", "*.html", "*.htm", "*.pdf", "*.docx")

__all__ = ["main"]

_MANY = 10  # inputs from which a terminal gets a progress bar

_EXAMPLES = """\
examples:
  giar-parse report.txt                          one report as JSON
  giar-parse report.pdf report.docx              PDF (pip install 'giar-parse[pdf]') and Word files
  giar-parse --format table report.txt           read it in the terminal
  giar-parse reports/ --format jsonl -o all.jsonl --jobs 4
                                                 every report file under reports/, one line each
  giar-parse 2020/ --glob '*报告*.txt' --format csv > cells.csv
                                                 one row per table cell, for a spreadsheet
  giar-parse 2020/ --format csv --encoding utf-8-sig -o cells.csv
                                                 the same, with the BOM Excel needs
  giar-parse 2020/ --format parquet -o cells.parquet --diagnostics notes.jsonl
                                                 typed columns (needs giar-parse[parquet]),
                                                 every diagnostic as a JSON line
  curl -s URL | giar-parse -                     a report from standard input
  giar-parse --sample                            the bundled sample report

The kind of each input is read from its content: PDF, Word .docx, HTML, or text in
UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
A file that cannot be read (or does not exist) is reported on stderr (file:line:column:
error) and the batch goes on; with more than one input a summary line ends stderr:
parsed (clean, with warnings, with errors) and failed.  Ctrl-C stops the batch; what is
written so far stays valid (a JSON list is closed).
exit status: 0 all parsed, 1 some input failed, 2 usage error, 130 interrupted.
"""


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="giar-parse",
        description="Read 政府信息公开工作年度报告 (government information disclosure annual reports) "
        "into JSON, JSON Lines, CSV or a terminal table.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="report files, directories, or '-' for stdin")
    parser.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "csv", "parquet", "table"),
        default="json",
        help="json: one document (a list for several inputs or a directory); jsonl: one report per line; "
        "csv: one row per table cell; parquet: the same rows, typed (needs -o); table: a readable view "
        "(default: json)",
    )
    parser.add_argument(
        "-g",
        "--glob",
        action="append",
        help="files to take from directories; repeat for several (default: *.txt, *.html, *.htm, *.pdf, *.docx)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help="encoding of text output (default: utf-8; utf-8-sig writes the byte order mark Excel needs)",
    )
    parser.add_argument(
        "--diagnostics", metavar="FILE", help="also write every diagnostic as a JSON line (file, code, severity, ...)"
    )
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="parse on N processes (0: one per core)")
    parser.add_argument("--strict", action="store_true", help="count a report with an error diagnostic as failed")
    parser.add_argument("--provenance", action="store_true", help="add the line, column and raw text of every value")
    parser.add_argument("--sample", action="store_true", help="parse the sample report bundled with the package")
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the output and exit")
    parser.add_argument(
        "--series", action="store_true", help="check the inputs across years (carry-over, gaps); print the diagnostics"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _jobs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[Job]:
    if args.sample:
        if args.inputs:
            parser.error("--sample takes no INPUT")
        return [Job(None, sample_text())]
    if not args.inputs:
        parser.error("give report files, directories, '-' for stdin, or --sample")
    if args.inputs.count(STDIN) > 1:
        parser.error("'-' (stdin) can be given once")
    patterns = args.glob or list(DEFAULT_GLOBS)
    names = list(expand(args.inputs, patterns))
    if not names:
        parser.error(f"no file matches {' or '.join(patterns)} in {', '.join(args.inputs)}")
    return [Job(STDIN, sys.stdin.buffer.read()) if name == STDIN else Job(name) for name in names]


def _warm() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    grammar.load()  # build the grammar once per worker process


def _outcomes(jobs: list[Job], options: Options, processes: int) -> Generator[Outcome, None, None]:
    work = functools.partial(run_job, options)
    if processes <= 1 or len(jobs) <= 1:
        yield from map(work, jobs)
        return
    chunk = max(1, min(16, len(jobs) // (processes * 8)))
    # workers start with Ctrl-C ignored, so an interrupt reaches only the main process
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool = multiprocessing.get_context().Pool(processes, initializer=_warm)
    finally:
        signal.signal(signal.SIGINT, previous)
    with pool:  # leaving it (done, or interrupted) terminates the workers
        yield from pool.imap(work, jobs, chunksize=chunk)


def _run(args: argparse.Namespace, jobs: list[Job], writer: Writer, notes: TextIO | None) -> int:
    options = attrs.evolve(_options(args), diagnostics=notes is not None)
    single = _single(args, jobs)
    progress = Progress(len(jobs), sys.stderr, enabled=len(jobs) >= _MANY and sys.stderr.isatty())
    tally = Tally(len(jobs))
    processes = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    with Interrupt() as interrupt:
        outcomes = _outcomes(jobs, options, processes)
        try:
            for outcome in outcomes:
                if outcome.error is not None:
                    detail = f"\n{outcome.snippet}" if single and outcome.snippet else ""
                    progress.note(f"giar-parse: {outcome.error}{detail}")
                else:
                    with held():
                        writer.write(outcome)
                        if notes is not None:
                            notes.writelines(line + "\n" for line in outcome.diagnostics)
                tally.add(outcome)
                progress.advance(failed=outcome.error is not None)
                if interrupt.asked:
                    break
        except KeyboardInterrupt:
            interrupt.asked = True
        finally:
            outcomes.close()  # stops the workers
            progress.clear()
            with held():
                writer.close()
    if interrupt.asked:
        print(f"giar-parse: interrupted: {tally.summary()}", file=sys.stderr)
        return 130
    if not single:
        print(f"giar-parse: {tally.summary()}", file=sys.stderr)
    return 1 if tally.failed else 0


def _single(args: argparse.Namespace, jobs: list[Job]) -> bool:
    return len(jobs) == 1 and len(args.inputs) <= 1 and not any(os.path.isdir(name) for name in args.inputs)


def _encoding(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str | None:
    if args.encoding is None:
        return None
    try:
        return codecs.lookup(args.encoding).name
    except LookupError:
        parser.error(f"unknown encoding: {args.encoding}")


def _open(
    args: argparse.Namespace, parser: argparse.ArgumentParser, jobs: list[Job]
) -> tuple[Writer, list[Callable[[], object]]]:
    """The writer for the chosen format, and what closes its file at the end."""
    encoding = _encoding(args, parser)
    opened: list[Callable[[], object]] = []
    try:
        if args.format == "parquet":
            if args.output is None:
                parser.error("--format parquet writes a file: give -o FILE")
            if encoding is not None:
                parser.error("--encoding is for text output; Parquet has its own")
            parquet = ParquetWriter(args.output, provenance=args.provenance)
            writer = Writer(None, _options(args), many=True, parquet=parquet)
            return writer, opened
        if args.output is not None:
            out: TextIO = open(args.output, "w", encoding=encoding or "utf-8", newline="")  # noqa: SIM115
            opened.append(out.close)
        elif encoding is not None:
            sys.stdout.flush()
            out = io.TextIOWrapper(sys.stdout.buffer, encoding=encoding, newline="", write_through=True)
            opened.append(out.detach)  # leaves the real stdout open
        else:
            out = sys.stdout
    except MissingExtraError as error:
        parser.error(error.message)
    except OSError as error:
        parser.error(f"cannot write {args.output}: {error.strerror or error}")
    return Writer(out, _options(args), many=not _single(args, jobs), parquet=None), opened


def _options(args: argparse.Namespace) -> Options:
    return Options(format=args.format, strict=args.strict, provenance=args.provenance)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``giar-parse`` command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    parser = _arguments()
    args = parser.parse_args(argv)
    if args.schema:
        print(json.dumps(json_schema(), ensure_ascii=False, indent=1))
        return 0
    if args.jobs < 0:
        parser.error("--jobs takes 0 (one per core) or more")
    if args.series:
        return run_series(args, parser, argv, args.glob or list(DEFAULT_GLOBS))
    return _batch(args, parser)


def _batch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Parse every input and write the output; the exit code."""
    try:
        jobs = _jobs(args, parser)
    except KeyboardInterrupt:  # while reading stdin
        print("giar-parse: interrupted", file=sys.stderr)
        return 130
    try:
        notes = None if args.diagnostics is None else open(args.diagnostics, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        parser.error(f"cannot write {args.diagnostics}: {error.strerror or error}")
    writer, opened = _open(args, parser, jobs)
    if notes is not None:
        opened.append(notes.close)
    try:
        return _run(args, jobs, writer, notes)
    except KeyboardInterrupt:  # a second Ctrl-C while the output is closed
        print("giar-parse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (giar-parse ... | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except UnicodeEncodeError as error:
        print(f"giar-parse: cannot write {error.object[error.start : error.end]!r} in {args.encoding}", file=sys.stderr)
        return 1
    finally:
        for close in opened:
            close()
