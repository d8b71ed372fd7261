"""json_schema(): generated from the records, validates every seed, rejects renamed keys, matches docs/."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import pytest

import giar_parse
from conftest import seed_text

jsonschema = pytest.importorskip("jsonschema")

DOCS_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "output.schema.json"


@functools.cache
def validator() -> Any:
    schema = giar_parse.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("provenance", [False, True])
def test_every_seed_validates(seed_id: str, provenance: bool) -> None:
    data = giar_parse.to_dict(giar_parse.parse(seed_text(seed_id)), provenance=provenance)
    assert [error.message for error in validator().iter_errors(data)] == []


def test_cli_file_key_validates() -> None:
    data = {"file": "a.txt", **giar_parse.to_dict(giar_parse.parse(giar_parse.sample_text()))}
    assert validator().is_valid(data)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["requests"]["received"].update(sum=d["requests"]["received"].pop("total")),
        lambda d: d["requests"]["withheld"].pop("state_secret"),
        lambda d: d["requests"]["received"].update(total="5758"),
        lambda d: d["active"]["procurement"].update(amount=37000000000),
        lambda d: d.update(template="2018"),
        lambda d: d["diagnostics"].append({"code": "x", "severity": "fatal", "message": "", "path": None, "line": 1}),
    ],
    ids=["renamed-key", "missing-key", "count-as-string", "money-as-number", "template", "severity"],
)
def test_drift_from_the_contract_is_rejected(change: Any) -> None:
    data = copy.deepcopy(giar_parse.to_dict(giar_parse.parse(seed_text("001_a256bd59c98b6bc9"))))
    change(data)
    assert not validator().is_valid(data)


def test_schema_names_the_contract_keys() -> None:
    schema = giar_parse.json_schema()
    counts = schema["$defs"]["Counts"]
    assert counts["required"] == [
        "natural_person",
        "business",
        "research",
        "public_interest",
        "legal_services",
        "other_org",
        "total",
    ]
    assert counts["properties"]["natural_person"]["description"] == "自然人"
    assert {"ActiveDisclosure2019", "ActiveDisclosure2021", "Outcomes", "Diagnostic"} <= set(schema["$defs"])


def test_docs_file_is_the_generated_schema() -> None:
    # regenerate with: giar-parse --schema > docs/output.schema.json
    assert json.loads(DOCS_SCHEMA.read_text(encoding="utf-8")) == giar_parse.json_schema()
