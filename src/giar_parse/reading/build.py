"""Parsed elements → Report: sections, metadata, template, tables, diagnostics."""

from __future__ import annotations

import re
from collections.abc import Sequence

from giar_parse import checks, restated
from giar_parse.errors import NotAReportError, UnsupportedTemplateError
from giar_parse.labels import SECTIONS
from giar_parse.model import Diagnostic, Report, Section, Template
from giar_parse.reading.metadata import metadata
from giar_parse.reading.normalise import Cell, TextLines
from giar_parse.reading.patterns import LazyPattern
from giar_parse.reading.prose import figures
from giar_parse.reading.tables.active import active_disclosure
from giar_parse.reading.tables.appeals import appeal_table
from giar_parse.reading.tables.cells import Notes
from giar_parse.reading.tables.requests import request_table
from giar_parse.reading.transformer import (
    HEADING_KINDS,
    Active,
    ActiveBlock,
    Appeal,
    Element,
    Heading,
    Prose,
    Request,
    Row,
)

__all__ = ["SECTION_KINDS", "build_report"]

#: Heading terminal → (section number, kind).
SECTION_KINDS = {terminal: (SECTIONS[kind][0], kind) for terminal, kind in HEADING_KINDS.items()}
_HEADING_TEXT = re.compile(r"^\s*[一二三四五六1-6]\s*[、.．,，]?\s*(.*?)[\s。.:：]*$")
_MARKS_2021 = frozenset({"COLUMN_2021", "ADMINISTRATIVE_NORMATIVE_DOCUMENTS"})
_MARKS_2019 = frozenset({"COLUMN_2019", "NORMATIVE_DOCUMENTS", "OTHER_SERVICES", "PROCUREMENT", "CAPTION_ITEM_9"})
_PARTS_2021 = frozenset({"NO_CORRECTION", "UNPAID_FEES", "OTHER_HANDLING_OTHER"})
# Headings of the old template (国务院令第492号, reports for 2008-2018); only a text without
# tables is looked at for them, so they are compiled where first used.
_PRE_2019 = LazyPattern(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}[ \t\u3000]*[、.．][ \t\u3000]*)?"
    r"(?:概述|(?:政府信息)?依申请公开(?:政府)?信息(?:的)?(?:办理)?情况|(?:政府信息公开的)?收费及减免情况"
    r"|因政府信息公开申请行政复议、提起行政诉讼的情况|复议、诉讼和申诉情况)[ \t\u3000]*$",
    re.MULTILINE,
)
_OLD_REGULATION = LazyPattern(r"国务院令第\s*492\s*号")
_NEW_REGULATION = LazyPattern(r"国务院令第\s*711\s*号")


def _template(blocks: Sequence[ActiveBlock], rows: Sequence[Row], year: int | None) -> Template:
    marks = [token.type for block in blocks for token in block.columns]
    marks += [row.label for block in blocks for row in block.rows]
    marks += [block.caption for block in blocks]
    votes_2021 = sum(1 for mark in marks if mark in _MARKS_2021)
    votes_2019 = sum(1 for mark in marks if mark in _MARKS_2019)
    if votes_2021 != votes_2019:
        return "2021" if votes_2021 > votes_2019 else "2019"
    if any(row.label in _PARTS_2021 for row in rows):
        return "2021"
    return "2021" if year is not None and year >= 2021 else "2019"


def _sections(
    elements: Sequence[Element],
) -> tuple[list[Section], list[Cell], list[Cell], list[tuple[list[int], list[str]]]]:
    """The sections, the prose before the first heading, all prose, and each section's body lines.

    A body line is (its 1-based line number, its text as in ``Section.body``), one list of each.
    """
    sections: list[Section] = []
    bodies: list[tuple[list[int], list[str]]] = []
    preamble: list[Cell] = []
    prose: list[Cell] = []
    current: tuple[Heading, list[int]] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            heading, _ = current
            number, kind = SECTION_KINDS[heading.kind]
            match = _HEADING_TEXT.match(heading.cell.raw)
            title = match.group(1) if match else heading.cell.raw
            sections.append(Section(number, kind, title, "\n".join(lines), line=heading.cell.line))
            bodies.append((current[1], lines))

    for element in elements:
        if isinstance(element, Heading):
            close()
            current, lines = (element, []), []
        elif isinstance(element, Prose):
            prose.extend(element.cells)
            if current is None:
                preamble.extend(element.cells)
                continue
            for cell in element.cells:
                if current[1] and current[1][-1] == cell.line:
                    lines[-1] = f"{lines[-1]}  {cell.raw}"
                else:
                    current[1].append(cell.line)
                    lines.append(cell.raw)
    close()
    return sections, preamble, prose, bodies


