"""Batches as researchers run them: honest counts, Excel's BOM, Parquet, diagnostics as data, Ctrl-C."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import giar_parse
from conftest import DATA, SEED_IDS, seed_text
from giar_parse.__main__ import main
from giar_parse.writing.parquet import ParquetWriter


def seeds(folder: Path, count: int = 3) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for seed in SEED_IDS[:count]:
        shutil.copy(DATA / f"{seed}.txt", folder / f"{seed}.txt")
        names.append(str(folder / f"{seed}.txt"))
    return names


def test_a_missing_input_among_existing_ones_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second, *_ = seeds(tmp_path)
    missing = str(tmp_path / "gone.txt")
    assert main([first, missing, second, "--format", "jsonl"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["file"] for line in out.splitlines()] == [first, second]
    lines = err.splitlines()
    assert lines[0] == f"giar-parse: {missing}: cannot read the file (No such file or directory)"
    assert lines[-1].startswith("giar-parse: 3 inputs: 2 parsed (") and lines[-1].endswith("), 1 failed")


def test_the_summary_counts_errors_apart_from_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = giar_parse.sample_text()
    (tmp_path / "a-clean.txt").write_text(text, encoding="utf-8")
    # 本年新收, 总计 off by one: two identity warnings, no error
    (tmp_path / "b-warned.txt").write_text(text.replace("\t5758\n", "\t5759\n"), encoding="utf-8")
    (tmp_path / "c-cut.txt").write_text(text.split("四、政府信息公开行政复议")[0], encoding="utf-8")  # table.missing
    (tmp_path / "d-prose.txt").write_text("今天天气很好。", encoding="utf-8")
    assert main([str(tmp_path), "--format", "csv", "-o", str(tmp_path / "out.csv")]) == 1
    summary = capsys.readouterr().err.splitlines()[-1]
    assert summary == "giar-parse: 4 inputs: 3 parsed (1 clean, 1 with warnings, 1 with errors), 1 failed"


def test_csv_status_columns_for_every_kind_of_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = giar_parse.sample_text().replace("\t352\n", "\t-\n", 1)  # 本年新收, 商业企业: a placeholder
    (tmp_path / "placeholder.txt").write_text(text.split("四、政府信息公开行政复议")[0], encoding="utf-8")
    shutil.copy(DATA / "003_c3fc7b873e2e73f4.txt", tmp_path / "blanks.txt")
    out = tmp_path / "cells.csv"
    assert main([str(tmp_path), "--format", "csv", "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 * 198  # the full grid, the missing table 四 included
    by_cell = {(Path(r["file"]).name, r["table"], r["row"], r["column"]): r for r in rows}
    placeholder = by_cell["placeholder.txt", "requests", "received", "business"]
    assert (placeholder["status"], placeholder["value"], placeholder["raw"]) == ("placeholder", "", "-")
    appeals = [r for r in rows if r["file"].endswith("placeholder.txt") and r["table"] == "appeals"]
    assert {(r["status"], r["diagnostic"], r["value"]) for r in appeals} == {("not_read", "table.missing", "")}
    assert {(r["errors"], r["warnings"]) for r in appeals} == {("1", "5")}  # + identity.* and section.missing
    blank = by_cell["blanks.txt", "requests", "received", "business"]
    assert (blank["status"], blank["value"], blank["raw"], blank["diagnostic"]) == ("blank", "", "", "")
    read = by_cell["blanks.txt", "active", "procurement", "amount"]
    assert (read["status"], read["value"], read["yuan"], read["raw"]) == ("read", "", "9421930", "942.193万")


def test_utf8_sig_writes_the_bom_excel_needs(tmp_path: Path) -> None:
    out = tmp_path / "cells.csv"
    assert main(["--sample", "--format", "csv", "--encoding", "utf-8-sig", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbffile,template,agency,")
    assert data.count(b"\xef\xbb\xbf") == 1 and "重庆市".encode() in data
    plain = tmp_path / "plain.csv"
    assert main(["--sample", "--format", "csv", "-o", str(plain)]) == 0
    assert data == b"\xef\xbb\xbf" + plain.read_bytes()  # the default stays UTF-8 without a BOM
    stdout = subprocess.run(
        [sys.executable, "-m", "giar_parse", "--sample", "--format", "jsonl", "--encoding", "gb18030"],
        capture_output=True,
        check=True,
    ).stdout
    assert json.loads(stdout.decode("gb18030"))["agency"] == "重庆市"


def test_an_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--sample", "--encoding", "no-such-codec"])
    assert caught.value.code == 2 and "unknown encoding: no-such-codec" in capsys.readouterr().err


def test_diagnostics_as_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = seeds(tmp_path / "in", 5)
    notes = tmp_path / "notes.jsonl"
    assert main([*names, "--format", "jsonl", "-o", os.devnull, "--diagnostics", str(notes)]) == 0
    lines = [json.loads(line) for line in notes.read_text(encoding="utf-8").splitlines()]
    expected = [
        {"file": name, "code": d.code, "severity": d.severity, "path": d.path, "line": d.line, "message": d.message}
        for name in names
        for d in giar_parse.parse_bytes(Path(name).read_bytes()).diagnostics
    ]
    assert lines == expected and any(line["code"] == "cells.assigned" for line in lines)
    assert all(list(line) == ["file", "code", "severity", "path", "line", "message"] for line in lines)


# --- Parquet -----------------------------------------------------------------------------------


def plain(schema: object) -> list[tuple[str, str]]:
    """A schema's fields and types, large_string read as string (pandas versions differ)."""
    return [(field.name, str(field.type).replace("large_string", "string")) for field in schema]  # type: ignore[attr-defined]


