"""The diagnostics registry lists exactly the codes the parser emits, with their severity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import giar_parse
from conftest import SEED_IDS, seed_text
from giar_parse.diagnostics import CODES

SOURCE = Path(giar_parse.__file__).parent
SEVERITIES = {"error", "warning", "info"}


def emitted_in_source() -> dict[str, set[str]]:
    """Code → severities of every ``Diagnostic(...)`` and ``notes.add(...)`` call in the package."""
    found: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "diagnostics.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            arguments = {keyword.arg: keyword.value for keyword in node.keywords}
            code_node = node.args[0] if node.args else arguments.get("code")
            severity_node = node.args[1] if len(node.args) > 1 else arguments.get("severity")
            is_diagnostic = name == "Diagnostic" or (
                name == "add" and isinstance(severity_node, ast.Constant) and severity_node.value in SEVERITIES
            )
            if not is_diagnostic or code_node is None:
                continue
            if isinstance(code_node, ast.Name) and code_node.id == "code":
                continue  # a helper forwarding its ``code`` parameter (Notes.add); its callers are scanned
            where = f"{path.name}:{node.lineno}"
            assert isinstance(code_node, ast.Constant) and isinstance(code_node.value, str), (
                f"{where}: a diagnostic's code must be a string literal so the registry test can see it"
            )
            assert isinstance(severity_node, ast.Constant), f"{where}: severity must be a literal"
            found.setdefault(code_node.value, set()).add(severity_node.value)
    return found


def test_every_emitted_code_is_registered_with_its_severity() -> None:
    emitted = emitted_in_source()
    assert emitted, "found no diagnostics in the source: the scan is broken"
    unregistered = sorted(set(emitted) - set(CODES))
    assert unregistered == [], f"add these codes to giar_parse/diagnostics.py CODES: {unregistered}"
    for code, severities in emitted.items():
        assert severities == {CODES[code].severity}, f"{code} is emitted as {severities}"


def test_every_registered_code_is_emitted() -> None:
    stale = sorted(set(CODES) - set(emitted_in_source()))
    assert stale == [], f"CODES lists codes no source emits: {stale}"


def test_registry_entries_are_complete() -> None:
    for code, info in CODES.items():
        assert info.code == code
        assert info.severity in SEVERITIES
        family, _, name = code.partition(".")
        assert family and name and code == code.lower()
        assert info.trigger.strip() and info.action.strip()


@pytest.mark.parametrize("seed_id", [*SEED_IDS, "sample"])
def test_diagnostics_of_real_reports_are_registered(seed_id: str) -> None:
    text = giar_parse.sample_text() if seed_id == "sample" else seed_text(seed_id)
    for diagnostic in giar_parse.parse(text).diagnostics:
        assert diagnostic.code in CODES
        assert diagnostic.severity == CODES[diagnostic.code].severity
