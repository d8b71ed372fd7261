"""Speed of check_series: µs per report, and its cost beside parsing the same reports.

    python benchmarks/bench_series.py [--agencies N] [--years N]

The two Pingtan reports (2023, 2024) are parsed once and copied as the reports of
``--agencies`` agencies for ``--years`` consecutive years each (every fifth agency's
name spelled with 人民政府, every seventh with a year missing), so every pair of years is
checked. Parsing is timed on the same two texts, in the same process, for the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import attrs

import giar_parse

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "2021"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [(DATA / f"pingtan-gov-{year}.rows-tab.txt").read_text(encoding="utf-8") for year in (2023, 2024)]
    parsed = [giar_parse.parse(text) for text in texts]

    reports = []
    for agency in range(args.agencies):
        name = f"某市{agency}区" + ("人民政府" if agency % 5 == 0 else "")
        for offset in range(args.years):
            if agency % 7 == 0 and offset == 2:
                continue  # a gap
            report = parsed[offset % 2]
            reports.append(attrs.evolve(report, agency=name, year=2021 + offset, source=f"{agency}/{offset}.txt"))

    samples = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = giar_parse.check_series(reports)
        samples.append(time.perf_counter() - started)
    series_seconds = statistics.median(samples)

    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for text in texts:
            giar_parse.parse(text)
    parse_seconds = (time.perf_counter() - started) / (rounds * len(texts))

    per_report = series_seconds / len(reports)
    print(f"check_series: {len(reports)} reports of {args.agencies} agencies, {len(found)} diagnostics")
    print(f"  median {series_seconds * 1000:.1f} ms, {per_report * 1e6:.1f} µs per report")
    share = per_report / parse_seconds
    print(f"  parse: {parse_seconds * 1000:.2f} ms per report; check_series costs {share:.2%} of it")


if __name__ == "__main__":
    main()
