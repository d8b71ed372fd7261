"""The figures the prose restates, per report, and what reading them costs.

    python benchmarks/bench_prose.py [--repeat N] [--all-forms]

For the seed reports (``tests/data/*.txt``) and the development samples
(``../shared/samples``: one text form of each report, or every form with ``--all-forms``)
it prints, per report: the phrases read, compared (the table prints the quantity and the
reading is certain), matched and mismatched, then every figure (``=`` matched, ``≠``
mismatched, ``·`` read but not compared) with its line and table path.

Then the cost: ms per :func:`giar_parse.parse` with the prose pass and with it switched
off, interleaved in this one process over the same texts (median of ``--repeat`` rounds),
and their ratio; and the prose pass alone on 1, 5 and 20 MB of prose (a seed report's
overview repeated), with ms per MB (equal figures: linear).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import giar_parse
from giar_parse.reading import build
from giar_parse.reading.prose import figures

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "samples"
# one text form of each development report, unless --all-forms
FORMS = ("pingtan-gov-2023.rows-tab.txt", "pingtan-gov-2024.rows-tab.txt", "huaian-gov-2024.pdfplumber.txt")


def corpus(all_forms: bool) -> list[Path]:
    paths = sorted(DATA.glob("*.txt"))
    if SHARED.is_dir():
        shared = sorted(SHARED.glob("*.txt"))
        if not all_forms:
            shared = [path for path in shared if path.name in FORMS]
        paths += shared
    return paths


def show(paths: list[Path]) -> None:
    totals = [0, 0, 0, 0]
    for path in paths:
        report = giar_parse.parse(path.read_text(encoding="utf-8"))
        read = report.prose_figures
        compared = [f for f in read if f.table is not None]
        matched = [f for f in compared if f.table == f.number]
        counts = [len(read), len(compared), len(matched), len(compared) - len(matched)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        print(f"{path.name}: read {counts[0]}, compared {counts[1]}, matched {counts[2]}, mismatched {counts[3]}")
        for figure in read:
            mark = "·" if figure.table is None else ("=" if figure.table == figure.number else "≠")
            table = "" if figure.table is None else f" table {figure.table}"
            print(f"  {mark} line {figure.line}: {figure.phrase} → {figure.path}{table}")
        for diagnostic in report.diagnostics:
            if diagnostic.code == "prose.mismatch":
                print(f"  prose.mismatch line {diagnostic.line}: {diagnostic.message}")
    print(f"all {len(paths)}: read {totals[0]}, compared {totals[1]}, matched {totals[2]}, mismatched {totals[3]}")


def _timed(parse: Callable[[], object]) -> float:
    start = time.perf_counter()
    parse()
    return time.perf_counter() - start


def cost(paths: list[Path], repeat: int) -> None:
    texts = [path.read_text(encoding="utf-8") for path in paths]
    for text in texts:  # warm the caches
        giar_parse.parse(text)
    real = build.figures

    def batch() -> None:
        for text in texts:
            giar_parse.parse(text)

    with_prose, without = [], []
    for _ in range(repeat):
        with_prose.append(_timed(batch))
        build.figures = lambda *args, **kwargs: []  # type: ignore[assignment]
        try:
            without.append(_timed(batch))
        finally:
            build.figures = real
    on, off = statistics.median(with_prose), statistics.median(without)
    per = 1000 / len(texts)
    print(f"parse with the prose pass: {on * per:.3f} ms per report, without: {off * per:.3f} ms")
    print(f"  ratio with/without (medians of {repeat} interleaved rounds): {on / off:.3f}")
    best_on, best_off = min(with_prose), min(without)
    print(f"  best times: {best_on * per:.3f} / {best_off * per:.3f} ms = {best_on / best_off:.3f}")


def large() -> None:
    seed = giar_parse.parse((DATA / "001_a256bd59c98b6bc9.txt").read_text(encoding="utf-8"))
    lines = seed.sections[0].body.split("\n")
    size = len("\n".join(lines).encode("utf-8"))
    print("the prose pass alone on large prose (the seed 001 overview repeated):")
    rates = []
    for megabytes in (1, 5, 20):
        copies = max(1, megabytes * 1_000_000 // size)
        body = lines * copies
        start = time.perf_counter()
        found = figures([(list(range(1, len(body) + 1)), body)], year=seed.year, template=seed.template)
        elapsed = time.perf_counter() - start
        rates.append(elapsed * 1000 / megabytes)
        print(f"  {megabytes:2d} MB: {elapsed * 1000:8.0f} ms  {rates[-1]:6.0f} ms/MB  ({len(found)} figures)")
    print(f"  ms/MB at 20 MB / at 1 MB: {rates[-1] / rates[0]:.2f} (1.00 is linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="rounds of the timing (default 20)")
    parser.add_argument("--all-forms", action="store_true", help="every text form of the development samples")
    args = parser.parse_args()
    paths = corpus(args.all_forms)
    show(paths)
    print()
    cost(paths, args.repeat)
    large()


if __name__ == "__main__":
    main()
