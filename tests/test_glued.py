"""A row label printed with its row's first value as one cell, as pypdf and PyMuPDF give a PDF table.

``行政规范性文件77``, ``（四）1.本机关不掌握相关政府信息31``: the texts here are the real 2021 report
of ``tests/data/2021`` rewritten into that shape, and its hand-read values are expected.
"""

from __future__ import annotations

import json

import pytest

import giar_parse
from conftest import DATA, differences
from giar_parse.reading.glued import unglued

ROWS_TAB = (DATA / "2021" / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")
EXPECTED = json.loads((DATA / "2021" / "pingtan-gov-2023.json").read_text(encoding="utf-8"))


def _is_number(cell: str) -> bool:
    return cell.replace(".", "", 1).isdigit()


def glued(text: str) -> str:
    """One cell per line, each row's label joined to its first value with no gap between them."""
    out: list[str] = []
    for line in text.split("\n"):
        cells = [cell for cell in line.split("\t") if cell]
        first = next((i for i, cell in enumerate(cells) if _is_number(cell)), None)
        if first is None or first == 0:
            out.extend(cells or [line])
            continue
        out.extend(cells[: first - 1])
        out.append(cells[first - 1] + cells[first])
        out.extend(cells[first + 1 :])
    return "\n".join(out)


def test_labels_joined_to_their_first_values_are_read() -> None:
    text = glued(ROWS_TAB)
    assert "行政规范性文件77\n132\n470" in text  # the shape under test
    report = giar_parse.parse(text)
    assert differences(EXPECTED, giar_parse.to_dict(report)) == []
    assert not [d for d in report.diagnostics if d.severity == "error"]


def test_a_group_enumerator_joined_to_its_first_sub_row_is_read() -> None:
    # the group label's cell, wrapped, comes apart: its enumerator before the first sub-row, the
    # rest of its words after that row's values (as PyMuPDF gives the 2021 report's PDF)
    text = glued(ROWS_TAB).replace("（四）无法提供\n1.本机关不掌握相关政府信息31", "（四）1.本机关不掌握相关政府信息31")
    text = text.replace("2.没有现成信息需要另行制作0", "无法提\n供\n2.没有现成信息需要另行制作0")
    assert "（四）1.本机关不掌握相关政府信息31\n0\n" in text and "31\n无法提\n供\n2." in text
    report = giar_parse.parse(text)
    assert differences(EXPECTED, giar_parse.to_dict(report)) == []


def test_two_values_run_together_after_a_label_are_not_read() -> None:
    # 规章 prints 0, 0 and 0; a cell 规章00 could be 0 and 0, or 0 and 00: it is not cut
    text = glued(ROWS_TAB).replace("规章0\n0\n0", "规章00\n0")
    assert "规章00\n0" in text
    report = giar_parse.parse(text)
    assert report.active is not None and report.active.regulations is None
    assert any(d.code == "row.missing" and d.path == "active.regulations" for d in report.diagnostics)
    assert report.active.normative_documents == giar_parse.parse(ROWS_TAB).active.normative_documents  # type: ignore[union-attr]


def test_only_a_whole_row_label_is_cut_from_its_value() -> None:
    assert unglued("（四）1.本机关不掌握相关政府信息31") == (
        ("(四)", "（四）", 0),
        ("1.本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息", 3),
        ("31", "31", 17),
    )
    assert unglued("行政事业性收费5949.088667") == (
        ("行政事业性收费", "行政事业性收费", 0),
        ("5949.088667", "5949.088667", 7),
    )
    for text in (
        "全年共收到政府信息公开申请81",
        "2023",
        "本年制发件数本年废止件数",
        "规章(件)",
        "规章 0",
        "第二十条第(五)项",
    ):
        assert unglued(text) is None, text


@pytest.mark.parametrize(
    "name",
    ["pingtan-gov-2023.pymupdf", "pingtan-gov-2023.pypdf", "pingtan-gov-2024.pymupdf", "pingtan-gov-2024.pypdf"],
)
def test_pypdf_and_pymupdf_text_of_the_2021_pdfs_is_read(name: str) -> None:
    # tests/data/extractors: the text PyMuPDF 2.0 (get_text) and pypdf 7.1 (extract_text) give the
    # LibreOffice PDFs of tests/data/2021, which join row labels to their first values
    text = (DATA / "extractors" / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((DATA / "2021" / f"{name.split('.', maxsplit=1)[0]}.json").read_text(encoding="utf-8"))
    report = giar_parse.parse(text)
    assert differences(expected["requests"], giar_parse.to_dict(report)["requests"]) == []
    assert differences(expected["active"], giar_parse.to_dict(report)["active"]) == []
    assert differences(expected["appeals"], giar_parse.to_dict(report)["appeals"]) == []
