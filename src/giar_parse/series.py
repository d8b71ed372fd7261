"""Checks across years: one agency's reports read as a series.

An agency's reports chain from year to year: what one report carries forward (表三
四、结转下年度继续办理) is what the next says it carried over (二、上年结转), column by
column.  :func:`check_series` groups reports by agency, orders each group by year and
checks every pair of consecutive years, without changing a number.  A blank cell counts
as 0 and the message says "blank"; a cell the report could not read (an ``error``
diagnostic on it or on its row) is not compared.

>>> import attrs
>>> import giar_parse
>>> report = giar_parse.parse(giar_parse.sample_text())
>>> carried = attrs.evolve(report.requests.carried_forward, natural_person=120)
>>> later = attrs.evolve(
...     report, year=2021, title=None, requests=attrs.evolve(report.requests, carried_over=carried)
... )
>>> [(d.code, d.path) for d in giar_parse.check_series([report, later]) if d.code == "series.carry"]
[('series.carry', 'requests.carried_over.natural_person')]
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from attrs import frozen

from giar_parse.labels import ACTIVE_ROWS_2019, ACTIVE_ROWS_2021, REQUEST_COLUMNS
from giar_parse.model import ActiveDisclosure2019, ActiveDisclosure2021, Diagnostic, Report

__all__ = ["agency_key", "check_series"]

_STOCK_ROWS = ("regulations", "normative_documents")
_ITEM_ROWS = ("licensing", "other_services", "penalties", "coercion", "fees")


def agency_key(agency: str) -> str:
    """The name an agency's reports are grouped by: width, spaces and 人民政府/政府 folded.

    >>> from giar_parse.series import agency_key
    >>> agency_key("重庆市 人民政府") == agency_key("重庆市政府") == agency_key("重庆市")
    True
    >>> agency_key("重庆市人民政府办公厅") == agency_key("重庆市")
    False
    """
    folded = "".join(unicodedata.normalize("NFKC", agency).split()).replace("人民政府", "政府")
    return folded.removesuffix("政府") or folded


@frozen
class _Entry:
    """One report of the input, with its name in messages and the cells it could not read."""

    report: Report
    name: str
    unread: frozenset[str]

    def read(self, row: str, column: str) -> bool:
        """Whether the cell at ``row.column`` was read (no error names it or its row)."""
        return row not in self.unread and f"{row}.{column}" not in self.unread


def _names(reports: Sequence[Report]) -> list[str]:
    """How each report is named: ``source``, else title, else agency and year; ``#n`` (input position) where shared."""
    bases: list[str | None] = []
    for report in reports:
        fallback = f"{report.agency} {report.year}" if report.agency and report.year is not None else None
        bases.append(report.source or report.title or fallback)
    shared = Counter(bases)
    return [
        f"report #{index}" if base is None else f"{base} (#{index})" if shared[base] > 1 else base
        for index, base in enumerate(bases, 1)
    ]


def _shown(value: int | None) -> str:
    return "blank" if value is None else str(value)


def _term(value: int | None) -> str:
    return f"({value})" if value is not None and value < 0 else _shown(value)


def _blank_note(*values: int | None) -> str:
    return "; blank cells read as 0" if any(value is None for value in values) else ""


def _carry(before: _Entry, after: _Entry) -> Iterator[Diagnostic]:
    """四、结转下年度继续办理 of the earlier report against 二、上年结转 of the later, per column."""
    earlier, later = before.report.requests, after.report.requests
    if earlier is None or later is None or earlier.carried_forward is None or later.carried_over is None:
        return  # a table or row not read: the report's own error says so
    for column, label in REQUEST_COLUMNS.items():
        if not (before.read("requests.carried_forward", column) and after.read("requests.carried_over", column)):
            continue
        forward, over = getattr(earlier.carried_forward, column), getattr(later.carried_over, column)
        if (forward or 0) != (over or 0):
            yield Diagnostic(
                "series.carry",
                "warning",
                f"{label}: 四、结转下年度继续办理 in “{before.name}” is {_shown(forward)}, "
                f"but 二、上年结转 in “{after.name}” is {_shown(over)}",
                f"requests.carried_over.{column}",
                reports=(before.name, after.name),
            )


def _stock(before: _Entry, after: _Entry) -> Iterator[Diagnostic]:
    """2021 template: last year's 现行有效件数 + 本年制发 − 本年废止 against this year's 现行有效件数."""
    earlier, later = before.report.active, after.report.active
    if not (isinstance(earlier, ActiveDisclosure2021) and isinstance(later, ActiveDisclosure2021)):
        return
    for key in _STOCK_ROWS:
        old, new = getattr(earlier, key), getattr(later, key)
        path = f"active.{key}"
        if old is None or new is None or not before.read(path, "in_force"):
            continue
        if not all(after.read(path, column) for column in ("issued", "repealed", "in_force")):
            continue
        values = (old.in_force, new.issued, new.repealed, new.in_force)
        if all(value is None for value in values):
            continue
        start, issued, repealed, in_force = values
        expected = (start or 0) + (issued or 0) - (repealed or 0)
        if expected != (in_force or 0):
            yield Diagnostic(
                "series.stock",
                "info",
                f"{ACTIVE_ROWS_2021[key][1]}: 现行有效件数 in “{before.name}” + 本年制发件数 − 本年废止件数 "
                f"in “{after.name}” = {_shown(start)} + {_shown(issued)} − {_shown(repealed)} = {expected}, "
                f"but 现行有效件数 in “{after.name}” is {_shown(in_force)} "
                f"(a difference of {(in_force or 0) - expected:+d}{_blank_note(*values)})",
                f"{path}.in_force",
                reports=(before.name, after.name),
            )


