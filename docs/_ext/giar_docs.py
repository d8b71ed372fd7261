"""Documentation tables generated from the code, so the docs cannot drift from it.

Plain functions returning reStructuredText (no Sphinx import here, so the tests can call
them): the label tables of the data guide come from :mod:`giar_parse.labels` checked
against the records of :mod:`giar_parse.model`, and the diagnostics reference comes from
:data:`giar_parse.diagnostics.CODES` with example messages made by running the parser on
slightly edited copies of the bundled sample.  ``giar_sphinx`` turns them into directives.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import typing
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import attrs

import giar_parse
from giar_parse import labels, model
from giar_parse.__main__ import main as cli_main
from giar_parse.diagnostics import CODES

__all__ = ["EXAMPLES", "TABLES", "Example", "cli_help", "diagnostics_reference", "example_diagnostic", "table"]

# fields that say where a value came from rather than what it is
_POSITION_FIELDS = frozenset({"provenance"})


def _rst_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int] | None = None) -> str:
    lines = [".. list-table::", "   :header-rows: 1"]
    if widths:
        lines.append(f"   :widths: {' '.join(str(w) for w in widths)}")
    lines.append("")
    for row in [header, *rows]:
        for i, cell in enumerate(row):
            first, *more = cell.splitlines() or [""]
            lines.append(f"   {'*' if i == 0 else ' '} - {first}".rstrip())
            lines += [f"       {line}".rstrip() for line in more]
    return "\n".join(lines) + "\n"


def _literal(text: str) -> str:
    return f"``{text}``"


def _value_fields(cls: type) -> list[str]:
    return [f.name for f in attrs.fields(cls) if f.name not in _POSITION_FIELDS]


def _record_of(owner: type, name: str) -> type:
    """The attrs record class a field of ``owner`` holds (``X | None`` → ``X``)."""
    hint = typing.get_type_hints(owner)[name]
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and attrs.has(candidate):
            return candidate
    raise TypeError(f"{owner.__name__}.{name} holds no record ({hint!r})")


def _field_labels(cls: type, columns: dict[str, str], where: str) -> str:
    """A bullet per value field of ``cls`` (``made`` 本年新制作数量); fail on a field with no label."""
    out = []
    for name in _value_fields(cls):
        if name in columns:
            out.append(f"- {_literal(name)} {columns[name]}")
        elif name.endswith("_text") and name.removesuffix("_text") in columns:
            out.append(f"- {_literal(name)} the same, as printed")
        else:
            raise ValueError(f"{where}.{name} has no label in giar_parse.labels")
    return "\n".join(out)


def _check_keys(what: str, documented: Sequence[str], fields: Sequence[str]) -> None:
    if list(documented) != list(fields):
        raise ValueError(f"{what}: giar_parse.labels has {list(documented)}, the records have {list(fields)}")


def sections_table() -> str:
    """Section ``kind`` → numeral and canonical heading."""
    rows = [[_literal(kind), str(number), heading] for kind, (number, heading) in labels.SECTIONS.items()]
    return _rst_table(["``kind``", "number", "heading (canonical wording)"], rows, [2, 1, 5])


def active_table(template: str) -> str:
    """Table 二 of one template: row key, 第二十条 item, label, record and its column keys."""
    record = model.ActiveDisclosure2021 if template == "2021" else model.ActiveDisclosure2019
    row_labels = labels.ACTIVE_ROWS_2021 if template == "2021" else labels.ACTIVE_ROWS_2019
    columns = labels.ACTIVE_COLUMNS_2021 if template == "2021" else labels.ACTIVE_COLUMNS_2019
    _check_keys(f"table 二 ({template})", list(row_labels), _value_fields(record))
    rows = []
    for key, (item, label) in row_labels.items():
        cls = _record_of(record, key)
        fields = _field_labels(cls, columns[item], f"active.{key}")
        row = f"| {label}\n| {labels.ACTIVE_CAPTIONS[item]}"
        rows.append([_literal(f"active.{key}"), row, f":class:`~giar_parse.{cls.__name__}`", fields])
    return _rst_table(["key", "row label (block)", "record", "column keys and labels"], rows, [3, 3, 3, 4])


def _request_paths() -> Iterator[tuple[str, type]]:
    """Every key path of RequestTable that holds a Counts row, in field order."""
    for name in _value_fields(model.RequestTable):
        cls = _record_of(model.RequestTable, name)
        if cls is model.Counts:
            yield name, cls
        else:
            for sub in _value_fields(cls):
                yield f"{name}.{sub}", _record_of(cls, sub)


def request_columns_table() -> str:
    """The seven applicant columns of table 三."""
    _check_keys("table 三 columns", list(labels.REQUEST_COLUMNS), _value_fields(model.Counts))
    organisations = {"business", "research", "public_interest", "legal_services", "other_org"}
    rows = [
        [_literal(key), f"法人或其他组织 → {label}" if key in organisations else label]
        for key, label in labels.REQUEST_COLUMNS.items()
    ]
    return _rst_table(["column key", "column label"], rows, [2, 5])


_TOP_LEVEL_ROWS = frozenset({"received", "carried_over", "carried_forward"})


def request_rows_table() -> str:
    """Every row of table 三: key path, the group it sits under, its label."""
    paths = dict(_request_paths())
    if sorted(paths) != sorted(labels.REQUEST_ROWS):
        raise ValueError(f"table 三 rows: labels {sorted(labels.REQUEST_ROWS)} but records {sorted(paths)}")
    rows = []
    for path, label in labels.REQUEST_ROWS.items():
        if "." in path:
            under = labels.REQUEST_GROUPS[path.split(".")[0]]
        else:
            under = "" if path in _TOP_LEVEL_ROWS else labels.REQUEST_GROUPS["outcomes"]
        rows.append([_literal(f"requests.{path}"), under, label])
    return _rst_table(["key", "under", "row label"], rows, [4, 2, 5])


def appeal_table() -> str:
    """The three groups of table 四, then the five columns each has."""
    _check_keys("table 四 groups", list(labels.APPEAL_GROUPS), _value_fields(model.AppealTable))
    _check_keys("table 四 columns", list(labels.APPEAL_COLUMNS), _value_fields(model.Outcomes))
    groups = [[_literal(f"appeals.{key}"), label] for key, label in labels.APPEAL_GROUPS.items()]
    columns = [[_literal(key), label] for key, label in labels.APPEAL_COLUMNS.items()]
    return (
        _rst_table(["group key", "group label"], groups, [2, 3])
        + "\nEach group has the same five columns:\n\n"
        + _rst_table(["column key", "column label"], columns, [2, 3])
    )


#: Table name (the directive's argument) → the function that renders it.
TABLES: dict[str, Callable[[], str]] = {
    "sections": sections_table,
    "active-2019": lambda: active_table("2019"),
    "active-2021": lambda: active_table("2021"),
    "request-columns": request_columns_table,
    "request-rows": request_rows_table,
    "appeals": appeal_table,
}


def table(name: str) -> str:
    """The reST of one generated table."""
    return TABLES[name]()


# --- the diagnostics reference ---------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """How to provoke a diagnostic from the bundled sample report."""

    #: What was changed in the sample, in words (reST).
    how: str
    #: The edit: sample text → edited text, then parsed.  None where ``read`` or ``message`` is given.
    edit: Callable[[str], str] | None = None
    #: Another way to read the sample text into a report (e.g. through ``parse_bytes``).
    read: Callable[[str], giar_parse.Report] | None = None
    #: A message written out by hand, for a code the sample cannot easily provoke.
    message: str | None = None
    #: For a check across years: the sample's report → the series given to ``check_series``.
    series: Callable[[giar_parse.Report], list[giar_parse.Report]] | None = None


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        if old not in text:
            raise ValueError(f"the sample no longer contains {old!r}")
        return text.replace(old, new, 1)

    return edit


def _cut_before(marker: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return text[: text.index(marker)]

    return edit


def _cut_until(marker: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        return text[text.index(marker) :]

    return edit


def _spaced_low(label: str, shift: int = 0) -> Callable[[str], str]:
    """The sample in ``pdftotext -layout`` style, the middle value of row ``label`` printed a line low.

    The moved value keeps its x position (display width, as the spaced layout pads), ``shift``
    columns off.
    """

    def edit(text: str) -> str:
        lines = giar_parse.render(giar_parse.parse(text), layout="spaced").split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(label))
        values = list(re.finditer(r"\S+", lines[at]))[1:]
        middle = values[len(values) // 2]
        x = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in lines[at][: middle.start()])
        line = lines[at]
        lines[at] = line[: middle.start()] + " " * len(middle.group()) + line[middle.end() :]
        lines.insert(at + 1, " " * (x + shift) + middle.group())
        return "\n".join(lines)

    return edit


def _natural_persons_only(text: str) -> str:
    """The sample with no 法人或其他组织 applicant in table 三: each row's seven values ``a 0 0 0 0 0 a``."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "本年新收政府信息公开申请数量" in line)
    i = start
    while i + 7 <= len(lines) and "行政复议" not in lines[i]:
        values = [line.strip() for line in lines[i : i + 7]]
        if all(value.isdigit() for value in values):
            lines[i : i + 7] = [f"\t{value}" for value in (values[0], "0", "0", "0", "0", "0", values[0])]
            i += 7
        else:
            i += 1
    return "\n".join(lines)


