"""Parse speed on the seed reports: ms per report and reports/s on one core.

    python benchmarks/bench_parse.py [--repeat N]

The Lark parser is built once (timed separately); each seed is then parsed N times,
first with the per-process caches of folded cells and labels warm (as in a batch, where
labels and small numbers repeat from report to report), then cold (caches cleared before
every parse, as for the first report of a process).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import giar_parse
from giar_parse.reading.fuzzy import match_label
from giar_parse.reading.grammar import lark_parser
from giar_parse.reading.lexer import _classify
from giar_parse.reading.normalise import fold
from giar_parse.reading.values import read

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt"))}

    started = time.perf_counter()
    lark_parser()
    print(f"parser construction: {(time.perf_counter() - started) * 1000:.1f} ms (once per process)")

    for cold in (False, True):
        total_reports = 0
        total_seconds = 0.0
        print("cold caches:" if cold else "warm caches:")
        for name, text in texts.items():
            giar_parse.parse(text)  # warm up
            samples = []
            for _ in range(args.repeat):
                if cold:
                    for cached in (fold, _classify, read, match_label):
                        cached.cache_clear()
                started = time.perf_counter()
                giar_parse.parse(text)
                samples.append(time.perf_counter() - started)
            total_reports += len(samples)
            total_seconds += sum(samples)
            print(
                f"  {name}: {len(text):6d} chars  median {statistics.median(samples) * 1000:6.2f} ms  "
                f"best {min(samples) * 1000:6.2f} ms"
            )
        print(
            f"  all seeds ({'cold' if cold else 'warm'}): {total_seconds / total_reports * 1000:.2f} ms per report, "
            f"{total_reports / total_seconds:.0f} reports/s ({total_reports} parses)"
        )


if __name__ == "__main__":
    main()
