"""Report → a readable terminal view (``--format table``): metadata, the three tables, diagnostics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from giar_parse import labels
from giar_parse.model import ActiveDisclosure2019, Report
from giar_parse.writing.layouts import display_width

__all__ = ["format_table"]

_BLANK = "·"
_LABEL_WIDTH = 22
# table 三's organisation columns, shortened to fit 80 columns
_REQUEST_HEADERS = ("自然人", "商业企业", "科研机构", "公益组织", "法律服务", "其他", "总计")


def _clip(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    while display_width(text) > width - 1:
        text = text[:-1]
    return f"{text}…"


def _cell(value: Any) -> str:
    if value is None:
        return _BLANK
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _grid(headers: Sequence[str], rows: Sequence[tuple[str, Sequence[str]]], corner: str = "") -> list[str]:
    """Rows of a label column and right-aligned value columns, widths in terminal cells."""
    widths = [max([display_width(h), *(display_width(cells[i]) for _, cells in rows)]) for i, h in enumerate(headers)]
    lines = []
    for label, cells in [(corner, list(headers)), *rows]:
        label = _clip(label, _LABEL_WIDTH)
        line = label + " " * (_LABEL_WIDTH - display_width(label))
        for cell, width in zip(cells, widths, strict=True):
            line += "  " + " " * (width - display_width(cell)) + cell
        lines.append("  " + line.rstrip())
    return lines


def _record_cells(record: Any, fields: Sequence[str]) -> list[str]:
    return [_BLANK if record is None else _cell(getattr(record, name)) for name in fields]


def _active(report: Report) -> list[str]:
    active = report.active
    if active is None:
        return ["  (not read)"]
    rows = labels.ACTIVE_ROWS_2019 if isinstance(active, ActiveDisclosure2019) else labels.ACTIVE_ROWS_2021
    columns = labels.ACTIVE_COLUMNS_2019 if isinstance(active, ActiveDisclosure2019) else labels.ACTIVE_COLUMNS_2021
    lines: list[str] = []
    for item in dict.fromkeys(item for item, _ in rows.values()):
        header: Mapping[str, str] = columns[item]
        names = list(header)
        shown = [f"{label.split('（')[0]}（元）" if name == "amount" else label for name, label in header.items()]
        body = [(label, _record_cells(getattr(active, key), names)) for key, (i, label) in rows.items() if i == item]
        lines += _grid(shown, body, labels.ACTIVE_CAPTIONS[item])
    return lines


def _requests(report: Report) -> list[str]:
    table = report.requests
    if table is None:
        return ["  (not read)"]
    names = list(labels.REQUEST_COLUMNS)
    body: list[tuple[str, Sequence[str]]] = []
    group = ""
    for path, label in labels.REQUEST_ROWS.items():
        parent, _, key = path.rpartition(".")
        holder = getattr(table, parent) if parent else table
        # a report prints either the one （六） row or its three sub-rows
        if (path == "other_handling" and table.other_handling_parts is not None) or holder is None:
            continue
        if parent and parent != group:
            body.append((labels.REQUEST_GROUPS[parent], [""] * len(names)))
        group = parent
        body.append((f"  {label}" if parent else label, _record_cells(getattr(holder, key), names)))
    return _grid(_REQUEST_HEADERS, body)


def _appeals(report: Report) -> list[str]:
    table = report.appeals
    if table is None:
        return ["  (not read)"]
    names = list(labels.APPEAL_COLUMNS)
    body = [(label, _record_cells(getattr(table, key), names)) for key, label in labels.APPEAL_GROUPS.items()]
    return _grid(list(labels.APPEAL_COLUMNS.values()), body)


_TABLES = (
    ("二、主动公开政府信息情况", _active),
    ("三、收到和处理政府信息公开申请情况", _requests),
    ("四、政府信息公开行政复议、行政诉讼情况", _appeals),
)


def format_table(report: Report, file: str | None = None) -> str:
    """The report as text for a terminal: what was read, blanks as ``·``, then diagnostics."""
    period = f"{report.period.start} – {report.period.end}" if report.period else None
    facts = {
        "file": file,
        "template": report.template,
        "agency": report.agency,
        "year": report.year,
        "published": report.published,
        "period": period,
    }
    lines = [report.title or "(no title)"]
    lines.append("  ".join(f"{k}: {_BLANK if v is None else v}" for k, v in facts.items() if k != "file" or v))
    lines.append("sections: " + "  ".join(f"{s.number} {s.heading}" for s in report.sections))
    for title, part in _TABLES:
        lines += ["", title, *part(report)]
    lines += ["", f"diagnostics ({len(report.diagnostics)}):" if report.diagnostics else "diagnostics: none"]
    for d in report.diagnostics:
        where = " ".join(x for x in (d.path or "", f"line {d.line}" if d.line else "") if x)
        lines.append(f"  {d.severity:<7} {d.code:<22} {where}".rstrip())
        lines.append(f"          {d.message}")
    lines.append(f"({_BLANK} = no number printed)")
    return "\n".join(lines) + "\n"