def _cells(*values: str) -> str:
    return "".join(f"\t{value}\n" for value in values)


_DUPLICATES_ROW = _cells("2.重复申请", "40", "23", "0", "0", "0", "0", "63")
_OUTCOME_LABELS = _cells("三、本年度办理结果", "（一）予以公开")
_PARTIAL_LABEL = _cells("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")


def _values_before_labels(text: str) -> str:
    """The sample's tables as tab rows, each table 三 row's seven values on a line before its label."""
    lines = giar_parse.render(giar_parse.parse(text), layout=giar_parse.Layout.TABS).split("\n")
    first = next(i for i, line in enumerate(lines) if "本年新收" in line)
    last = next(i for i, line in enumerate(lines) if "结转下年度继续办理" in line)
    for i in range(first, last + 1):
        cells = lines[i].split("\t")
        if len(cells) > 7:
            lines[i] = "\t".join(cells[-7:]) + "\n" + "\t".join(cells[:-7])
    return "\n".join(lines)


_APPEAL_ROW = _cells("155", "62", "84", "85", "386", "351", "43", "68", "102", "564", "51", "4", "12", "17", "84")


def _year(report: giar_parse.Report, year: int, **changes: typing.Any) -> giar_parse.Report:
    """The sample as the report of another year, named ``<year>.txt``."""
    return attrs.evolve(report, year=year, source=f"{year}.txt", **changes)


