"""The output contract as a JSON Schema, generated from the attrs records so it cannot drift."""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from giar_parse.model import FILE_PLACES, SERIES_FIELDS, Diagnostic, Provenance, Report, Section

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DECIMAL = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}
_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_SIMPLE: dict[Any, dict[str, Any]] = {
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    bool: {"type": "boolean"},
    Decimal: _DECIMAL,
    dt.date: _DATE,
}
_DOC_COMMENT = re.compile(r"((?:^[ \t]*#:.*\n)+)[ \t]*(\w+):", re.MULTILINE)
_FILE = {"type": "string", "description": "The input the report was read from (command line output only)."}


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type(arg, defs) for arg in args if arg is not type(None)]
        if type(None) in args:
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is tuple and args[-1] is Ellipsis:
        return {"type": "array", "items": _type(args[0], defs)}
    if origin is tuple:  # a fixed-length tuple, such as a bounding box
        return {"type": "array", "prefixItems": [_type(arg, defs) for arg in args], "items": False}
    if attrs.has(hint):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint in _SIMPLE:
        return dict(_SIMPLE[hint])
    raise TypeError(f"no JSON Schema for {hint!r}")  # a new field type: extend this function


def _comments(cls: type) -> dict[str, str]:
    """Field name → its ``#:`` comment in the class source (the field's documentation)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):  # no source shipped: no descriptions
        return {}
    out: dict[str, str] = {}
    for comment, name in _DOC_COMMENT.findall(source):
        out[name] = " ".join(part.strip().removeprefix("#:").strip() for part in comment.splitlines())
    return out


def _define(cls: type, defs: dict[str, Any]) -> None:
    name = cls.__name__
    if name in defs:
        return
    defs[name] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    comments = _comments(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if field.name == "provenance":
            _define(Provenance, defs)
            properties["provenance"] = {
                "type": "object",
                "description": "With provenance=True: where each value was read.",
                "additionalProperties": {"$ref": "#/$defs/Provenance"},
            }
            continue
        if cls is Section and field.name == "line":
            properties["line"] = {"type": ["integer", "null"], "description": "With provenance=True only."}
            continue
        properties[field.name] = _type(hints[field.name], defs)
        if field.name in comments:
            properties[field.name]["description"] = comments[field.name]
        given_where_set = (cls is Provenance and field.name in FILE_PLACES) or (
            cls is Diagnostic and field.name in SERIES_FIELDS
        )
        if not given_where_set:  # given only where known
            required.append(field.name)
    if cls is Report:
        properties["file"] = _FILE
    doc = (cls.__doc__ or "").strip().splitlines()
    defs[name] = {
        "type": "object",
        "description": doc[0] if doc else name,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of what :func:`~giar_parse.to_dict` returns.

    Built from the records themselves, so it follows every field they have; every key
    is required and no other key is allowed, except ``provenance`` (and a section's
    ``line``) with ``provenance=True`` and the command line's ``file``.

    >>> import giar_parse
    >>> schema = giar_parse.json_schema()
    >>> schema["$defs"]["Counts"]["properties"]["natural_person"]["description"]
    '自然人'
    """
    defs: dict[str, Any] = {}
    _define(Report, defs)
    root = defs.pop("Report")
    return {
        "$schema": _DIALECT,
        "title": "giar-parse report",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