def test_parquet_round_trip_matches_the_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    names = seeds(tmp_path / "in", 5)
    shutil.copy(DATA / "2021" / "pingtan-gov-2023.rows-tab.txt", tmp_path / "in" / "pingtan.txt")
    names.append(str(tmp_path / "in" / "pingtan.txt"))
    assert main([*names, "--format", "parquet", "-o", str(tmp_path / "cells.parquet")]) == 0
    assert main([*names, "--format", "csv", "-o", str(tmp_path / "cells.csv")]) == 0
    table = parquet.read_table(tmp_path / "cells.parquet")
    with (tmp_path / "cells.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert table.num_rows == len(rows) == 5 * 198 + 200  # a 2021 report: 10 + 25 x 7 + 15 cells
    types = dict(plain(table.schema))
    assert {types[c] for c in ("year", "errors", "warnings", "value")} == {"int64"}
    assert types["yuan"] == "double" and types["status"] == types["raw"] == "string"
    as_text = [
        {
            k: "" if v is None else format(Decimal(repr(v)).normalize(), "f") if k == "yuan" else str(v)
            for k, v in r.items()
        }
        for r in table.to_pylist()
    ]
    assert as_text == rows  # every cell, its status and its number, exactly as the CSV has them


def test_parquet_schema_is_the_dataframes(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    parquet = pytest.importorskip("pyarrow.parquet")
    report = giar_parse.parse(seed_text("003_c3fc7b873e2e73f4"))
    giar_parse.to_dataframe(attrs.evolve(report, source="a.txt")).to_parquet(tmp_path / "frame.parquet")
    assert (
        main([str(DATA / "003_c3fc7b873e2e73f4.txt"), "--format", "parquet", "-o", str(tmp_path / "cli.parquet")]) == 0
    )
    frame_schema = parquet.read_schema(tmp_path / "frame.parquet")
    cli_schema = parquet.read_schema(tmp_path / "cli.parquet")
    assert plain(frame_schema) == plain(cli_schema)
    assert (
        parquet.read_table(tmp_path / "frame.parquet").drop(["file"]).to_pylist()
        == parquet.read_table(tmp_path / "cli.parquet").drop(["file"]).to_pylist()
    )


def test_parquet_is_written_in_row_groups(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")

    records = giar_parse.to_records(giar_parse.parse(giar_parse.sample_text()))
    with ParquetWriter(tmp_path / "x.parquet", row_group=300) as writer:
        for _ in range(4):
            writer.write(records)
    meta = parquet.ParquetFile(tmp_path / "x.parquet").metadata
    assert meta.num_rows == 4 * 198 and meta.num_row_groups == 3  # 300 + 300 + 192


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(SystemExit) as caught:
        main(["--sample", "--format", "parquet", "-o", str(tmp_path / "x.parquet")])
    assert caught.value.code == 2 and "pip install 'giar-parse[parquet]'" in capsys.readouterr().err
    assert not (tmp_path / "x.parquet").exists()


def test_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--sample", "--format", "parquet"])
    assert caught.value.code == 2 and "give -o FILE" in capsys.readouterr().err


# --- Ctrl-C ------------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_on_a_json_batch_leaves_valid_json(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    content = (DATA / f"{SEED_IDS[1]}.txt").read_bytes()
    for index in range(1500):
        (folder / f"{index:04d}.txt").write_bytes(content)
    # a terminal's Ctrl-C signals the whole process group: the main process and its workers
    child = subprocess.Popen(
        [sys.executable, "-m", "giar_parse", str(folder), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert child.stdout is not None
    first = os.read(child.stdout.fileno(), 64)  # reports are coming out (unbuffered: communicate reads on)
    time.sleep(0.3)
    os.killpg(child.pid, signal.SIGINT)
    rest, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    reports = json.loads(first + rest)
    assert 0 < len(reports) < 1500 and reports[0]["file"].endswith("0000.txt")
    message = err.decode()
    assert "Traceback" not in message and "KeyboardInterrupt" not in message
    assert message.splitlines()[-1].startswith("giar-parse: interrupted: 1500 inputs: ")
    assert message.splitlines()[-1].endswith(" not done")


# --- snippets ----------------------------------------------------------------------------------


def test_snippets_escape_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(giar_parse.GiarParseError) as caught:
        giar_parse.parse("\x00\x01PK\x7f\x1b[31m binary\x9b junk")
    snippet = caught.value.snippet
    shown, caret = snippet.split("\n")
    assert shown == "\\x00\\x01PK\\x7f\\x1b[31m binary\\x9b junk"
    assert caret == "^"
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in shown)
    assert "\\x00" in str(caught.value)


def test_the_caret_stays_under_its_column_after_escapes() -> None:
    text = "abc\x00\x00d中文X"
    snippet = giar_parse.errors.context_snippet(text, 1, text.index("X") + 1)
    shown, caret = snippet.split("\n")
    assert shown == "abc\\x00\\x00d中文X"
    # a, b, c, two escapes of four columns, d, two CJK characters of two columns each
    assert caret == " " * (3 + 8 + 1 + 4) + "^"


def test_reports_read_from_stdin_are_named_dash() -> None:
    text = seed_text("004_7d9c962fed462d95")
    result = subprocess.run(
        [sys.executable, "-m", "giar_parse", "-", "--format", "csv"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert {row["file"] for row in rows} == {"-"} and len(rows) == 198
