"""A report given as its web page's HTML: tables read from the markup, positions point into it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import giar_parse
from conftest import SHARED_SAMPLES
from giar_parse.sources.html import flatten

ROWS_TAB = Path(__file__).parent / "data" / "2021" / "pingtan-gov-2023.rows-tab.txt"


def as_html(tab_text: str) -> str:
    """A page with every tab-separated line as a table row and every other line as a paragraph."""
    body: list[str] = []
    in_table = False
    for line in tab_text.splitlines():
        if "\t" in line:
            if not in_table:
                body.append("<table border='1'><tbody>")
                in_table = True
            cells = "".join(f"<td><p>{html.escape(cell) or '&nbsp;'}</p></td>" for cell in line.split("\t"))
            body.append(f"<tr>{cells}</tr>")
            continue
        if in_table:
            body.append("</tbody></table>")
            in_table = False
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    return (
        "<!DOCTYPE html>\n<html><head><title>t</title><style>p{}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>"
    )


def test_html_page_reads_like_its_text() -> None:
    text = ROWS_TAB.read_text(encoding="utf-8")
    page = as_html(text)
    report = giar_parse.parse(page)
    assert report == giar_parse.parse(text)
    assert [d for d in report.diagnostics if d.severity != "info"] == []


def test_html_provenance_points_into_the_page() -> None:
    page = as_html(ROWS_TAB.read_text(encoding="utf-8"))
    report = giar_parse.parse(page)
    assert report.requests is not None and report.requests.received is not None
    where = report.requests.received.provenance["total"]
    assert page.splitlines()[where.line - 1][where.column - 1 :].startswith("81</p>")


def test_blank_html_cells_are_null() -> None:
    text = ROWS_TAB.read_text(encoding="utf-8").replace(
        "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0", "二、上年结转政府信息公开申请数量\t0\t\t\t\t\t\t0"
    )
    report = giar_parse.parse(as_html(text))
    assert report.requests is not None and report.requests.carried_over is not None
    assert report.requests.carried_over.natural_person == 0
    assert report.requests.carried_over.business is None
    assert any(d.code == "cells.blank" for d in report.diagnostics)


@pytest.mark.skipif(not SHARED_SAMPLES.is_dir(), reason="../shared/samples is not beside this checkout")
def test_real_report_page() -> None:
    page = (SHARED_SAMPLES / "pingtan-gov-2024.html").read_text(encoding="utf-8")
    report = giar_parse.parse(page)
    assert report.title == "平潭综合实验区2024年度政府信息公开工作年度报告"
    assert report.requests is not None and report.requests.total is not None
    assert report.requests.total.total == report.requests.received.total + report.requests.carried_over.total  # type: ignore[union-attr]


def test_html_without_a_report_is_not_a_report() -> None:
    with pytest.raises(giar_parse.NotAReportError):
        giar_parse.parse("<html><body><p>你好</p><table><tr><td>1</td></tr></table></body></html>")


def test_two_numbers_in_one_cell_stay_apart() -> None:
    """Two paragraphs of one cell are joined (商业<br>企业 is one label), but 5 over 3 never becomes 53."""
    page = "<table><tr><td>商业<br>企业</td><td><p>5</p><p>3</p></td><td>7</td></tr></table>"
    assert flatten(page).text == "商业企业\t5 3\t7"
