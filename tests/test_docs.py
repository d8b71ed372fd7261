"""The documentation's generated pages cover the code: every key with its label, every code with an example."""

from __future__ import annotations

import sys
import typing
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import giar_parse
from giar_parse import labels
from giar_parse.diagnostics import CODES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "_ext"))
import giar_docs

POSITION_FIELDS = {"provenance"}


def records_in(hint: object) -> list[type]:
    """The attrs classes a field annotation allows (``X | None`` → X; an alias of two → both)."""
    if isinstance(hint, type) and attrs.has(hint):
        return [hint]
    return [record for argument in typing.get_args(hint) for record in records_in(argument)]


def leaf_paths(cls: type, prefix: str) -> Iterator[tuple[str, str]]:
    """(row path, cell key) for every value cell under ``cls``, walking the records themselves."""
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.name in POSITION_FIELDS:
            continue
        path = f"{prefix}.{field.name}"
        nested = records_in(hints[field.name])
        if not nested:
            yield prefix, field.name
        for record in nested:
            yield from leaf_paths(record, path)


def row_keys(table: str) -> set[tuple[str, str]]:
    hints = typing.get_type_hints(giar_parse.Report)
    return {pair for record in records_in(hints[table]) for pair in leaf_paths(record, table)}


def test_the_walk_finds_the_tables() -> None:
    assert ("requests.withheld.state_secret", "natural_person") in row_keys("requests")
    assert ("active.procurement", "amount_text") in row_keys("active")
    assert ("active.fees", "amount") in row_keys("active")  # the 2021 record
    assert ("appeals.litigation_after_review", "pending") in row_keys("appeals")


def test_every_table_two_key_appears_with_its_label() -> None:
    text = giar_docs.table("active-2019") + giar_docs.table("active-2021")
    for row, cell in row_keys("active"):
        assert f"``{row}``" in text and f"``{cell}``" in text, (row, cell)
    for rows in (labels.ACTIVE_ROWS_2019, labels.ACTIVE_ROWS_2021):
        for item, label in rows.values():
            assert label in text and labels.ACTIVE_CAPTIONS[item] in text
    for columns in (labels.ACTIVE_COLUMNS_2019, labels.ACTIVE_COLUMNS_2021):
        for block in columns.values():
            for key, label in block.items():
                assert f"``{key}`` {label}" in text


def test_every_table_three_row_and_column_appears_with_its_label() -> None:
    rows = giar_docs.table("request-rows")
    columns = giar_docs.table("request-columns")
    for row, cell in row_keys("requests"):
        assert f"``{row}``" in rows, row
        assert f"``{cell}``" in columns, cell
    for path, label in labels.REQUEST_ROWS.items():
        assert f"``requests.{path}``\n" in rows and f"- {label}\n" in rows
    for key, label in labels.REQUEST_COLUMNS.items():
        assert f"``{key}``" in columns and label in columns


def test_every_table_four_key_appears_with_its_label() -> None:
    text = giar_docs.table("appeals")
    for row, cell in row_keys("appeals"):
        assert f"``{row}``" in text and f"``{cell}``" in text
    for key, label in labels.APPEAL_GROUPS.items():
        assert f"``appeals.{key}``\n     - {label}" in text
    for key, label in labels.APPEAL_COLUMNS.items():
        assert f"``{key}``\n     - {label}" in text


def test_every_section_kind_appears_with_its_heading() -> None:
    text = giar_docs.table("sections")
    for kind, (_, heading) in labels.SECTIONS.items():
        assert f"``{kind}``" in text and heading in text


def test_a_record_field_without_a_label_fails_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(labels, "REQUEST_COLUMNS", {k: v for k, v in labels.REQUEST_COLUMNS.items() if k != "research"})
    with pytest.raises(ValueError, match="research"):
        giar_docs.table("request-columns")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_an_example_that_produces_it(code: str) -> None:
    assert code in giar_docs.EXAMPLES, f"add an example for {code} to docs/_ext/giar_docs.py EXAMPLES"
    diagnostic = giar_docs.example_diagnostic(code)
    assert diagnostic.code == code and diagnostic.severity == CODES[code].severity
    assert diagnostic.message


def test_the_diagnostics_reference_covers_every_code() -> None:
    text = giar_docs.diagnostics_reference()
    for code, info in CODES.items():
        assert f".. _diagnostic-{code}:" in text
        assert info.trigger in text and info.action in text


def test_cli_help_is_captured() -> None:
    assert "--sample" in giar_docs.cli_help()
