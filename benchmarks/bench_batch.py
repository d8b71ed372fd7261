"""Batch throughput of the command line: reports/s for jsonl, csv and parquet output, and peak memory.

    python benchmarks/bench_batch.py [--reports 2000] [--jobs 1 2] [--formats jsonl csv parquet]

Writes N reports (the seed reports, repeated) to a temporary directory and runs the
command line over it once per format and ``--jobs`` value, end to end (process start,
reading, parsing, writing to a file).  Peak memory (max RSS) of the main process and of
the largest worker is measured for N/4 and N reports with ``--jobs 1``: flat figures mean
nothing accumulates (Parquet holds at most one row group).
"""

from __future__ import annotations

import argparse
import importlib.util
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
    seeds = [p.read_bytes() for p in sorted(DATA.rglob("*.txt"))]
    for index, content in zip(range(count), itertools.cycle(seeds)):
        (folder / f"{index:05d}.txt").write_bytes(content)


def run(folder: Path, jobs: int, fmt: str, tmp: Path) -> tuple[float, dict[str, int]]:
    stats, out = tmp / "stats.json", tmp / f"out.{fmt}"
    command = [sys.executable, "-c", RUNNER, str(stats), str(folder), "--format", fmt, "--jobs", str(jobs)]
    started = time.perf_counter()
    subprocess.run([*command, "--output", str(out)], check=True, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    out.unlink()
    return elapsed, json.loads(stats.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--formats", nargs="+", default=["jsonl", "csv", "parquet"], choices=["jsonl", "csv", "parquet"]
    )
    args = parser.parse_args()
    formats = [f for f in args.formats if f != "parquet" or importlib.util.find_spec("pyarrow")]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        small, large = tmp / "small", tmp / "large"
        small.mkdir()
        large.mkdir()
        quarter = max(1, args.reports // 4)
        write_reports(small, quarter)
        write_reports(large, args.reports)
        print(f"{args.reports} reports ({len(list(DATA.rglob('*.txt')))} seeds repeated)")
        # other work on the machine shares the cores: --jobs 2 cannot scale past what is idle
        print(f"{os.cpu_count()} cores, load average before: {os.getloadavg()[0]:.2f}")
        if len(formats) < len(args.formats):
            print("parquet skipped: pyarrow is not installed (pip install 'giar-parse[parquet]')")
        for fmt in formats:
            for jobs in args.jobs:
                elapsed, peak = run(large, jobs, fmt, tmp)
                workers = f", largest worker {peak['workers'] / 1024:.0f} MB" if peak["workers"] else ""
                print(
                    f"--format {fmt:7} --jobs {jobs}: {elapsed:6.2f} s  {args.reports / elapsed:6.1f} reports/s  "
                    f"peak RSS main {peak['main'] / 1024:.0f} MB{workers}"
                )
        for fmt in formats:
            figures = []
            for folder, count in ((small, quarter), (large, args.reports)):
                _, peak = run(folder, 1, fmt, tmp)
                figures.append(f"{count:5d} reports {peak['main'] / 1024:4.0f} MB")
            print(f"memory, --format {fmt:7} --jobs 1, peak RSS: {'; '.join(figures)}")


if __name__ == "__main__":
    main()
