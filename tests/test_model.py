"""The records' repr: one shared function, written exactly as attrs writes the repr it generates."""

from __future__ import annotations

import functools
from typing import Any

import attrs
import pytest
from hypothesis import given

import giar_parse
from giar_parse import model, strategies

RECORDS = [
    value
    for name, value in vars(model).items()
    if attrs.has(value) and value.__module__ == model.__name__ and name != "Provenance"
]


@functools.cache
def _generated(cls: type) -> type:
    """A class with ``cls``'s fields whose repr attrs generates (the repr the records had before)."""
    fields = {a.name: attrs.field(repr=a.repr, kw_only=a.kw_only) for a in attrs.fields(cls)}
    return attrs.make_class(cls.__name__, fields, frozen=True)


def twin(value: Any) -> Any:
    """``value`` with every record in it (but Provenance) made again of its :func:`_generated` class."""
    if isinstance(value, tuple):
        return tuple(twin(item) for item in value)
    if type(value) in RECORDS:
        fields = attrs.fields(type(value))
        return _generated(type(value))(**{a.name: twin(getattr(value, a.name)) for a in fields})
    return value


def test_every_record_shares_the_one_repr() -> None:
    assert len(RECORDS) == 22
    for cls in RECORDS:
        assert cls.__repr__ is model._repr, cls.__name__
    assert model.Provenance.__repr__ is not model._repr  # its own: the file places only where set


def test_the_sample_report_reprs_as_attrs_writes_it() -> None:
    report = giar_parse.parse(giar_parse.sample_text())
    assert repr(report) == repr(twin(report))
    assert repr(report.requests) == repr(twin(report.requests))
    assert repr(report.diagnostics) == repr(twin(report.diagnostics))


@given(drawn=strategies.reports())
def test_drawn_reports_repr_as_attrs_writes_them(drawn: giar_parse.Report) -> None:
    assert repr(drawn) == repr(twin(drawn))


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_a_record_inside_itself_and_a_subclass(cls: type) -> None:
    def inside_itself(made: type) -> Any:
        record = made(**{a.name: [] for a in attrs.fields(cls)})
        getattr(record, next(a.name for a in attrs.fields(cls) if a.repr)).append(record)  # through a list
        return record

    assert repr(inside_itself(cls)) == repr(inside_itself(_generated(cls)))
    assert "[...]" in repr(inside_itself(cls))
    ours, generated = (type("Local", (made,), {"__slots__": ()}) for made in (cls, _generated(cls)))
    values = {a.name: 1 for a in attrs.fields(cls)}
    assert repr(ours(**values)) == repr(generated(**values))
    assert repr(ours(**values)).startswith("Local(")


def test_a_callable_field_repr_is_used() -> None:
    @attrs.frozen
    class Custom:
        __repr__ = model._repr
        shown: int = attrs.field(repr=lambda value: f"<{value}>")
        hidden: int = attrs.field(default=0, repr=False)

    assert repr(Custom(5)) == "Custom(shown=<5>)"
