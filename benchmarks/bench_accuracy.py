"""Accuracy on the seeds and samples: cells read, wrong and not read, per report and form.

    python benchmarks/bench_accuracy.py

For every seed (``tests/data/*.txt`` with ``tests/data/expected/*.json``) and every form
of the samples in ``../shared/samples`` (the ``.txt`` forms and ``.html``; ``.pdf`` and
``.docx`` through ``giar_parse.parse_file`` where the library has it), compares each
numeric cell of tables 二, 三 and 四 with the hand-read expected value:

- expected: the numeric leaves of the expected ``active`` / ``requests`` / ``appeals``;
- read: the returned value equals the expected one;
- wrong: a number was returned that differs from the expected one;
- not read: None (or a missing table) where a number is expected;
- spurious: a number returned where the report prints none (expected null).

Each ``pdftotext-layout`` form is also read with values printed low (``…, values low``): in
every other row with values on its line one value (never the first) is moved onto a line of
its own under the row, at the same character offset, as ``pdftotext -layout`` prints a value
that sits low in its cell.

The goal is 0 wrong and 0 spurious everywhere.  What is absent is skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import giar_parse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT.parent / "shared" / "samples"
TABLES = ("active", "requests", "appeals")


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if not key.endswith("_text"):
                yield from _leaves(item, f"{path}.{key}" if path else key)
    else:
        yield path, value


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _lookup(tree: Any, path: str) -> Any:
    for key in path.split("."):
        if not isinstance(tree, dict) or key not in tree:
            return None
        tree = tree[key]
    return tree


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> dict[str, int]:
    """Counts of expected, read, wrong, not_read and spurious cells."""
    counts = dict.fromkeys(("expected", "read", "wrong", "not_read", "spurious"), 0)
    for table in TABLES:
        for path, want in _leaves(expected.get(table) or {}, table):
            got = _number(_lookup(actual, path))
            wanted = _number(want)
            if wanted is None:
                counts["spurious"] += got is not None
                continue
            counts["expected"] += 1
            if got is None:
                counts["not_read"] += 1
            elif got == wanted:
                counts["read"] += 1
            else:
                counts["wrong"] += 1
    return counts


_CELL = re.compile(r"\S+(?: \S+)*")
_NUMBER = re.compile(r"^[-+]?\d[\d,.]*$")


def values_low(text: str) -> str:
    """``text`` with one value of every other valued row moved a line down, at its character offset."""
    out: list[str] = []
    rows = 0
    for line in text.split("\n"):
        cells = list(_CELL.finditer(line))
        values = [cell for cell in cells[1:] if _NUMBER.match(cell.group())]
        if len(values) < 2 or len(values) != len(cells) - 1:
            out.append(line)
            continue
        rows += 1
        if rows % 2:
            out.append(line)
            continue
        moved = values[1 + rows // 2 % (len(values) - 1)]
        out.append((line[: moved.start()] + " " * len(moved.group()) + line[moved.end() :]).rstrip())
        out.append(" " * moved.start() + moved.group())
    return "\n".join(out)


def _cases() -> Iterator[tuple[str, str, Path, Callable[[Path], giar_parse.Report]]]:
    def text(path: Path) -> giar_parse.Report:
        return giar_parse.parse(path.read_text(encoding="utf-8"))

    for expected in sorted((DATA / "expected").glob("*.json")):
        source = DATA / f"{expected.stem}.txt"
        if source.exists():
            yield expected.stem, "seed .txt", expected, lambda _p, s=source: text(s)
    if not SAMPLES.is_dir():
        print(f"(no samples: {SAMPLES} is absent)")
        return
    parse_file = getattr(giar_parse, "parse_file", None)
    for expected in sorted((SAMPLES / "expected").glob("*.json")):
        for source in sorted(SAMPLES.glob(f"{expected.stem}.*")):
            form = source.name[len(expected.stem) :].lstrip(".")
            if source.suffix in (".txt", ".html"):
                yield expected.stem, form, expected, lambda _p, s=source: text(s)
            if source.name.endswith("pdftotext-layout.txt"):
                yield (
                    expected.stem,
                    f"{form}, values low",
                    expected,
                    lambda _p, s=source: giar_parse.parse(values_low(s.read_text(encoding="utf-8"))),
                )
            elif source.suffix in (".pdf", ".docx") and parse_file is not None:
                yield expected.stem, form, expected, lambda _p, s=source: parse_file(s)


def main() -> None:
    totals = dict.fromkeys(("expected", "read", "wrong", "not_read", "spurious"), 0)
    print(f"{'report':28} {'form':36} {'expected':>8} {'read':>6} {'wrong':>6} {'not read':>8} {'spurious':>8}")
    for name, form, expected_path, read in _cases():
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            actual = giar_parse.to_dict(read(expected_path))
        except giar_parse.GiarParseError as error:
            print(f"{name:28} {form:36} refused: {type(error).__name__}: {error.message[:60]}")
            actual = {}
        counts = compare(expected, actual)
        for key, value in counts.items():
            totals[key] += value
        print(
            f"{name:28} {form:36} {counts['expected']:8d} {counts['read']:6d} {counts['wrong']:6d} "
            f"{counts['not_read']:8d} {counts['spurious']:8d}"
        )
    share = totals["read"] / totals["expected"] * 100 if totals["expected"] else 0.0
    print(
        f"{'total':65} {totals['expected']:8d} {totals['read']:6d} {totals['wrong']:6d} "
        f"{totals['not_read']:8d} {totals['spurious']:8d}   ({share:.1f} % read)"
    )


if __name__ == "__main__":
    main()