def _carried_over(total: int) -> Callable[[giar_parse.Report], list[giar_parse.Report]]:
    def series(report: giar_parse.Report) -> list[giar_parse.Report]:
        assert report.requests is not None and report.requests.carried_forward is not None
        over = attrs.evolve(report.requests.carried_forward, total=total)
        later = _year(report, 2021, requests=attrs.evolve(report.requests, carried_over=over))
        return [_year(report, 2020), later]

    return series


def _stock(report: giar_parse.Report) -> list[giar_parse.Report]:
    def active(issued: int, repealed: int, in_force: int) -> model.ActiveDisclosure2021:
        rows = model.DocumentCounts2021(issued=issued, repealed=repealed, in_force=in_force)
        return model.ActiveDisclosure2021(normative_documents=rows)

    later = _year(report, 2022, template="2021", active=active(3, 1, 41))
    return [_year(report, 2021, template="2021", active=active(5, 0, 40)), later]


#: Diagnostic code → how the bundled sample is edited to provoke it.
EXAMPLES: dict[str, Example] = {
    "identity.flow": Example("一、本年新收 自然人 changed from 5330 to 5331", _replace("\t5330\n", "\t5331\n")),
    "identity.outcome_sum": Example(
        "（一）予以公开 自然人 and 总计 both raised by 1",
        _replace(
            _cells("3603", "222", "1", "23", "13", "25", "3887"), _cells("3604", "222", "1", "23", "13", "25", "3888")
        ),
    ),
    "identity.row_sum": Example("一、本年新收 总计 changed from 5758 to 5759", _replace("\t5758\n", "\t5759\n")),
    "identity.appeal_total": Example("table 四 行政复议 总计 changed from 386 to 387", _replace("\t386\n", "\t387\n")),
    "prose.mismatch": Example(
        "the overview's 全市共接收政府信息公开申请5758件 changed to 5759件",
        _replace("接收政府信息公开申请5758件", "接收政府信息公开申请5759件"),
    ),
    "cells.blank": Example("一、本年新收 商业企业 (352) left blank", _replace("\t352\n", "\t\n")),
    "cells.placeholder": Example("一、本年新收 商业企业 (352) printed as ``-``", _replace("\t352\n", "\t-\n")),
    "cells.invalid": Example("一、本年新收 商业企业 printed as ``35.2``", _replace("\t352\n", "\t35.2\n")),
    "cells.missing": Example(
        "two of the seven values of （一）予以公开 deleted", _replace(_cells("3603", "222", "1"), _cells("3603"))
    ),
    "cells.assigned": Example(
        "table 四 printing only three values, all 0, each after blank cells (the outcome cells, one of the "
        "first group's four lost)",
        _replace(_APPEAL_ROW, _cells("", "", "", "0", *[*[""] * 4, "0"] * 2)),
    ),
    "cells.disagree": Example(
        "（一）予以公开 printing only 3603 and 3887 (which are not equal, so not 自然人 and 总计)",
        _replace(_cells("3603", "222", "1", "23", "13", "25", "3887"), _cells("3603", "3887")),
    ),
    "cells.spanned": Example(
        "a 2021-template table 二 row read from a Word table cell by cell",
        message="active.licensing prints each of its values 3 times, once per grid column its merged cell "
        "spans; read once",
    ),
    "cells.positioned": Example(
        "the sample in ``pdftotext -layout`` style (the spaced layout), the middle value of 规范性文件 printed "
        "on the next line under its column",
        _spaced_low("规范性文件"),
    ),
    "cells.unaligned": Example(
        "as for ``cells.positioned``, but the moved value printed three columns left of its own, between two columns",
        _spaced_low("规范性文件", -3),
    ),
    "cells.inferred": Example(
        "every 法人或其他组织 applicant of table 三 left out (their five columns 0, 总计 the 自然人 column), "
        "then one of the five 0 columns of 7.属于行政执法案卷 deleted (with the blank padding after the row)",
        lambda text: _replace(
            _cells("49", "0", "0", "0", "0", "0", "49") + "\n\t\n\t\n\t8.",
            _cells("49", "0", "0", "0", "0", "49") + "\n\t8.",
        )(_natural_persons_only(text)),
    ),
    "cells.overflow": Example(
        "the labels 三、本年度办理结果, （一）予以公开 and （二）部分公开 moved from above their values to after "
        "the table's last row, as a PDF read in its page order prints them",
        lambda text: _replace("\t144\n", "\t144\n" + _OUTCOME_LABELS + _PARTIAL_LABEL)(
            _replace(_OUTCOME_LABELS, "")(_replace("\t3887\n\n\t\n" + _PARTIAL_LABEL, "\t3887\n")(text))
        ),
    ),
    "cells.before_label": Example(
        "table 三 of the sample written as tab-separated rows, each row's values on a line before its label",
        read=lambda text: giar_parse.parse(_values_before_labels(text)),
    ),
    "amount.unit": Example(
        "政府集中采购 采购总金额 printed as ``370`` instead of ``370亿元``", _replace("\t370亿元\n", "\t370\n")
    ),
    "row.missing": Example("the row （五） 2.重复申请 deleted", _replace(_DUPLICATES_ROW, "")),
    "row.duplicate": Example("the row （五） 2.重复申请 printed twice", _replace(_DUPLICATES_ROW, _DUPLICATES_ROW * 2)),
    "row.conflict": Example(
        "the row （五） 2.重复申请 printed twice, the second time with 41 for 40",
        _replace(_DUPLICATES_ROW, _DUPLICATES_ROW + _DUPLICATES_ROW.replace("\t40\n", "\t41\n")),
    ),
    "row.unexpected": Example(
        "a subtotal 164 printed after the group label （五）不予处理",
        _replace("\t（五）不予处理\n", "\t（五）不予处理\n\t164\n"),
    ),
    "table.missing": Example(
        "the text cut off before 四、政府信息公开行政复议、行政诉讼情况", _cut_before("[bookmark: _Toc16320]")
    ),
    "table.unreadable": Example(
        "a line ``数据暂缺`` printed between table 四's header and its values",
        _replace(_APPEAL_ROW, "\t数据暂缺\n" + _APPEAL_ROW),
    ),
    "section.missing": Example(
        "六、其他需要报告的事项 and its body deleted", _replace("六、其他需要报告的事项\n无。\n", "")
    ),
    "input.encoding": Example(
        "encoded as GB18030 and read with ``parse_bytes``",
        read=lambda text: giar_parse.parse_bytes(text.encode("gb18030")),
    ),
    "pdf.table": Example(
        "a PDF (the bundled sample is text) whose table 三 is drawn with ruling lines and runs over two page breaks",
        message="a table on pages 2–4 (28 rows, 10 columns) was read from its ruling lines",
    ),
    "template.year_mismatch": Example("the title's year changed to 2021", _replace("重庆市2020年", "重庆市2021年")),
    "metadata.agency": Example("the title deleted (the text starts at 根据)", _cut_until("根据")),
    "metadata.year": Example("the title deleted (the text starts at 根据)", _cut_until("根据")),
    "text.ignored": Example(
        "a line ``单位：件`` inside table 三",
        _replace("\t四、结转下年度继续办理\n", "\t单位：件\n\t四、结转下年度继续办理\n"),
    ),
    "label.fuzzy": Example(
        "the row label 5.要求行政机关确认或重新出具已获取信息 cut short to 5.要求行政机关确认或重新出",
        _replace("\t5.要求行政机关确认或重新出具已获取信息\n", "\t5.要求行政机关确认或重新出\n"),
    ),
    "series.carry": Example(
        "a copy of it for 2021 whose 二、上年结转 总计 is 145, both checked as a series",
        series=_carried_over(145),
    ),
    "series.stock": Example(
        "copies of it for 2021 and 2022 whose table 二 (2021 template) prints 40 行政规范性文件 in force, then "
        "3 issued, 1 repealed and 41 in force",
        series=_stock,
    ),
    "series.items": Example(
        "an unchanged copy of it for 2021, both checked as a series", series=lambda r: [_year(r, 2020), _year(r, 2021)]
    ),
    "series.gap": Example(
        "a copy of it for 2023, both checked as a series", series=lambda r: [_year(r, 2020), _year(r, 2023)]
    ),
    "series.duplicate": Example(
        "a second copy of it for 2020, both checked as a series",
        series=lambda r: [_year(r, 2020), attrs.evolve(r, source="2020-corrected.txt")],
    ),
    "series.unplaced": Example(
        "its year removed, checked as a series", series=lambda r: [attrs.evolve(r, year=None, source="report.txt")]
    ),
    "layout.unexpected": Example(
        "a table 二 row label 行政许可 inside table 三",
        _replace("\t四、结转下年度继续办理\n", "\t行政许可\n\t四、结转下年度继续办理\n"),
    ),
}