def _refuse_pre_2019(text: str) -> None:
    """Raise UnsupportedTemplateError where the text shows the pre-2019 template."""
    found = _PRE_2019.search(text)
    if found is None and not _NEW_REGULATION.search(text):
        found = _OLD_REGULATION.search(text)
    if found is None:
        return
    start = found.start() + len(found.group()) - len(found.group().lstrip())
    raise UnsupportedTemplateError.at_offset(
        f"this looks like a pre-2019 annual report: it has {found.group().strip()!r} and none of the "
        "第二十条 or 本年新收政府信息公开申请 tables of the 2019 and 2021 templates; only those templates are read",
        text,
        start,
    )


def build_report(text: str, elements: list[Element], lexer_notes: Sequence[Diagnostic]) -> Report:
    """Assemble the report; raise NotAReportError or UnsupportedTemplateError where it is not one.

    ``elements`` is emptied on the way: the prose cells are let go of once the sections are read.
    """
    sections, preamble, prose, bodies = _sections(elements)
    blocks = [block for element in elements if isinstance(element, Active) for block in element.blocks]
    rows = [row for element in elements if isinstance(element, Request) for row in element.rows]
    appeals = [element for element in elements if isinstance(element, Appeal)]
    request_headers = [e.header[0] for e in elements if isinstance(e, Request) and e.header]
    # the values after table 三's header, before its first row label (none in most texts)
    lead = next((e.header[-1].cells for e in elements if isinstance(e, Request) and e.header), ())
    elements.clear()
    has_tables = bool(blocks or rows or appeals)
    distinct_headings = {section.number for section in sections}
    if not (blocks or rows):
        _refuse_pre_2019(text)
    if not has_tables and len(distinct_headings) < 2:
        raise NotAReportError.at(
            "no annual report structure found: looked for the section headings 一、总体情况 … "
            "六、其他需要报告的事项 and the tables 二 (第二十条第（一）项 …), 三 (本年新收政府信息公开申请数量 …) "
            "and 四 (行政复议 / 行政诉讼)",
            text,
        )
    meta = metadata(text, preamble, prose)
    del preamble, prose
    notes = Notes()
    template = _template(blocks, rows, meta.year)
    if meta.year is not None and (meta.year >= 2021) != (template == "2021"):
        notes.add(
            "template.year_mismatch",
            "warning",
            f"the report is for {meta.year} but its tables follow the {template} template",
            "template",
        )
    if meta.agency is None:
        notes.add("metadata.agency", "info", "no title naming the issuing agency was found; agency is None", "agency")
    if meta.year_from_prose:
        notes.add(
            "metadata.year",
            "info",
            f"no title or statistics period names the year; {meta.year} is the first year the prose mentions",
            "year",
        )
    # the figures sections 一–四 restate from the tables (五 and 六 speak of other years and other fees),
    # read before the tables are built: what reading them takes is freed before the records are made
    restating = [body for section, body in zip(sections, bodies, strict=True) if section.number <= 4]
    claims = figures(restating, year=meta.year, template=template)
    del restating, bodies
    lines = TextLines(text)  # for the rare row printed over several lines
    active = active_disclosure(blocks, template, notes, lines) if blocks else None
    requests = request_table(rows, notes, lines, lead) if rows else None
    appeal = next((appeal_table(table, notes, lines) for table in appeals if table.cells), None)
    if appeal is None and appeals:
        header = appeals[0].header
        notes.add(
            "table.unreadable",
            "error",
            "table 四 (行政复议、行政诉讼情况) has its header here but no values could be placed under it",
            "appeals",
            header[0].line if header else None,
        )
    heading_lines = {section.number: section.line for section in reversed(sections)}
    for number, name, table, label in (
        (2, "active", active, "二 (主动公开政府信息情况)"),
        (3, "requests", requests, "三 (收到和处理政府信息公开申请情况)"),
        (4, "appeals", appeal, "四 (行政复议、行政诉讼情况)"),
    ):
        if table is None and name == "requests" and request_headers:
            notes.add(
                "table.unreadable",
                "error",
                f"table {label} has its header here but no row of it could be read",
                name,
                request_headers[0].line,
            )
        elif table is None and not (name == "appeals" and appeals):
            # point at the section that should hold the table, where there is one
            notes.add("table.missing", "error", f"table {label} was not found", name, heading_lines.get(number))
    for kind, (number, heading) in SECTIONS.items():
        if number not in distinct_headings:
            numeral = "一二三四五六"[number - 1]
            notes.add("section.missing", "warning", f"section {numeral}、{heading} was not found", f"sections.{kind}")
    prose_figures, prose_notes = restated.compare(claims, active, requests, appeal)
    diagnostics = [*lexer_notes, *notes.finish(), *checks.check(requests, appeal), *prose_notes]
    return Report(
        template=template,
        title=meta.title,
        agency=meta.agency,
        year=meta.year,
        published=meta.published,
        period=meta.period,
        sections=tuple(sections),
        active=active,
        requests=requests,
        appeals=appeal,
        diagnostics=tuple(diagnostics),
        prose_figures=prose_figures,
    )
