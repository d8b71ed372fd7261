"""The ``giar-parse`` command line: many reports in, JSON, JSON Lines, CSV or a table out."""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import sys
import textwrap
from collections.abc import Iterator, Sequence
from typing import TextIO

from giar_parse import __version__
from giar_parse.cli.batch import STDIN, Job, Options, Outcome, csv_header, expand, run_job
from giar_parse.cli.progress import Progress
from giar_parse.cli.series import run_series
from giar_parse.reading.grammar import lark_parser
from giar_parse.sources.sample import sample_text
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
  curl -s URL | giar-parse -                     a report from standard input
  giar-parse --sample                            the bundled sample report

The kind of each input is read from its content: PDF, Word .docx, HTML, or text in
UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
A file that cannot be read is reported on stderr (file:line:column: error) and the batch
goes on; with more than one input a summary line ends stderr.
exit status: 0 all parsed, 1 some input failed, 2 usage error.
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
        choices=("json", "jsonl", "csv", "table"),
        default="json",
        help="json: one document (a list for several inputs or a directory); jsonl: one report per line; "
        "csv: one row per table cell; table: a readable view (default: json)",
    )
    parser.add_argument(
        "-g",
        "--glob",
        action="append",
        help="files to take from directories; repeat for several (default: *.txt, *.html, *.htm, *.pdf, *.docx)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
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
    try:
        patterns = args.glob or list(DEFAULT_GLOBS)
        names = list(expand(args.inputs, patterns))
    except FileNotFoundError as error:
        parser.error(str(error))
    if not names:
        parser.error(f"no file matches {' or '.join(patterns)} in {', '.join(args.inputs)}")
    return [Job(STDIN, sys.stdin.buffer.read()) if name == STDIN else Job(name) for name in names]


def _warm() -> None:
    lark_parser()  # build the grammar once per worker process


def _outcomes(jobs: list[Job], options: Options, processes: int) -> Iterator[Outcome]:
    work = functools.partial(run_job, options)
    if processes <= 1 or len(jobs) <= 1:
        yield from map(work, jobs)
        return
    chunk = max(1, min(16, len(jobs) // (processes * 8)))
    with multiprocessing.get_context().Pool(processes, initializer=_warm) as pool:
        yield from pool.imap(work, jobs, chunksize=chunk)


class _Writer:
    """Writes outcomes as they come, so memory stays flat however long the batch."""

    def __init__(self, out: TextIO, options: Options, *, many: bool) -> None:
        self.out = out
        self.format = options.format
        self.many = many
        self.count = 0
        if self.format == "csv":
            out.write(csv_header(options) + "\n")
        elif self.format == "json" and many:
            out.write("[")

    def write(self, text: str) -> None:
        if self.format == "csv":
            if text:  # a report without tables has no cells
                self.out.write(text + "\n")
        elif self.format == "json" and self.many:
            self.out.write(("," if self.count else "") + "\n" + textwrap.indent(text, " "))
        elif self.format == "table":
            self.out.write(("\n" if self.count else "") + text + "\n")
        else:
            self.out.write(text + "\n")
        self.count += 1

    def close(self) -> None:
        if self.format == "json" and self.many:
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


def _run(args: argparse.Namespace, jobs: list[Job], out: TextIO) -> int:
    options = Options(format=args.format, strict=args.strict, provenance=args.provenance)
    single = len(jobs) == 1 and len(args.inputs) <= 1 and not any(os.path.isdir(name) for name in args.inputs)
    writer = _Writer(out, options, many=not single)
    progress = Progress(len(jobs), sys.stderr, enabled=len(jobs) >= _MANY and sys.stderr.isatty())
    parsed = warned = failed = 0
    processes = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    for outcome in _outcomes(jobs, options, processes):
        if outcome.error is not None:
            failed += 1
            detail = f"\n{outcome.snippet}" if single and outcome.snippet else ""
            progress.note(f"giar-parse: {outcome.error}{detail}")
        else:
            parsed += 1
            warned += outcome.warned
            writer.write(outcome.output)
        progress.advance(failed=outcome.error is not None)
    writer.close()
    progress.clear()
    if not single:
        summary = f"{len(jobs)} inputs: {parsed} parsed ({warned} with warnings), {failed} failed"
        print(f"giar-parse: {summary}", file=sys.stderr)
    return 1 if failed else 0


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
    jobs = _jobs(args, parser)
    try:
        out = sys.stdout if args.output is None else open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        parser.error(f"cannot write {args.output}: {error.strerror or error}")
    try:
        return _run(args, jobs, out)
    except BrokenPipeError:  # the reader went away (giar-parse ... | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("giar-parse: interrupted", file=sys.stderr)
        return 130
    finally:
        if out is not sys.stdout:
            out.close()