def example_diagnostic(code: str) -> giar_parse.Diagnostic:
    """The first diagnostic with ``code`` that the example for it produces."""
    example = EXAMPLES[code]
    if example.message is not None:
        return giar_parse.Diagnostic(code, CODES[code].severity, example.message)
    text = giar_parse.sample_text()
    if example.series is not None:
        for diagnostic in giar_parse.check_series(example.series(giar_parse.parse(text))):
            if diagnostic.code == code:
                return diagnostic
        raise ValueError(f"the example for {code} no longer produces it")
    if example.read is not None:
        report = example.read(text)
    else:
        assert example.edit is not None
        report = giar_parse.parse(example.edit(text))
    for diagnostic in report.diagnostics:
        if diagnostic.code == code:
            return diagnostic
    raise ValueError(f"the example for {code} no longer produces it: {[d.code for d in report.diagnostics]}")


_FAMILIES = {
    "identity": "Identities: the report's own arithmetic",
    "cells": "Cells: reading and placing values",
    "amount": "Amounts: money units",
    "input": "Input",
    "pdf": "Input",
    "row": "Rows",
    "table": "Tables",
    "section": "Sections",
    "template": "Template",
    "metadata": "Metadata",
    "text": "Layout: text, labels and cells the tables do not expect",
    "label": "Layout: text, labels and cells the tables do not expect",
    "layout": "Layout: text, labels and cells the tables do not expect",
    "series": "Series: one agency's reports across years",
    "prose": "Prose: the report's words against its tables",
}


