"""Property (issue 11, item 2): cells lost from the text never shift a value into another column.

A drawn report is rendered as tab-separated rows, then some value cells are deleted from
the text (so rows print fewer values than they have columns, as text extraction does when
it drops blank or merged cells).  Every number ``parse`` returns must be the drawn number
at that place: a value may be missing (None, with a diagnostic), never different.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import giar_parse
from giar_parse import Layout, Report, render, strategies, to_dict
from giar_parse.reading.normalise import fold
from giar_parse.reading.values import is_value


def _leaves(tree: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key != "provenance" and not key.endswith("_text"):
                yield from _leaves(value, f"{path}.{key}" if path else key)
    else:
        yield path, tree


def _numbers(report: Report) -> dict[str, Decimal]:
    tree = to_dict(report)
    out = {}
    for table in ("active", "requests", "appeals"):
        for path, value in _leaves(tree.get(table) or {}, table):
            if value is not None and not isinstance(value, bool):
                out[path] = Decimal(str(value))
    return out


def delete_cells(text: str, rng: random.Random, rate: float) -> str:
    """``text`` with some cells of its value rows deleted (the cell and its tab)."""
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 2 and all(is_value(fold(cell)) for cell in cells[1:]):
            kept = [cells[0]] + [cell for cell in cells[1:] if rng.random() >= rate]
            line = "\t".join(kept)
        lines.append(line)
    return "\n".join(lines)


def _lose_cells(drawn: Report, seed: int, rate: float) -> tuple[Report, dict[str, tuple[Decimal, Decimal | None]]]:
    """The report read from ``drawn``'s text with some value cells deleted, and each number it gets wrong."""
    text = delete_cells(render(drawn, layout=Layout.TABS), random.Random(seed), rate)
    expected = _numbers(drawn)
    report = giar_parse.parse(text)
    returned = _numbers(report)
    return report, {
        path: (value, expected.get(path)) for path, value in returned.items() if expected.get(path) != value
    }


_RATES = st.sampled_from((0.05, 0.2, 0.5, 0.8))


@given(drawn=strategies.reports(consistent=True), seed=st.integers(0, 2**32 - 1), rate=_RATES)
def test_a_returned_value_is_the_drawn_value_even_when_cells_are_lost(drawn: Report, seed: int, rate: float) -> None:
    _, wrong = _lose_cells(drawn, seed, rate)
    assert wrong == {}


@given(drawn=strategies.reports(consistent=False), seed=st.integers(0, 2**32 - 1), rate=_RATES)
def test_a_table_breaking_its_arithmetic_where_a_cell_was_lost_reads_as_its_identities_say(
    drawn: Report, seed: int, rate: float
) -> None:
    # a table whose arithmetic breaks in just the cell the text lost prints what a table that
    # holds it would: the one rule resting on the arithmetic (cells.inferred, a lost 0 column)
    # reads it so, and then every identity of table 三 holds; nothing else may differ
    report, wrong = _lose_cells(drawn, seed, rate)
    if wrong:
        assert all(path.startswith("requests.") for path in wrong)
        codes = {d.code for d in report.diagnostics}
        assert "cells.inferred" in codes
        assert not {"identity.flow", "identity.outcome_sum", "identity.row_sum"} & codes


def test_deleting_cells_loses_values_but_changes_none() -> None:
    drawn = giar_parse.parse(giar_parse.sample_text())
    text = delete_cells(render(drawn, layout=Layout.TABS), random.Random(1), 0.3)
    returned = _numbers(giar_parse.parse(text))
    expected = _numbers(drawn)
    assert 0 < len(returned) < len(expected)  # the deletion did lose cells, and not all of them
    assert all(expected[path] == value for path, value in returned.items())
