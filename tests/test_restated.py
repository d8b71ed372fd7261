"""restated.quantity: a path's table number, as the recursive reading of the notation gives it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from giar_parse import strategies
from giar_parse.reading.phrases import FAMILIES
from giar_parse.restated import quantity


def reference_values(record: object, names: Sequence[str]) -> Iterator[object]:
    """Each value at ``names`` under ``record``, one name at a time (``*``: every row of a group)."""
    if not names:
        yield record
    elif record is None:
        yield None
    elif names[0] == "*":
        fields = getattr(type(record), "__attrs_attrs__", None)
        if not fields:
            yield None
        for field in fields or ():
            yield from reference_values(getattr(record, field.name), names[1:])
    else:
        yield from reference_values(getattr(record, names[0], None), names[1:])


def reference_quantity(path: str, tables: dict[str, object]) -> int | Decimal | None:
    total: int | Decimal = 0
    for term in path.split("+"):
        root, *names = term.split(".")
        for value in reference_values(tables.get(root), names):
            if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
                return None
            total += value
    return total


# every family's path with its row and column filled in, and paths the grammar does not make
GRAMMAR_PATHS = sorted(
    {
        family.path.format(c=column, doc=doc, item=item)
        for family in FAMILIES
        if family.path
        for column in ("total", "natural_person")
        for doc in ("regulations", "normative_documents")
        for item in ("licensing", "penalties")
    }
)
PATHS = [
    *GRAMMAR_PATHS,
    "requests.other_handling_parts.*.total",
    "requests.*.total",
    "requests.withheld.*",
    "requests.withheld.*.*",
    "requests.nothing.total",
    "requests",
    "active.*.issued",
    "active.fees.amount+active.fees.amount",
    "appeals.*.total+requests.total.total",
    "tables.review.total",
]


@given(
    strategies.active_disclosures(blank_rate=0.3) | st.none(),
    strategies.request_tables(blank_rate=0.3) | st.none(),
    strategies.appeal_tables(blank_rate=0.3) | st.none(),
    st.sampled_from(PATHS),
)
def test_a_quantity_is_read_as_the_notation_says(active: object, requests: object, appeals: object, path: str) -> None:
    tables = {"active": active, "requests": requests, "appeals": appeals}
    assert quantity(path, tables) == reference_quantity(path, tables)