def _indent(text: str, by: str = "   ") -> str:
    return "\n".join(by + line if line else line for line in text.splitlines())


def diagnostics_reference() -> str:
    """The reST of every code of the registry: severity, trigger, example message, what to do."""
    missing = sorted(set(CODES) - set(EXAMPLES))
    if missing:
        raise ValueError(f"no example in docs/_ext/giar_docs.py EXAMPLES for {missing}")
    out: list[str] = []
    family_seen = ""
    for code, info in CODES.items():
        family = _FAMILIES.get(code.split(".")[0], code.split(".")[0])
        if family != family_seen:
            out += [family, "-" * (2 * len(family)), ""]
            family_seen = family
        example = EXAMPLES[code]
        diagnostic = example_diagnostic(code)
        found = f"path ``{diagnostic.path}``" if diagnostic.path else "no path"
        if diagnostic.line is not None:
            found += f", line {diagnostic.line}"
        source = (
            f"Example, from the bundled sample with {example.how} ({found}):"
            if example.message is None
            else f"Example, {example.how}:"
        )
        out += [
            f".. _diagnostic-{code}:",
            "",
            f"``{code}``",
            "^" * (len(code) + 4),
            "",
            f"**Severity:** ``{info.severity}``",
            "",
            f"**Triggered by:** {info.trigger}",
            "",
            source,
            "",
            ".. code-block:: text",
            "",
            _indent(diagnostic.message),
            "",
            f"**What to do:** {info.action}",
            "",
        ]
    return "\n".join(out)


# --- the command line ----------------------------------------------------------------------


def cli_help(width: int = 88) -> str:
    """The command line's ``--help`` text, as the installed version prints it."""
    out = io.StringIO()
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            cli_main(["--help"])
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved
    return out.getvalue()