def _items(before: _Entry, after: _Entry) -> Iterator[Diagnostic]:
    """2019 template: last year's 上一年项目数量 + 本年增/减 against this year's 上一年项目数量."""
    earlier, later = before.report.active, after.report.active
    if not (isinstance(earlier, ActiveDisclosure2019) and isinstance(later, ActiveDisclosure2019)):
        return
    for key in _ITEM_ROWS:
        old, new = getattr(earlier, key), getattr(later, key)
        path = f"active.{key}"
        if old is None or new is None:
            continue
        if not (before.read(path, "previous") and before.read(path, "change") and after.read(path, "previous")):
            continue
        values = (old.previous, old.change, new.previous)
        if all(value is None for value in values):
            continue
        start, change, previous = values
        expected = (start or 0) + (change or 0)
        if expected != (previous or 0):
            yield Diagnostic(
                "series.items",
                "info",
                f"{ACTIVE_ROWS_2019[key][1]}: 上一年项目数量 + 本年增/减 in “{before.name}” = "
                f"{_shown(start)} + {_term(change)} = {expected}, but 上一年项目数量 in “{after.name}” is "
                f"{_shown(previous)} (a difference of {(previous or 0) - expected:+d}{_blank_note(*values)})",
                f"{path}.previous",
                reports=(before.name, after.name),
            )


def _gap(agency: str, before: _Entry, after: _Entry) -> Diagnostic:
    first, last = (entry.report.year for entry in (before, after))
    assert first is not None and last is not None
    missing = str(first + 1) if last - first == 2 else f"{first + 1}–{last - 1}"
    return Diagnostic(
        "series.gap",
        "info",
        f"{agency}: no report for {missing} between “{before.name}” ({first}) and “{after.name}” ({last})",
        "year",
        reports=(before.name, after.name),
    )


def _duplicate(agency: str, year: int, entries: Sequence[_Entry]) -> Diagnostic:
    names = [f"“{entry.name}”" for entry in entries]
    same = all(entry.report == entries[0].report for entry in entries[1:])
    return Diagnostic(
        "series.duplicate",
        "warning",
        f"{agency}: {len(entries)} reports for {year}: {', '.join(names[:-1])} and {names[-1]}"
        + (" (the same content)" if same else ""),
        "year",
        reports=tuple(entry.name for entry in entries),
    )


def _unplaced(entry: _Entry) -> Diagnostic:
    lacking = [name for name in ("agency", "year") if getattr(entry.report, name) is None]
    return Diagnostic(
        "series.unplaced",
        "info",
        f"“{entry.name}” names no {' and no '.join(lacking)}, so it is in no series",
        lacking[0],
        reports=(entry.name,),
    )


def _pair(before: _Entry, after: _Entry) -> Iterator[Diagnostic]:
    """Every check of two consecutive years; table 二's only where both print it in one template."""
    yield from _carry(before, after)
    yield from _stock(before, after)
    yield from _items(before, after)


def _series(agency: str, entries: Sequence[_Entry]) -> Iterator[Diagnostic]:
    """The diagnostics of one agency's reports, year by year."""
    by_year: dict[int, list[_Entry]] = {}
    for entry in entries:
        assert entry.report.year is not None
        by_year.setdefault(entry.report.year, []).append(entry)
    years = sorted(by_year)
    for index, year in enumerate(years):
        if len(by_year[year]) > 1:
            yield _duplicate(agency, year, by_year[year])
        if index == 0:
            continue
        earlier = by_year[years[index - 1]]
        if year - years[index - 1] > 1:
            yield _gap(agency, earlier[0], by_year[year][0])
            continue
        for before in earlier:  # a corrected reissue is checked like the report it replaces
            for after in by_year[year]:
                yield from _pair(before, after)


def check_series(reports: Iterable[Report]) -> list[Diagnostic]:
    """Check reports of the same agencies across years, pair of consecutive years by pair.

    Reports are grouped by agency (compared by :func:`~giar_parse.series.agency_key`) and ordered by year.
    For each pair of consecutive years: ``series.carry`` where 四、结转下年度继续办理 of the
    earlier report differs from 二、上年结转 of the later in a column; ``series.stock``
    (2021 template) and ``series.items`` (2019 template) for table 二's running totals, only
    where both reports follow the same template.  ``series.gap`` notes a missing year,
    ``series.duplicate`` two reports of one agency and year, ``series.unplaced`` a report
    naming no agency or year.  Each diagnostic's ``reports`` names the reports it is about.
    The reports are not changed; the diagnostics are returned, in the order of the
    agencies' first reports in the input, then by year.

    >>> import giar_parse
    >>> giar_parse.check_series([giar_parse.parse(giar_parse.sample_text())])
    []
    """
    given = list(reports)
    entries = [
        _Entry(report, name, frozenset(d.path for d in report.diagnostics if d.severity == "error" and d.path))
        for report, name in zip(given, _names(given), strict=True)
    ]
    out: list[Diagnostic] = []
    groups: dict[str, list[_Entry]] = {}
    for entry in entries:
        if entry.report.agency is None or entry.report.year is None:
            out.append(_unplaced(entry))
        else:
            groups.setdefault(agency_key(entry.report.agency), []).append(entry)
    for members in groups.values():
        agency = members[0].report.agency
        assert agency is not None
        out.extend(_series(agency, members))
    return out
