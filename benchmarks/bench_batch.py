"""Batch throughput of the command line: reports/s through ``giar-parse --format jsonl``.

    python benchmarks/bench_batch.py [--reports 2000] [--jobs 1 2] [--format jsonl]

Writes N reports (the seed reports, repeated) to a temporary directory and runs the
command line over it once per ``--jobs`` value, end to end (process start, reading,
parsing, writing to /dev/null).  Peak memory (max RSS) of the main process and of the
largest worker is measured for N/4 and N reports: flat figures mean nothing accumulates.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"

# runs the command line in a child and records its own and its workers' peak RSS
RUNNER = """
import json, resource, sys
from giar_parse.__main__ import main
code = main(sys.argv[2:])
peak = {
    "main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "workers": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
}
open(sys.argv[1], "w").write(json.dumps(peak))
sys.exit(code)
"""


def write_reports(folder: Path, count: int) -> None:
    seeds = [p.read_bytes() for p in sorted(DATA.glob("*.txt"))]
    for index, content in zip(range(count), itertools.cycle(seeds)):
        (folder / f"{index:05d}.txt").write_bytes(content)


def run(folder: Path, jobs: int, fmt: str, stats: Path) -> tuple[float, dict[str, int]]:
    command = [sys.executable, "-c", RUNNER, str(stats), str(folder), "--format", fmt, "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run([*command, "--output", os.devnull], check=True, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    return elapsed, json.loads(stats.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "json"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, large, stats = Path(tmp, "small"), Path(tmp, "large"), Path(tmp, "stats.json")
        small.mkdir()
        large.mkdir()
        write_reports(small, max(1, args.reports // 4))
        write_reports(large, args.reports)
        print(f"{args.reports} reports ({len(list(DATA.glob('*.txt')))} seeds repeated), --format {args.format}")
        # other work on the machine shares the cores: --jobs 2 cannot scale past what is idle
        print(f"{os.cpu_count()} cores, load average before: {os.getloadavg()[0]:.2f}")
        for jobs in args.jobs:
            elapsed, peak = run(large, jobs, args.format, stats)
            workers = f", largest worker {peak['workers'] / 1024:.0f} MB" if peak["workers"] else ""
            print(
                f"--jobs {jobs}: {elapsed:6.2f} s  {args.reports / elapsed:6.1f} reports/s  "
                f"peak RSS main {peak['main'] / 1024:.0f} MB{workers}"
            )
        for folder, count in ((small, max(1, args.reports // 4)), (large, args.reports)):
            _, peak = run(folder, 1, args.format, stats)
            print(f"memory, --jobs 1, {count:5d} reports: peak RSS {peak['main'] / 1024:.0f} MB")


if __name__ == "__main__":
    main()
