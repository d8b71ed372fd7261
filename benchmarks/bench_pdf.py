"""PDF reading speed: ms per report, against pdfplumber's own ``extract_tables()`` on the same files.

    python benchmarks/bench_pdf.py [--repeat N] [--pages 50,500]

For each PDF sample (tests/data/2021, and ../shared/samples where it is beside the
checkout) in one process: the time to read the report (``flatten_pdf`` + the reading
stage), and the time pdfplumber takes to open the same file and run
``page.extract_tables()`` on every page.  The ratio is the cost of reading a report
relative to extracting only its tables.  Then the same for generated PDFs of growing page
count (a table and prose on every page): ms per page should stay flat (linear time).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from giar_parse.reading.grammar import lark_parser
from giar_parse.reading.parser import read_text
from giar_parse.sources.origins import remap
from giar_parse.sources.pdf import flatten_pdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from pdfs import Writer  # noqa: E402  (the tests' PDF writer)

SAMPLES = [ROOT / "tests" / "data" / "2021", ROOT.parent / "shared" / "samples"]


def read_report(data: bytes) -> None:
    flattened = flatten_pdf(data, "bench.pdf")
    remap(read_text(flattened.text), flattened)


def extract_tables(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def best_ms(function: Callable[[bytes], None], data: bytes, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(data)
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def generated(pages: int) -> bytes:
    """``pages`` pages, each a heading, a prose line and a ruled 12-row table of numbers."""
    writer = Writer()
    for number in range(pages):
        writer.page()
        writer.text(60, 50, f"第{number + 1}部分 情况说明")
        writer.text(60, 70, "本年度各项工作有序推进，" * 3)
        for row in range(12):
            top = 100 + row * 18
            cells = [f"项目{row + 1}", *(str(number * 7 + row * c) for c in range(1, 8))]
            for column, text in enumerate(cells):
                x0 = 60 + (0 if column == 0 else 120 + (column - 1) * 50)
                x1 = x0 + (120 if column == 0 else 50)
                writer.text(x0 + 2, top + 4, text)
                writer.line(x0, top, x1, top)
                writer.line(x0, top + 18, x1, top + 18)
                writer.line(x0, top, x0, top + 18)
                writer.line(x1, top, x1, top + 18)
    return writer.bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", default="50,500", help="page counts of the generated PDFs")
    args = parser.parse_args()
    lark_parser()  # built once per process, not part of a report's cost

    files = sorted({p.name: p for folder in SAMPLES if folder.is_dir() for p in folder.glob("*.pdf")}.values())
    ratios = []
    print(f"{'file':28} {'pages':>5} {'read ms':>9} {'extract_tables ms':>18} {'ratio':>6}")
    for path in files:
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
        ours = best_ms(read_report, data, args.repeat)
        theirs = best_ms(extract_tables, data, args.repeat)
        ratios.append(ours / theirs)
        print(f"{path.name:28} {count:5} {ours:9.1f} {theirs:18.1f} {ours / theirs:6.2f}")
    if ratios:
        print(f"median ratio (read a report / pdfplumber extract_tables): {statistics.median(ratios):.2f}")

    print(f"\n{'generated pages':>15} {'flatten ms':>11} {'ms/page':>8} {'extract_tables ms':>18} {'ms/page':>8}")
    for pages in (int(n) for n in args.pages.split(",")):
        data = generated(pages)
        repeat = max(1, args.repeat if pages <= 100 else 1)
        ours = best_ms(lambda d: None if flatten_pdf(d, "bench.pdf") else None, data, repeat)
        theirs = best_ms(extract_tables, data, repeat)
        print(f"{pages:15} {ours:11.0f} {ours / pages:8.2f} {theirs:18.0f} {theirs / pages:8.2f}")


if __name__ == "__main__":
    main()
