"""PDF reading speed: ms per report, against pdfplumber's own ``extract_tables()`` on the same files.

    python benchmarks/bench_pdf.py [--repeat N] [--pages 50,500]

For each PDF sample (tests/data/2021, and ../shared/samples where it is beside the
checkout) in one process: the time to read the report (``flatten_pdf`` + the reading
stage), and the time pdfplumber takes to open the same file and run
``page.extract_tables()`` on every page, taken in turns, best of N.  The ratio is the
cost of reading a report relative to extracting only its tables.  Then ``flatten_pdf``
and ``extract_tables`` on generated PDFs of growing page count (a table per page, and one
table over every page): ms per page should stay flat (linear time).
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

from giar_parse.reading import grammar
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


def best_ms(functions: list[Callable[[bytes], None]], data: bytes, repeat: int) -> list[float]:
    """The best time of each function on ``data``, taken in turns (the machine's load hits both alike)."""
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(repeat):
        for function, spent in zip(functions, times, strict=True):
            started = time.perf_counter()
            function(data)
            spent.append(time.perf_counter() - started)
    return [min(spent) * 1000 for spent in times]


def flatten(data: bytes) -> None:
    flatten_pdf(data, "bench.pdf")


def generated(pages: int, *, continued: bool = False) -> bytes:
    """``pages`` pages, each with a ruled 12-row, 8-column table of numbers.

    Each page has a heading and a prose line above its table, or (``continued``) the table
    alone, so that one table runs over every page of the document.
    """
    writer = Writer()
    edges = [60.0, 180.0, *(180.0 + 50 * k for k in range(1, 8))]
    for number in range(pages):
        writer.page()
        if not continued:
            writer.text(60, 50, f"第{number + 1}部分 情况说明")
            writer.text(60, 70, "本年度各项工作有序推进，" * 3)
        for row in range(13):
            writer.line(edges[0], 100 + row * 18, edges[-1], 100 + row * 18)
        for x in edges:
            writer.line(x, 100, x, 100 + 12 * 18)
        for row in range(12):
            cells = [f"项目{number * 12 + row + 1}", *(str(number * 7 + row * c) for c in range(1, 8))]
            for x, text in zip(edges, cells, strict=False):
                writer.text(x + 2, 100 + row * 18 + 4, text)
    return writer.bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", default="50,500", help="page counts of the generated PDFs")
    args = parser.parse_args()
    grammar.load()  # built once per process, not part of a report's cost

    files = sorted({p.name: p for folder in SAMPLES if folder.is_dir() for p in folder.glob("*.pdf")}.values())
    ratios = []
    print(f"{'file':28} {'pages':>5} {'read ms':>9} {'extract_tables ms':>18} {'ratio':>6}")
    for path in files:
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)
        ours, theirs = best_ms([read_report, extract_tables], data, args.repeat)
        ratios.append(ours / theirs)
        print(f"{path.name:28} {count:5} {ours:9.1f} {theirs:18.1f} {ours / theirs:6.2f}")
    if ratios:
        print(f"median ratio (read a report / pdfplumber extract_tables): {statistics.median(ratios):.2f}")

    print("\ngenerated PDFs (linear time: ms/page stays flat as the page count grows)")
    print(f"{'pages':>6} {'layout':>22} {'flatten ms':>11} {'ms/page':>8} {'extract_tables ms':>18} {'ms/page':>8}")
    for pages in (int(n) for n in args.pages.split(",")):
        for continued in (False, True):
            data = generated(pages, continued=continued)
            layout = "one table over all" if continued else "a table per page"
            ours, theirs = best_ms([flatten, extract_tables], data, 1)
            print(f"{pages:6} {layout:>22} {ours:11.0f} {ours / pages:8.2f} {theirs:18.0f} {theirs / pages:8.2f}")


if __name__ == "__main__":
    main()
