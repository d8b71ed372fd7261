"""Cells read from the text other tools extract from the samples' PDF, web page and Word files.

    pip install -e . --group extractors     # the tools (none is a dependency of giar-parse)
    python benchmarks/bench_extractors.py   # pdftotext too where poppler-utils is installed

Users often hold a report as text some other tool made.  For every sample with hand-read
values (``../shared/samples`` where present, else the two Pingtan reports of
``tests/data/2021``) this extracts the text of its ``.pdf``, ``.html`` and ``.docx`` files
with each installed tool, in the tool's plain default use (pages or blocks joined by a line
break), parses it, and counts the numeric cells of tables 二, 三 and 四 read, wrong and not
read, as ``bench_accuracy.py`` does.  A tool that is not installed is named and skipped.
The goal is 0 wrong everywhere; a text the parser cannot read is refused or left ``None``.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_accuracy import compare

import giar_parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "samples"
BUNDLED = ROOT / "tests" / "data" / "2021"

Extract = Callable[[Path], str]


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text  # noqa: PLC0415 (each tool only where installed)

    return str(extract_text(str(path)))


def _pdfminer_baseline(path: Path) -> str:
    """pdfminer.six ordering text boxes by their position only (``boxes_flow=None``), a common setting."""
    from pdfminer.high_level import extract_text  # noqa: PLC0415
    from pdfminer.layout import LAParams  # noqa: PLC0415

    return str(extract_text(str(path), laparams=LAParams(boxes_flow=None)))


def _pymupdf_blocks(path: Path) -> str:
    """PyMuPDF's text blocks, one after another."""
    import pymupdf  # noqa: PLC0415

    with pymupdf.open(str(path)) as document:
        return "\n".join(block[4] for page in document for block in page.get_text("blocks"))


def _pdfium(path: Path) -> str:
    import pypdfium2  # noqa: PLC0415

    document = pypdfium2.PdfDocument(str(path))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def _pdfplumber_layout(path: Path) -> str:
    import pdfplumber  # noqa: PLC0415

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text(layout=True) or "" for page in pdf.pages)


def _pymupdf(path: Path) -> str:
    import pymupdf  # noqa: PLC0415

    return "\n".join(page.get_text() for page in pymupdf.open(str(path)))


def _pypdf(path: Path) -> str:
    import pypdf  # noqa: PLC0415

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def _pypdf_layout(path: Path) -> str:
    import pypdf  # noqa: PLC0415

    return "\n".join(page.extract_text(extraction_mode="layout") for page in pypdf.PdfReader(str(path)).pages)


def _pdftotext(*options: str) -> Extract:
    def extract(path: Path) -> str:
        command = ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"]
        return subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8")

    return extract


def _html2text(path: Path) -> str:
    import html2text  # noqa: PLC0415

    converter = html2text.HTML2Text()
    converter.body_width = 0
    return str(converter.handle(path.read_text(encoding="utf-8")))


def _markdownify(path: Path) -> str:
    import markdownify  # noqa: PLC0415

    return str(markdownify.markdownify(path.read_text(encoding="utf-8")))


def _soup(separator: str) -> Extract:
    def extract(path: Path) -> str:
        from bs4 import BeautifulSoup  # noqa: PLC0415

        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(separator)

    return extract


def _inscriptis(path: Path) -> str:
    import inscriptis  # noqa: PLC0415

    return str(inscriptis.get_text(path.read_text(encoding="utf-8")))


def _trafilatura(path: Path) -> str:
    import trafilatura  # noqa: PLC0415

    return str(trafilatura.extract(path.read_text(encoding="utf-8"), include_tables=True) or "")


def _docx2txt(path: Path) -> str:
    import docx2txt  # noqa: PLC0415

    return str(docx2txt.process(str(path)))


def _mammoth_markdown(path: Path) -> str:
    """mammoth's markdown (it escapes a paragraph's leading ``1.`` as ``1\\.``)."""
    import mammoth  # noqa: PLC0415

    with path.open("rb") as file:
        return str(mammoth.convert_to_markdown(file).value)


