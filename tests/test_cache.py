"""The grammar cache: a stale, damaged, shared or unwritable cache never changes or stops a parse."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lark import Lark

import giar_parse
from giar_parse.reading import cache, grammar

SOURCE = 'start: WORD+\nWORD: /[a-z]+/\n%ignore " "\n'


def build() -> Lark:
    return Lark(SOURCE, parser="lalr")


def files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_builds_then_loads(tmp_path: Path) -> None:
    built: list[Lark] = []

    def counting() -> Lark:
        built.append(build())
        return built[-1]

    first = cache.cached("key", counting, tmp_path)
    assert len(built) == 1
    [name] = files(tmp_path)
    assert name.startswith("grammar-") and name.endswith(".lark.pickle")
    second = cache.cached("key", counting, tmp_path)
    assert len(built) == 1, "the second call must load the file, not build"
    assert second is not first
    assert second.parse("ab cd") == first.parse("ab cd")


def test_changed_key_builds_anew_and_keeps_a_recent_old_file(tmp_path: Path) -> None:
    cache.cached("old grammar", build, tmp_path)
    [old] = files(tmp_path)
    built: list[int] = []
    cache.cached("new grammar", lambda: built.append(1) or build(), tmp_path)
    assert built == [1]
    assert old in files(tmp_path) and len(files(tmp_path)) == 2
    # both load from then on: two installations sharing the directory do not evict each other
    cache.cached("old grammar", lambda: pytest.fail("should load"), tmp_path)
    cache.cached("new grammar", lambda: pytest.fail("should load"), tmp_path)


def test_files_unused_for_a_month_are_removed(tmp_path: Path) -> None:
    cache.cached("old grammar", build, tmp_path)
    [old] = files(tmp_path)
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(tmp_path / old, (month_ago, month_ago))
    cache.cached("new grammar", build, tmp_path)
    [new] = files(tmp_path)
    assert new != old


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"data": 1, "memo": 2}), pickle.dumps(42)])
def test_damaged_file_is_rebuilt_and_replaced(tmp_path: Path, damage: bytes) -> None:
    cache.cached("key", build, tmp_path)
    [name] = files(tmp_path)
    (tmp_path / name).write_bytes(damage)
    built: list[int] = []
    parser = cache.cached("key", lambda: built.append(1) or build(), tmp_path)
    assert built == [1]
    assert parser.parse("ab").children[0] == "ab"
    assert cache.cached("key", lambda: pytest.fail("should load the repaired file"), tmp_path).parse("cd")


def test_unwritable_directory_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    parser = cache.cached("key", build, blocker / "cache")  # the parent is a file: mkdir fails
    assert parser.parse("ab").children[0] == "ab"
    assert files(tmp_path) == ["a-file"]


def test_directory_others_can_write_is_neither_read_nor_written(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    cache.cached("key", build, shared)
    [name] = files(shared)
    (shared / name).write_bytes(pickle.dumps("planted by another user"))
    shared.chmod(0o777)
    built: list[int] = []
    parser = cache.cached("key", lambda: built.append(1) or build(), shared)
    assert built == [1]
    assert isinstance(parser, Lark)
    assert (shared / name).read_bytes() == pickle.dumps("planted by another user")


def test_cache_dir_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    assert cache.cache_dir() == tmp_path
    monkeypatch.setenv(cache.ENVIRONMENT, "")
    assert cache.cache_dir() is None
    monkeypatch.delenv(cache.ENVIRONMENT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "giar-parse"


def test_no_cache_directory_builds(tmp_path: Path) -> None:
    assert cache.cached("key", build, None).parse("ab").children[0] == "ab"


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


def test_the_process_parser_is_built_once() -> None:
    assert grammar.lark_parser() is grammar.lark_parser()
