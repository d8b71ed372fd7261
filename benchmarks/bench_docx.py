"""Word input: ms per report for the .docx samples, and how the time grows with the document.

    python benchmarks/bench_docx.py [--repeat N]

Each sample in tests/data/2021 is read N times with ``giar_parse.parse_file`` (the bytes
in memory: unzip, check the XML, flatten, parse), and its flattening alone
(``flatten_docx``) is timed apart.  For scale, in the same process, ``giar_parse.parse``
of the same report as tab-separated text (``pingtan-gov-2023.rows-tab.txt``): the ratio
holds on a busy machine where milliseconds do not.  Then the first sample's body repeated
1, 4 and 16 times is flattened: flat ms per MB of XML means time linear in size.
Figures are medians of CPU time of this process.  Aim: under 10 ms per report.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import giar_parse
from giar_parse.reading import grammar
from giar_parse.sources.docx import flatten_docx

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "data" / "2021"


def median_ms(work: Callable[[], object], repeat: int) -> float:
    work()  # warm up
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        work()
        samples.append(time.process_time() - started)
    return statistics.median(samples) * 1000


def repeated(data: bytes, times: int) -> tuple[bytes, int]:
    """The .docx with its body repeated ``times`` times, and the size of its document.xml."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.rindex("<w:sectPr") if "<w:sectPr" in xml else xml.rindex("</w:body>")
    document = (xml[:start] + xml[start:end] * times + xml[end:]).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return out.getvalue(), len(document)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    grammar.load()
    samples = {path.stem: path.read_bytes() for path in sorted(SAMPLES.glob("*.docx"))}
    totals = []
    for name, data in samples.items():
        whole = median_ms(lambda data=data: giar_parse.parse_file(data), args.repeat)  # type: ignore[misc]
        flatten = median_ms(lambda data=data: flatten_docx(data, None), args.repeat)  # type: ignore[misc]
        totals.append(whole)
        print(f"{name}.docx: {len(data):6d} bytes  parse_file {whole:6.2f} ms  (flatten_docx {flatten:5.2f} ms)")
    print(f"all .docx samples: {statistics.mean(totals):.2f} ms per report (aim: under 10 ms)")
    text = (SAMPLES / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")
    as_text = median_ms(lambda: giar_parse.parse(text), args.repeat)
    print(
        f"the same report as tab-separated text: parse {as_text:.2f} ms; "
        f"the .docx costs {totals[0] / as_text:.1f}x that"
    )
    first = next(iter(samples.values()))
    print("flatten_docx on the first sample's body repeated (ms per MB of XML should stay flat):")
    for times in (1, 4, 16):
        data, size = repeated(first, times)
        elapsed = median_ms(lambda data=data: flatten_docx(data, None), max(3, args.repeat // times))  # type: ignore[misc]
        print(f"  x{times:<3d} {size / 1e6:6.2f} MB XML  {elapsed:8.2f} ms  {elapsed / (size / 1e6):6.2f} ms/MB")


if __name__ == "__main__":
    main()