def _python_docx(path: Path) -> str:
    """Paragraphs and table rows (cells joined by tabs) in document order."""
    import docx  # noqa: PLC0415
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    document = docx.Document(str(path))
    lines = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            lines.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            lines += ["\t".join(cell.text for cell in row.cells) for row in Table(element, document).rows]
    return "\n".join(lines)


#: suffix → (tool, the module it needs, how it extracts)
TOOLS: dict[str, list[tuple[str, str, Extract]]] = {
    ".pdf": [
        ("pdfminer.six extract_text", "pdfminer", _pdfminer),
        ("pdfminer.six boxes_flow=None", "pdfminer", _pdfminer_baseline),
        ("pypdfium2 get_text_range", "pypdfium2", _pdfium),
        ("pdfplumber layout=True", "pdfplumber", _pdfplumber_layout),
        ("PyMuPDF get_text", "pymupdf", _pymupdf),
        ("PyMuPDF get_text('blocks')", "pymupdf", _pymupdf_blocks),
        ("pypdf extract_text", "pypdf", _pypdf),
        ("pypdf layout mode", "pypdf", _pypdf_layout),
        ("pdftotext (poppler)", "command:pdftotext", _pdftotext()),
        ("pdftotext -layout", "command:pdftotext", _pdftotext("-layout")),
        ("pdftotext -raw", "command:pdftotext", _pdftotext("-raw")),
    ],
    ".html": [
        ("html2text", "html2text", _html2text),
        ("markdownify", "markdownify", _markdownify),
        ("BeautifulSoup get_text('\\n')", "bs4", _soup("\n")),
        ("BeautifulSoup get_text('\\t')", "bs4", _soup("\t")),
        ("BeautifulSoup get_text()", "bs4", _soup("")),
        ("inscriptis", "inscriptis", _inscriptis),
        ("trafilatura", "trafilatura", _trafilatura),
    ],
    ".docx": [
        ("docx2txt", "docx2txt", _docx2txt),
        ("mammoth markdown", "mammoth", _mammoth_markdown),
        ("python-docx (document order)", "docx", _python_docx),
    ],
}


def samples() -> list[tuple[str, Path, dict[str, Any]]]:
    """(report, file, expected values) for every sample file a tool can read."""
    if SHARED.is_dir():
        expected = {path.stem: path for path in sorted((SHARED / "expected").glob("*.json"))}
        folder = SHARED
    else:
        print(f"({SHARED} is absent: the Pingtan reports of tests/data/2021 only)")
        expected = {path.stem: path for path in sorted(BUNDLED.glob("*.json"))}
        folder = BUNDLED
    out = []
    for name, values in expected.items():
        for path in sorted(folder.glob(f"{name}.*")):
            if path.suffix in TOOLS:
                out.append((name, path, json.loads(values.read_text(encoding="utf-8"))))
    return out


def main() -> None:
    warnings.filterwarnings("ignore")  # the tools' own deprecation notes
    missing = sorted({module for tools in TOOLS.values() for _, module, _ in tools if not _installed(module)})
    if missing:
        print(f"not installed, skipped: {', '.join(missing)} (pip install -e . --group extractors)")
    print(f"{'report':18} {'file':5} {'tool':32} {'expected':>8} {'read':>5} {'wrong':>5} {'not read':>8}  refused")
    totals = dict.fromkeys(("expected", "read", "wrong", "not_read"), 0)
    for name, path, expected in samples():
        for tool, module, extract in TOOLS[path.suffix]:
            if module in missing:
                continue
            refused = ""
            try:
                actual = giar_parse.to_dict(giar_parse.parse(extract(path)))
            except giar_parse.GiarParseError as error:
                actual, refused = {}, type(error).__name__
            counts = compare(expected, actual)
            for key in totals:
                totals[key] += counts[key]
            print(
                f"{name:18} {path.suffix[1:]:5} {tool:32} {counts['expected']:8d} {counts['read']:5d} "
                f"{counts['wrong']:5d} {counts['not_read']:8d}  {refused}"
            )
    print(f"{'total':57} {totals['expected']:8d} {totals['read']:5d} {totals['wrong']:5d} {totals['not_read']:8d}")


def _installed(module: str) -> bool:
    """A module that imports, or ``command:name``, a program on the PATH."""
    if module.startswith("command:"):
        return shutil.which(module.removeprefix("command:")) is not None
    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    main()
