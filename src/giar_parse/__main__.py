"""Command line: ``giar-parse FILE`` (or ``python -m giar_parse``) prints a report as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import giar_parse


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="giar-parse", description="Read a 政府信息公开工作年度报告 into JSON.")
    parser.add_argument("file", nargs="?", help="a report as UTF-8 text ('-' for stdin)")
    parser.add_argument("--sample", action="store_true", help="parse the sample report bundled with the package")
    parser.add_argument("--strict", action="store_true", help="fail on any error diagnostic")
    parser.add_argument("--provenance", action="store_true", help="add line, column and raw text of every value")
    parser.add_argument("--version", action="version", version=f"%(prog)s {giar_parse.__version__}")
    args = parser.parse_args(argv)
    if args.sample:
        text = giar_parse.sample_text()
    elif args.file == "-":
        text = sys.stdin.read()
    elif args.file:
        with open(args.file, encoding="utf-8") as handle:
            text = handle.read()
    else:
        parser.error("give a FILE, '-' for stdin, or --sample")
    try:
        report = giar_parse.parse(text, strict=args.strict)
    except giar_parse.GiarParseError as error:
        print(f"giar-parse: {error}", file=sys.stderr)
        return 1
    json.dump(giar_parse.to_dict(report, provenance=args.provenance), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
