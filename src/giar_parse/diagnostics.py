"""Every diagnostic code the parser emits: its severity, what triggers it and what to do.

The codes are stable API: a :class:`~giar_parse.model.Diagnostic`'s ``code`` is always a
key of :data:`CODES`, and its ``severity`` is the one registered here.  The
documentation's diagnostics reference is generated from this table.

>>> import giar_parse
>>> from giar_parse.diagnostics import CODES
>>> info = CODES["identity.flow"]
>>> info.severity
'warning'
>>> report = giar_parse.parse(giar_parse.sample_text())
>>> all(d.code in CODES for d in report.diagnostics)
True
"""

from __future__ import annotations

from attrs import frozen

from giar_parse.model import Severity

__all__ = ["CODES", "CodeInfo"]


@frozen
class CodeInfo:
    """What one diagnostic code means.

    >>> from giar_parse.diagnostics import CODES
    >>> CODES["cells.blank"].severity
    'info'
    """

    #: The code, e.g. ``"identity.flow"``; the part before the dot names its family.
    code: str
    #: The severity every diagnostic with this code has (``"error"``, ``"warning"`` or ``"info"``).
    severity: Severity
    #: What in a report makes the parser emit it.
    trigger: str
    #: What a user of the parsed data should do about it.
    action: str


_CHECK_SOURCE = (
    "The numbers are kept exactly as printed. Compare the row with the published report (the "
    "diagnostic's path and the values' provenance say where to look): a digit misread or a cell "
    "lost in text extraction shows up here, and so does a report whose own figures disagree. "
    "Decide which figure to trust in your analysis; the parser never corrects one."
)

