"""The Dask recipe (docs/recipes/dask_parquet.py) on a LocalCluster of two worker processes."""

from __future__ import annotations

import csv
import importlib
import shutil
import time
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import DATA, SEED_IDS
from giar_parse.__main__ import main

RECIPE = Path(__file__).resolve().parents[1] / "docs" / "recipes" / "dask_parquet.py"
REPORTS = 240


def as_text(value: object, key: str) -> str:
    """A Parquet value as the CSV prints it."""
    if value is None:
        return ""
    if key == "yuan":
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def test_the_dask_recipe_writes_what_the_command_line_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    parquet = pytest.importorskip("pyarrow.parquet")
    monkeypatch.syspath_prepend(str(RECIPE.parent))
    recipe = importlib.import_module(RECIPE.stem)

    folder = tmp_path / "corpus"
    folder.mkdir()
    sources = [DATA / f"{seed}.txt" for seed in SEED_IDS] + [DATA / "2021" / "pingtan-gov-2023.rows-tab.txt"]
    for index in range(REPORTS):
        shutil.copy(sources[index % len(sources)], folder / f"{index:04d}.txt")
    (folder / "0100.txt").write_text("本页面已删除\n", encoding="utf-8")  # not a report
    paths = [*sorted(str(p) for p in folder.glob("*.txt")), str(folder / "missing.txt")]

    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        started = time.perf_counter()
        failed = recipe.parse_to_parquet(paths, str(tmp_path / "cells"), batch=40)
        elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(
            f"\ndask, 2 worker processes: {len(paths)} inputs in {elapsed:.2f} s, {len(paths) / elapsed:.0f} reports/s"
        )

    assert failed["file"].tolist() == [str(folder / "0100.txt"), str(folder / "missing.txt")]
    assert failed["error"].tolist()[0].startswith("NotAReportError: ")
    assert failed["error"].tolist()[1] == "UnreadableFileError: cannot read the file (No such file or directory)"
    assert len(list((tmp_path / "cells").glob("*.parquet"))) == 7  # one partition per 40 files

    assert main([*paths, "--format", "csv", "-o", str(tmp_path / "cells.csv")]) == 1
    with (tmp_path / "cells.csv").open(encoding="utf-8", newline="") as handle:
        expected = list(csv.DictReader(handle))
    table = parquet.read_table(tmp_path / "cells")
    got = [{key: as_text(value, key) for key, value in row.items()} for row in table.to_pylist()]
    # partitions come back in file-name order (part.10 before part.2): compare per input file
    assert sorted(got, key=lambda row: row["file"]) == sorted(expected, key=lambda row: row["file"])
    assert len(got) == (REPORTS - 1 - REPORTS // 6) * 198 + (REPORTS // 6) * 200
