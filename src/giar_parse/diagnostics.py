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
    # --- prose: the report's words against its tables (reading/prose.py, restated.py) ---
    CodeInfo(
        "prose.mismatch",
        "warning",
        "A number the prose of sections 一–四 attaches to a table quantity (全年共收到政府信息公开申请81件, "
        "予以公开及部分公开42件, 因政府信息公开引起的行政复议案件2件 …) differs from the table's number for it. The "
        "message quotes the phrase and gives both numbers and the table's path; the line is the phrase's. Only "
        "phrases whose quantity is certain are compared (:doc:`prose` lists them, and what is not read), and only "
        "where the table prints every cell the quantity needs; every phrase read is in "
        ":attr:`Report.prose_figures <giar_parse.Report.prose_figures>`.",
        "Read the sentence and the table in the published report: one of them is wrong (a figure copied from "
        "another year or draft, a table re-typed), or the sentence counts something else than its words say. "
        "The table's numbers are kept as printed and the prose is not corrected; decide which to trust.",
    ),
    # --- series: one agency's reports across years (series.py, check_series) ---
    CodeInfo(
        "series.carry",
        "warning",
        ":func:`~giar_parse.check_series`: in one applicant column, 四、结转下年度继续办理 of an agency's report "
        "differs from 二、上年结转政府信息公开申请数量 of its report for the next year. One diagnostic per "
        "column; the path is the later report's cell, ``reports`` names both reports.",
        "One of the two reports is wrong: a copy error, or a table re-typed for the later report. Compare "
        "both published reports; the message names both values. Neither number is corrected.",
    ),
    CodeInfo(
        "series.stock",
        "info",
        ":func:`~giar_parse.check_series`, two reports in the 2021 template for consecutive years: for "
        "规章 or 行政规范性文件, last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数 differs "
        "from this year's 现行有效件数. The message gives the difference.",
        "Usually nothing: documents also expire or are taken out of force without being repealed, so the "
        "stock need not add up. A large difference may be a figure for another scope (the agency alone, "
        "or with its departments).",
    ),
    CodeInfo(
        "series.items",
        "info",
        ":func:`~giar_parse.check_series`, two reports in the 2019 template for consecutive years: for a "
        "row of 第二十条第（五）（六）（八）项, last year's 上一年项目数量 + 本年增/减 differs from this "
        "year's 上一年项目数量. The message gives the difference.",
        "Check both reports: the list of items may have been recounted between the years, or one "
        "report's 本年增/减 is wrong.",
    ),
    CodeInfo(
        "series.gap",
        "info",
        ":func:`~giar_parse.check_series`: an agency's reports skip a year (or several); the two reports "
        "around the gap are named and not compared with each other.",
        "Add the missing year's report if it exists, so its carry-over can be checked.",
    ),
    CodeInfo(
        "series.duplicate",
        "warning",
        ":func:`~giar_parse.check_series`: two or more reports of one agency for the same year (often a "
        "report and its corrected reissue). All are named, and the message says when their content is the "
        "same; each is checked against the years around it.",
        "Keep the one you trust (usually the later publication) and check the series again.",
    ),
    CodeInfo(
        "series.unplaced",
        "info",
        ":func:`~giar_parse.check_series`: a report names no agency or no year, so it belongs to no series "
        "and is not checked; the path is the missing field.",
        "Check the report's title; if you know its agency and year, set them (``attrs.evolve``) before "
        "checking the series.",
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
        "自然人 and 总计 (the five 法人或其他组织 columns stay ``None``) where the two are equal and every "
        "identity of the table holds with them (else ``cells.disagree``); table 四 printing 3 of 15 "
        "values, all 0, with blank cells before each (its outcome cells left blank), is read as its three 总计 "
        "columns. One summary for table 三, naming the first such row.",
        "Check one such row against the report: agencies that only fill 自然人 and 总计 are common, and "
        "then the reading is right. If the report does print more values, the text lost them.",
    ),
    CodeInfo(
        "cells.inferred",
        "warning",
        "Rows of table 三 print 6 of 7 values, the four between the first and the last are 0 and the "
        "first equals the last: one 0 column was lost in text extraction, so all five 法人或其他组织 "
        "columns are read as 0. Only where 本年新收 and 上年结转 print all seven values with 0 under "
        "法人或其他组织 (else ``cells.missing``: the lost column could as well be 自然人), and where every "
        "identity of the table holds with them (else ``cells.disagree``). One summary, naming the first "
        "such row.",
        "Usually nothing: then the table's own arithmetic proves the reading. It rests on that arithmetic "
        "(the row sum of a row whose lost cell cannot be checked): a report that breaks it in just that "
        "cell is read as if it held. Check the report if the 0s matter to you.",
    ),
    CodeInfo(
        "cells.disagree",
        "error",
        "A short row of table 三 could have been placed by a rule (``cells.assigned``, ``cells.inferred``), "
        "by x position (``cells.positioned``) or in the order of the rows (``cells.overflow``, "
        "``cells.before_label``), "
        "but the placement breaks an identity of the report's own arithmetic (its row sum, or a column's "
        "flow or outcome sum). The placement is not made: every value of the row is ``None``.",
        "Read the row by hand from the report (the diagnostic's path and line). ``strict=True`` raises "
        ":class:`~giar_parse.errors.IncompleteReportError` instead.",
    ),
    CodeInfo(
        "cells.positioned",
        "info",
        "A row's values stand on more than one line of space-padded text (``pdftotext -layout``: a value "
        "printed low in its cell comes out on the next line). Each value is read under the column whose x "
        "range it falls in, the columns taken from the table's rows printed on one line; the placement is "
        "made only where every value falls clearly under one column and, in table 三, the row sum and the "
        "table's identities hold with it. Table 四 (one row) is read in the order of its values' x positions, "
        "where each 总计 then holds. One per row, naming it.",
        "Usually nothing: the placement follows the page. Check the row against the report if it matters.",
    ),
    CodeInfo(
        "cells.overflow",
        "warning",
        "A row of table 三 prints the values of several rows (7 for each) and the rows next to it in the "
        "table print none, their labels standing elsewhere in the text: a PDF read in the page's order "
        "(``pdftotext`` with no option) prints the rows beside a tall merged cell (三、本年度办理结果) apart "
        "from their values. The values are read in the order of the rows, only where one set of rows next "
        "to each other can take them, each group of 7 keeps its row sum, every row of the table is read "
        "and every identity holds (else ``cells.disagree``). One per such row, naming it.",
        "Usually nothing: the values come in the page's order and the table's arithmetic holds with them. "
        "Check the rows against the report if it matters (the diagnostic's line is where the values stand).",
    ),
    CodeInfo(
        "cells.before_label",
        "warning",
        "Table 三 prints each row's values before its label: a PDF read by baseline (pdfminer.six with "
        "``boxes_flow=None``) prints a label centred in a tall cell after the row's values, so a row of values "
        "stands between the header and 一、本年新收. Each label is read with the values printed before it, "
        "only where that reads every row and every identity of the table holds; where the usual reading "
        "does instead, it is kept, and where neither does, no row of the table is read (``cells.disagree``). "
        "Where a row prints nothing at all, or 一、本年新收 a single value, nothing in the text shows the order. "
        "Table 二 has no arithmetic: a block with values before its first row is not read.",
        "Usually nothing: the table's arithmetic holds only with this reading. Check a row against the report "
        "if it matters.",
    ),
    CodeInfo(
        "cells.unaligned",
        "error",
        "A row's values stand on more than one line of space-padded text, and their x positions do not "
        "place them under the table's columns unambiguously (a value between two columns or under none, two "
        "values under one column, no rows printed on one line that agree on the columns, or, where a single "
        "such row shows them, a row leaving a cell blank). The order of "
        "the cells does not say which column a value is in, so none of the row's values is read.",
        "Read the row by hand from the report (the diagnostic's line). ``strict=True`` raises "
        ":class:`~giar_parse.errors.IncompleteReportError` instead.",
    ),
    CodeInfo(
        "cells.spanned",
        "info",
        "A row prints the same value once for every grid column its merged cell spans (the convention of "
        "python-docx ``row.cells``, ``pandas.read_html`` and similar tools), so the value is read once.",
        "Nothing.",
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
        "A row of table 二 or 三 is printed more than once, and the copies agree (or only one of them "
        "prints values, as where an empty heading row repeats a label). The copy with values is kept.",
        "Nothing, usually: the copies say the same. The diagnostic's line is the copy that was dropped.",
    ),
    CodeInfo(
        "row.conflict",
        "error",
        "A row of table 二 or 三 is printed more than once with different values. Neither copy is "
        "trusted: every value of the row is ``None``; the message names the lines of both copies.",
        "Read the row from the report by hand and decide which copy is right. ``strict=True`` raises "
        ":class:`~giar_parse.errors.IncompleteReportError` instead.",
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
        "table.unreadable",
        "error",
        "A table's header is there but none of its values could be placed under it (table 四 whose "
        "values are cut off from its header by text that is not part of the table, or table 三 whose "
        "header is followed by no row label that can be read). The table is ``None``.",
        "Read the table by hand from the report (the diagnostic's line). ``strict=True`` raises "
        ":class:`~giar_parse.errors.IncompleteReportError` instead.",
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
        "metadata.agency",
        "info",
        "No title line naming the issuing body was found, so ``agency`` is ``None``.",
        "Take the agency from where you got the report (its website or file name).",
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