_ALL = (
    # --- identities: the report's own arithmetic (checks.py) ---
    CodeInfo(
        "identity.flow",
        "warning",
        "In one applicant column of table 三, 一、本年新收 + 二、上年结转 differs from （七）总计 + "
        "四、结转下年度继续办理: the identity the table's own note (勾稽关系) states. One diagnostic per column.",
        _CHECK_SOURCE,
    ),
    CodeInfo(
        "identity.outcome_sum",
        "warning",
        "In one applicant column of table 三, （七）总计 differs from the sum of the outcome rows "
        "（一）–（六） (every numbered row under （三）, （四） and （五）, and （六） or its three sub-rows).",
        _CHECK_SOURCE + " A row that could not be read (``cells.missing``, ``row.missing``) counts as 0 here, and the "
        "message says so.",
    ),
    CodeInfo(
        "identity.row_sum",
        "warning",
        "In one row of table 三, the 总计 column differs from the sum of the six applicant columns.",
        _CHECK_SOURCE + " A value placed in the wrong column also breaks this identity.",
    ),
    CodeInfo(
        "identity.appeal_total",
        "warning",
        "In one group of table 四 (行政复议, 未经复议直接起诉, 复议后起诉), 总计 differs from "
        "结果维持 + 结果纠正 + 其他结果 + 尚未审结.",
        _CHECK_SOURCE,
    ),
    # --- cells: reading and placing values (reading/tables/: cells, requests, appeals, active) ---
    CodeInfo(
        "cells.blank",
        "info",
        "Cells of a table print nothing at all. One summary per table; its path is the table's key "
        "(``active``, ``requests`` or ``appeals``). Blank cells are ``None``, never 0.",
        "Nothing, unless your analysis needs numbers there: a blank is a cell the agency left empty. "
        "Decide whether it means 0 or “not reported”; the identity checks read it as 0 and say so.",
    ),
    CodeInfo(
        "cells.placeholder",
        "info",
        "A value cell prints a placeholder instead of a number (``-``, ``—``, ``/``, ``无``, …). The "
        "value is ``None``; the placeholder is kept in the cell's provenance (and in ``amount_text`` "
        "for money).",
        "Treat it like a blank cell: the agency printed no number there.",
    ),
    CodeInfo(
        "cells.invalid",
        "error",
        "A count cell prints a number that is not a whole count (a decimal, or a money unit such as 万). "
        "The value is ``None``.",
        "Look at the cell in the report (the diagnostic's line): usually a typo or a value shifted from "
        "a money column. Supply the value yourself if you know it.",
    ),
    CodeInfo(
        "cells.missing",
        "error",
        "A row prints a number of values that does not fit its columns (for example 5 of the 7 columns "
        "of table 三, or 9 of the 15 of table 四), and nothing in the table tells which columns they "
        "belong to. None of the row's values is read: every value of the row is ``None``.",
        "Read the row by hand from the report (the diagnostic's line). ``parse(text, strict=True)`` "
        "raises :class:`~giar_parse.errors.IncompleteReportError` instead.",
    ),
    CodeInfo(
        "cells.assigned",
        "warning",
        "A short row was placed by a fixed rule: a row of table 三 printing 2 of 7 values is read as "
        "自然人 and 总计 (the five 法人或其他组织 columns stay ``None``); table 四 printing 3 of 15 values "
        "is read as its three 总计 columns. One summary for table 三, naming the first such row.",
        "Check one such row against the report: agencies that only fill 自然人 and 总计 are common, and "
        "then the reading is right. If the report does print more values, the text lost them.",
    ),
    CodeInfo(
        "cells.inferred",
        "warning",
        "Rows of table 三 print 6 of 7 values, the four between the first and the last are 0 and the "
        "first equals the last: one 0 column was lost in text extraction, so all five 法人或其他组织 "
        "columns are read as 0. One summary, naming the first such row.",
        "Usually nothing: the inference only fires where the row's own total proves it. Check the report "
        "if the 0s matter to you.",
    ),
    CodeInfo(
        "amount.unit",
        "warning",
        "A money cell (采购总金额) prints a non-zero number with no unit, and its column header names none "
        "either. The amount is read as yuan (元).",
        "Look up the unit in the report (the cell's ``amount_text`` and line): many reports mean 万元. "
        "Rescale the ``amount`` yourself if the report says so elsewhere.",
    ),
    # --- rows and tables (reading/tables/, reading/build.py) ---
    CodeInfo(
        "row.missing",
        "error",
        "A row the template has (a row of table 二 or 三) is not in the text: the report is cut off, or "
        "prints the row under a wording the grammar does not know. The row is ``None``.",
        "Check the report at that place. If the row is there under another wording, report the wording "
        "so the grammar can learn it. ``strict=True`` raises "
        ":class:`~giar_parse.errors.IncompleteReportError` instead.",
    ),
    CodeInfo(
        "row.duplicate",
        "warning",
        "A row of table 二 or 三 is printed twice. The first is kept and the second ignored.",
        "Check which of the two is right in the report (the diagnostic's line is the second).",
    ),
    CodeInfo(
        "row.unexpected",
        "warning",
        "A row that is not part of the table: a table 二 row of the other template (e.g. 政府集中采购 in a "
        "2021-template table), or a table 三 group label such as （三）不予公开 printing numbers of its own "
        "(a subtotal row that unofficial templates add). Its values are ignored.",
        "Nothing for the official data. If you need the extra row, read it from the report's text at the "
        "diagnostic's line.",
    ),
    CodeInfo(
        "table.missing",
        "error",
        "Table 二, 三 or 四 was not found (or table 四 has a header but no values). That table is ``None``.",
        "Check whether the report really has no such table (some publish it as an image) or the text is "
        "cut off. ``strict=True`` raises :class:`~giar_parse.errors.IncompleteReportError` instead.",
    ),
    CodeInfo(
        "section.missing",
        "warning",
        "One of the six top-level headings (一、总体情况 … 六、其他需要报告的事项) was not found; "
        "``sections`` has no entry for it.",
        "Nothing for the tables. Reports often drop 六 when there is nothing to report.",
    ),
    # --- input (api.py, sources/decode.py) ---
    CodeInfo(
        "input.encoding",
        "info",
        ":func:`~giar_parse.parse_bytes` (or the command line) decoded the input; the message names the "
        "encoding it used (UTF-8, UTF-16 or GB18030).",
        "Nothing. If the text reads as nonsense, the file is in another encoding: decode it yourself "
        "and call :func:`~giar_parse.parse`.",
    ),
    # --- PDF input (sources/pdf.py) ---
    CodeInfo(
        "pdf.table",
        "info",
        "A table of a PDF was read from the page geometry: from its ruling lines, or (a table drawn "
        "without lines) from the positions of its words under the header's columns. The message names "
        "its pages, rows and columns; a table over a page break is one table.",
        "Nothing. If values look misplaced in a table read from word positions, check its columns "
        "against the PDF (the values' provenance gives page and bounding box).",
    ),
    # --- metadata (reading/build.py) ---
    CodeInfo(
        "template.year_mismatch",
        "warning",
        "The report's year and its tables disagree: a report for 2021 or later in the 2019 template, or "
        "one for 2019–2020 in the 2021 template. The records follow the tables as printed.",
        "Check the year (title, statistics period) and the tables in the report; some agencies kept the "
        "old template for a year.",
    ),
    CodeInfo(
        "metadata.year",
        "info",
        "Neither a title nor a statistics period names the year, so ``year`` is the first year the prose mentions.",
        "Check ``year`` against where you got the report (its URL or publication date).",
    ),
    # --- layout: labels and cells the grammar does not expect (reading/lexer.py, reading/parser.py) ---
    CodeInfo(
        "text.ignored",
        "info",
        "A short piece of text inside a table (a unit line, a note, a stray word) that is neither a "
        "label nor a value was dropped.",
        "Nothing, unless the text matters to you (the diagnostic's line says where it is).",
    ),
    CodeInfo(
        "label.fuzzy",
        "info",
        "A long row label inside a table is cut short (PDF text often wraps it) or differs by one "
        "character from the official wording, and was read as the row it can only stand for.",
        "Usually nothing. If the row's values look wrong, check the label at the diagnostic's line.",
    ),
    CodeInfo(
        "layout.unexpected",
        "warning",
        "A label cell appears where the table layout does not allow it (for example a table 二 row label "
        "inside table 三) and was skipped.",
        "Check the table at the diagnostic's line: the values near it may have been read under the wrong row.",
    ),
)

#: Every diagnostic code → its :class:`CodeInfo`, grouped by family in the order above.
CODES: dict[str, CodeInfo] = {info.code: info for info in _ALL}
