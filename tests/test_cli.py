"""The command line as a user runs it: batches in every format, bad files mixed in, stdin, exit codes."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import giar_parse
from conftest import DATA, SEED_IDS, seed_text
from giar_parse.__main__ import main
from giar_parse.cli.progress import Progress


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m giar_parse ARGS`` in a fresh process, as a user would run it."""
    result = subprocess.run(
        [sys.executable, "-m", "giar_parse", *args], input=stdin, capture_output=True, cwd=cwd, check=False
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def expected_json(path: Path, name: str) -> dict[str, object]:
    report = attrs.evolve(giar_parse.parse_bytes(path.read_bytes()), source=name)
    return {"file": name, **giar_parse.to_dict(report)}


def kind(report: giar_parse.Report) -> str:
    """How the summary counts a parsed report."""
    severities = {d.severity for d in report.diagnostics}
    return "with errors" if "error" in severities else "with warnings" if "warning" in severities else "clean"


def test_all_seeds_to_jsonl() -> None:
    result = run(str(DATA), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # the seeds, in subfolders too, and the Word and PDF forms of the 2021 samples
    paths = sorted(str(p) for pattern in ("*.txt", "*.docx", "*.pdf") for p in DATA.rglob(pattern))
    assert len(paths) >= 5 and {Path(p).suffix for p in paths} >= {".docx", ".pdf"}
    assert [json.loads(line) for line in lines] == [expected_json(Path(p), p) for p in paths]
    kinds = [kind(giar_parse.parse_bytes(Path(p).read_bytes())) for p in paths]
    counts = ", ".join(f"{kinds.count(k)} {k}" for k in ("clean", "with warnings", "with errors"))
    summary = f"{len(paths)} inputs: {len(paths)} parsed ({counts}), 0 failed"
    assert result.stderr == f"giar-parse: {summary}\n"


def test_all_seeds_to_csv_in_parallel_with_the_console_script(tmp_path: Path) -> None:
    script = shutil.which("giar-parse", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the giar-parse console script is not installed")
    out = tmp_path / "cells.csv"
    names = [str(DATA / f"{seed}.txt") for seed in SEED_IDS]
    result = subprocess.run(
        [script, *names, "--format", "csv", "--jobs", "2", "--output", str(out)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = [
        row for name in names for row in giar_parse.to_records(giar_parse.parse(Path(name).read_text()), file=name)
    ]
    assert len(rows) == len(expected) == 5 * 198
    as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in expected]
    assert rows == as_text
    blank = next(r for r in rows if r["file"].endswith("003_c3fc7b873e2e73f4.txt") and r["column"] == "business")
    assert (blank["value"], blank["raw"]) == ("", "")  # a blank cell is empty, not 0


def test_a_broken_and_a_gb18030_file_do_not_stop_the_batch(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "2020").mkdir(parents=True)
    for seed in SEED_IDS[:3]:
        shutil.copy(DATA / f"{seed}.txt", folder / f"{seed}.txt")
    text = seed_text("001_a256bd59c98b6bc9")
    (folder / "2020" / "gbk.txt").write_bytes(text.encode("gb18030"))
    (folder / "2020" / "broken.txt").write_text("本页面已删除\n请返回首页\n", encoding="utf-8")
    (folder / "2020" / "notes.md").write_text("not matched by --glob", encoding="utf-8")

    result = run("reports", "--format", "jsonl", "--glob", "*.txt", cwd=tmp_path)

    assert result.returncode == 1
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in reports] == [
        "reports/000_bd42eb570d158966.txt",
        "reports/001_a256bd59c98b6bc9.txt",
        "reports/002_e299ec6f40b1d0d2.txt",
        "reports/2020/gbk.txt",
    ]
    gbk = reports[-1]
    assert {k: v for k, v in gbk.items() if k not in ("file", "source", "diagnostics")} == {
        k: v for k, v in reports[1].items() if k not in ("file", "source", "diagnostics")
    }
    assert {"code": "input.encoding", "severity": "info", "message": "the input was decoded as GB18030"} | {
        "path": None,
        "line": None,
    } in gbk["diagnostics"]
    errors = result.stderr.splitlines()
    assert errors[0].startswith("giar-parse: reports/2020/broken.txt:1:1: NotAReportError: ")
    assert errors[-1].startswith("giar-parse: 5 inputs: 4 parsed (") and errors[-1].endswith("), 1 failed")
    assert len(errors) == 2


def test_stdin_in_gb18030() -> None:
    text = seed_text("004_7d9c962fed462d95")
    result = run("-", stdin=text.encode("gb18030"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == "-" and data["requests"]["total"]["natural_person"] == 95
    assert result.stderr == ""  # one input: no summary


def test_exit_codes_and_the_sample() -> None:
    sample = run("--sample")
    assert sample.returncode == 0
    report = giar_parse.parse(giar_parse.sample_text())
    assert sample.stdout == json.dumps(giar_parse.to_dict(report), ensure_ascii=False, indent=1) + "\n"
    missing = run("no-such-file.txt")
    assert missing.returncode == 1 and missing.stdout == ""
    assert missing.stderr == "giar-parse: no-such-file.txt: cannot read the file (No such file or directory)\n"
    assert run().returncode == 2
    assert run("--format", "xml", "--sample").returncode == 2
    failed = run("-", stdin="只是一段文字".encode("gb18030"))
    assert failed.returncode == 1 and failed.stdout == ""
    assert "-:1:1: NotAReportError" in failed.stderr and "^" in failed.stderr


# --- in-process: the same main(), cheaper --------------------------------------------------------


def test_json_is_a_list_for_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(DATA / "002_e299ec6f40b1d0d2.txt", tmp_path / "only.txt")
    assert main([str(tmp_path), "--provenance"]) == 0
    out, err = capsys.readouterr()
    path = tmp_path / "only.txt"
    report = attrs.evolve(giar_parse.parse_bytes(path.read_bytes()), source=str(path))
    expected = [{"file": str(path), **giar_parse.to_dict(report, provenance=True)}]
    assert out == json.dumps(expected, ensure_ascii=False, indent=1) + "\n"
    assert err.endswith("1 inputs: 1 parsed (1 clean, 0 with warnings, 0 with errors), 0 failed\n")


def test_empty_json_list_when_everything_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x81\x30\xff\xff" * 20)
    (tmp_path / "b.txt").write_text("hello", encoding="utf-8")
    assert main([str(tmp_path), "--output", str(tmp_path / "out.json")]) == 1
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == []
    err = capsys.readouterr().err
    assert "a.txt:1:" in err and "EncodingError" in err and "b.txt:1:1: NotAReportError" in err
    assert "2 inputs: 0 parsed (0 clean, 0 with warnings, 0 with errors), 2 failed" in err


def test_strict_counts_an_incomplete_report_as_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = seed_text("001_a256bd59c98b6bc9")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[: text.index("四、政府信息公开行政复议")], encoding="utf-8")
    assert main([str(cut), "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["appeals"] is None
    assert main([str(cut), "--format", "jsonl", "--strict"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and "IncompleteReportError" in err


def test_table_view(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DATA / "003_c3fc7b873e2e73f4.txt"), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "三、收到和处理政府信息公开申请情况" in out and "cells.assigned" in out
    row = next(line for line in out.splitlines() if "1.本机关不掌握" in line)
    assert row.split()[1:] == ["30", "·", "·", "·", "·", "·", "30"]  # blanks shown as blanks, not 0
    procurement = next(line for line in out.splitlines() if "政府集中采购" in line)
    assert procurement.split()[1:] == ["15", "9421930"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for argv in (["--sample", "x.txt"], ["--jobs", "-1", "--sample"], ["-", "-"], [str(tmp_path)]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2, argv
    assert "no file matches *.txt or *.html or *.htm" in capsys.readouterr().err


def test_schema_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--schema"]) == 0
    assert json.loads(capsys.readouterr().out) == giar_parse.json_schema()
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"giar-parse {giar_parse.__version__}\n"


def test_progress_line_only_when_enabled() -> None:
    shown, hidden = io.StringIO(), io.StringIO()
    for stream, enabled in ((shown, True), (hidden, False)):
        progress = Progress(3, stream, enabled=enabled)
        progress.advance(failed=False)
        progress.note("giar-parse: x.txt:1:1: error")
        progress.advance(failed=True)
        progress.advance(failed=False)
        progress.clear()
    assert hidden.getvalue() == "giar-parse: x.txt:1:1: error\n"
    assert "\r[" in shown.getvalue() and "3/3  1 failed" in shown.getvalue()
    assert shown.getvalue().endswith("\r\033[K")


def test_directories_include_saved_web_pages_by_default(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    rows = (DATA / "2021" / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")
    body = "".join(
        "<table><tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr></table>"
        if "\t" in line
        else f"<p>{line}</p>"
        for line in rows.splitlines()
    )
    (folder / "report.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    result = run(str(folder), "--format", "jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["template"] == "2021"


def test_an_empty_and_a_binary_file_say_what_they_are(tmp_path: Path) -> None:
    """Among good inputs, an empty file and a binary one each fail with their own message; the batch goes on."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "report.txt").write_text(giar_parse.sample_text(), encoding="utf-8")
    result = run(str(tmp_path), "--format", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1  # the report is still written
    errors = dict(line.removeprefix("giar-parse: ").split(":", 1) for line in result.stderr.splitlines()[:-1])
    assert "EmptyInputError" in errors[str(tmp_path / "empty.txt")]
    assert "empty file" in errors[str(tmp_path / "empty.txt")]
    assert "binary file, not a report" in errors[str(tmp_path / "image.txt")]
    assert "no annual report structure" not in result.stderr
