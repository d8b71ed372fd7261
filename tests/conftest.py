from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a fast, repeatable profile for CI, and a long random one for fuzzing
# (GIAR_PARSE_FUZZ=1, or HYPOTHESIS_PROFILE=fuzz).  See README, "Development".
settings.register_profile(
    "default", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("fuzz" if os.environ.get("GIAR_PARSE_FUZZ") else "default")
)

DATA = Path(__file__).parent / "data"
SHARED_SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SEED_IDS = sorted(p.stem for p in DATA.glob("*.txt"))


def seed_text(seed_id: str) -> str:
    return (DATA / f"{seed_id}.txt").read_text(encoding="utf-8")


def seed_expected(seed_id: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((DATA / "expected" / f"{seed_id}.json").read_text(encoding="utf-8"))
    return result


def differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Every key present in ``expected`` whose value differs in ``actual``."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path or '.'}: expected an object, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                out += differences(value, actual[key], f"{path}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r}"]
        out = []
        for index, (a, b) in enumerate(zip(expected, actual, strict=True)):
            out += differences(a, b, f"{path}[{index}]")
        return out
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


@pytest.fixture(params=SEED_IDS)
def seed_id(request: pytest.FixtureRequest) -> str:
    return str(request.param)
