"""The grammar cache: a stale, damaged, shared or unwritable cache never changes or stops a parse."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import giar_parse
from giar_parse.reading import cache, grammar

DATA = {"rules": [("start", 1, (0,))], "states": {0: {"WORD": (True, 1)}}, "start": 0}


def build() -> dict[str, object]:
    return {**DATA}


def valid(loaded: object) -> bool:
    return isinstance(loaded, dict) and loaded.keys() == DATA.keys()


def cached(key: str, build: object, directory: Path | None) -> object:
    return cache.cached(key, build, directory, valid)  # type: ignore[arg-type]


def files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_builds_then_loads(tmp_path: Path) -> None:
    built: list[object] = []

    def counting() -> object:
        built.append(build())
        return built[-1]

    first = cached("key", counting, tmp_path)
    assert len(built) == 1
    [name] = files(tmp_path)
    assert name.startswith("grammar-") and name.endswith(".tables")
    second = cached("key", counting, tmp_path)
    assert len(built) == 1, "the second call must load the file, not build"
    assert second is not first
    assert second == first == DATA


def test_directory_as_str_or_path(tmp_path: Path) -> None:
    # cache_dir() gives a str (no pathlib on the way to a parse); a Path names the same file
    cached("key", build, str(tmp_path))
    assert cached("key", lambda: pytest.fail("should load"), tmp_path) == DATA
    assert len(files(tmp_path)) == 1


def test_changed_key_builds_anew_and_keeps_a_recent_old_file(tmp_path: Path) -> None:
    cached("old grammar", build, tmp_path)
    [old] = files(tmp_path)
    built: list[int] = []
    cached("new grammar", lambda: built.append(1) or build(), tmp_path)
    assert built == [1]
    assert old in files(tmp_path) and len(files(tmp_path)) == 2
    # both load from then on: two installations sharing the directory do not evict each other
    cached("old grammar", lambda: pytest.fail("should load"), tmp_path)
    cached("new grammar", lambda: pytest.fail("should load"), tmp_path)


def test_pickles_of_earlier_versions_unused_for_a_month_are_removed(tmp_path: Path) -> None:
    old = tmp_path / "grammar-0123456789abcdef01234567.lark.pickle"
    recent = tmp_path / "grammar-76543210fedcba9876543210.lark.pickle"
    old.write_bytes(b"an earlier version's parser")
    recent.write_bytes(b"another installation's parser, in use")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    cached("key", build, tmp_path)
    assert not old.exists() and recent.exists()


def test_files_unused_for_a_month_are_removed(tmp_path: Path) -> None:
    cached("old grammar", build, tmp_path)
    [old] = files(tmp_path)
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(tmp_path / old, (month_ago, month_ago))
    cached("new grammar", build, tmp_path)
    [new] = files(tmp_path)
    assert new != old


@pytest.mark.parametrize("damage", [b"", b"not marshal data", marshal.dumps({"data": 1, "memo": 2}), marshal.dumps(42)])
def test_damaged_file_is_rebuilt_and_replaced(tmp_path: Path, damage: bytes) -> None:
    cached("key", build, tmp_path)
    [name] = files(tmp_path)
    (tmp_path / name).write_bytes(damage)
    built: list[int] = []
    parser = cached("key", lambda: built.append(1) or build(), tmp_path)
    assert built == [1]
    assert parser == DATA
    assert cached("key", lambda: pytest.fail("should load the repaired file"), tmp_path) == DATA


def test_unwritable_directory_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    parser = cached("key", build, blocker / "cache")  # the parent is a file: mkdir fails
    assert parser == DATA
    assert files(tmp_path) == ["a-file"]


def test_directory_others_can_write_is_neither_read_nor_written(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    cached("key", build, shared)
    [name] = files(shared)
    planted = marshal.dumps({**DATA, "start": 99})  # planted by another user
    (shared / name).write_bytes(planted)
    shared.chmod(0o777)
    built: list[int] = []
    parser = cached("key", lambda: built.append(1) or build(), shared)
    assert built == [1]
    assert parser == DATA
    assert (shared / name).read_bytes() == planted


def test_cache_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    assert cache.cache_dir() == str(tmp_path)
    monkeypatch.setenv(cache.ENVIRONMENT, "")
    assert cache.cache_dir() is None
    monkeypatch.delenv(cache.ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == str(tmp_path / "giar-parse")


def test_no_cache_directory_builds(tmp_path: Path) -> None:
    assert cached("key", build, None) == DATA


_REPORT = "import json, giar_parse; print(json.dumps(giar_parse.to_dict(giar_parse.parse(giar_parse.sample_text()))))"


def _fresh(directory: str) -> object:
    env = {**os.environ, cache.ENVIRONMENT: directory}
    out = subprocess.run([sys.executable, "-c", _REPORT], env=env, check=True, capture_output=True, text=True)
    assert out.stderr == ""
    return json.loads(out.stdout)


def test_a_loaded_grammar_reads_reports_as_a_built_one(tmp_path: Path) -> None:
    expected = giar_parse.to_dict(giar_parse.parse(giar_parse.sample_text()))
    assert _fresh("") == expected  # no cache: built
    assert _fresh(str(tmp_path)) == expected  # built, then written
    assert len(files(tmp_path)) == 1
    assert _fresh(str(tmp_path)) == expected  # loaded
    stale = tmp_path / files(tmp_path)[0]
    stale.write_bytes(stale.read_bytes()[:1000])  # cut short, as by a crash without the atomic rename
    assert _fresh(str(tmp_path)) == expected


def test_the_process_grammar_is_loaded_once() -> None:
    assert grammar.tables() is grammar.tables()
    assert grammar.automaton() is grammar.automaton()


def test_cached_tables_are_the_tables_lark_builds() -> None:
    built = grammar.tables_of(grammar.lark_parser(), grammar._cell_terminal)
    assert marshal.loads(marshal.dumps(built)) == built
    loaded = grammar.tables()
    # Lark numbers the states differently from build to build; the rules and terminals are the same
    assert (built["rules"], built["terminals"]) == (loaded["rules"], loaded["terminals"])
    assert len(built["states"]) == len(loaded["states"])
