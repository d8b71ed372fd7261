"""Parse speed against the floor: what reading these reports costs beyond merely reading the text.

    python benchmarks/bench_parse.py [--repeat N] [--runs N] [--profile] [--stages]

For each corpus (the seed reports ``tests/data/*.txt``; the 2021-template samples
``tests/data/2021/*.txt`` and ``../shared/samples/*.txt``; the sample web pages
``../shared/samples/*.html``) it prints, per report and for the corpus:

- **warm**: ms per :func:`giar_parse.parse`, with the per-process caches of folded cells,
  cell kinds, values and labels kept from earlier parses (a batch);
- **cold**: the same with those caches cleared before every parse (the first report of a
  process; the built grammar is kept: its cost is the fresh-process figure below);
- **floor**: ms for the least any parser of these reports must do, measured in the same
  run on the same texts, interleaved with the parses: split the text into lines,
  NFKC-fold each line (``unicodedata.normalize``) and split it into cells at tabs, pipes
  and runs of two or more spaces.  For a web page the floor first collects its text with
  the standard library's ``html.parser`` (one line per tag), then does the same;
- **ratio**: parse / floor, of the medians and of the best times (the best is the figure a
  busy machine disturbs least); the goal is at most 2 warm.

Warm parses read the same text again, so every cell of it is in the caches, numbers and
prose included.  **batch** is the stricter figure of a batch of different reports: before
each timed parse the caches are cleared and every *other* report of the seeds and samples
is parsed (not this report in another text form), so the labels are known but this report's
own numbers and prose are not (best of
``--repeat // 10`` rounds, beside the floor's best).  ``--stages`` adds each stage's share:
cutting the text into cells, the lexer's tokens, the grammar, and building the report.

Then the time of ``python -c "import giar_parse; giar_parse.parse(giar_parse.sample_text())"``
in a fresh process (median of ``--runs``), beside a bare ``python -c pass``, and its split
into import and first parse as measured inside the process, with the grammar cache
(``GIAR_PARSE_CACHE_DIR``, a temporary directory here) filled, switched off, and empty
(the first process ever, which builds the grammar and writes the cache); the filled row again
with every module's bytecode kept (``.pyc``, as an installed package has it: with
``PYTHONDONTWRITEBYTECODE`` set and no ``__pycache__``, every process compiles the package's
source), and where that row's time goes (the first parse's grammar load, each module's own
import time by ``-X importtime``); peak memory of one parse
(tracemalloc, cold and warm caches) as a multiple of the text's size; and one parse of 1, 5 and
20 MB inputs made by repeating a seed report, with ms per MB (equal figures: linear).
``--profile`` adds a cProfile summary of a warm batch over all texts.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import io
import os
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import giar_parse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "samples"

# ---------------------------------------------------------------------------------------------
# The floor
# ---------------------------------------------------------------------------------------------

_CELL_BREAK = re.compile(r"\t|\||  +")


def floor(text: str) -> int:
    """NFKC-fold each line of ``text`` and split it into cells; returns the number of cells."""
    count = 0
    for line in text.split("\n"):
        count += len(_CELL_BREAK.split(unicodedata.normalize("NFKC", line)))
    return count


class _PageText(HTMLParser):
    """The text of a page, one line per tag: the least a reader of HTML must do."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def floor_html(html: str) -> int:
    """Collect the page's text with html.parser, then :func:`floor` it."""
    page = _PageText()
    page.feed(html)
    page.close()
    return floor("".join(page.parts))


# ---------------------------------------------------------------------------------------------
# Corpora and caches
# ---------------------------------------------------------------------------------------------


def corpora() -> dict[str, dict[str, str]]:
    """Corpus name → {report name → text}; a text found twice is kept once."""
    found: dict[str, dict[str, str]] = {"seeds": {}, "samples": {}, "html": {}}
    seen: set[str] = set()
    paths = [("seeds", p) for p in sorted(DATA.glob("*.txt"))]
    paths += [("samples", p) for p in sorted((DATA / "2021").glob("*.txt"))]
    paths += [("samples", p) for p in sorted(SHARED.glob("*.txt"))]
    paths += [("html", p) for p in sorted(SHARED.glob("*.html"))]
    for corpus, path in paths:
        text = path.read_text(encoding="utf-8")
        if text not in seen:
            seen.add(text)
            found[corpus][path.name] = text
    return {name: texts for name, texts in found.items() if texts}


def data_caches() -> list[Callable[..., object]]:
    """Every lru_cache in giar_parse that keeps data (takes arguments); built grammars are kept."""
    caches = []
    for name, module in list(sys.modules.items()):
        if name != "giar_parse" and not name.startswith("giar_parse."):
            continue
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__module__", "") == name:
                wrapped = inspect.unwrap(value)
                if inspect.signature(wrapped).parameters:
                    caches.append(value)
    return caches


def clear(caches: list[Callable[..., object]]) -> None:
    for cache in caches:
        cache.cache_clear()  # type: ignore[attr-defined]


def timed(function: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


# ---------------------------------------------------------------------------------------------
# Sections of the output
# ---------------------------------------------------------------------------------------------


def speed(texts: dict[str, dict[str, str]], repeat: int, caches: list[Callable[..., object]]) -> None:
    print(
        f"parse against the floor (ms; median of {repeat} parses per report, and the best, which load disturbs least):"
    )
    header = f"  {'report':42s} {'chars':>6s} {'warm':>7s} {'cold':>7s} {'floor':>7s}"
    header += f" {'warm/floor':>10s} {'cold/floor':>10s} {'best warm/floor':>15s} {'best cold/floor':>15s}"
    for corpus, reports in texts.items():
        print(f"{corpus}:")
        print(header)
        sums = {key: 0.0 for key in ("warm", "cold", "floor", "best warm", "best cold", "best floor")}
        every_warm: list[float] = []
        for name, text in reports.items():
            base = floor_html if corpus == "html" else floor
            giar_parse.parse(text)  # warm up
            warm, cold, low = [], [], []
            for _ in range(repeat):  # interleaved, so that the machine's load moves all three alike
                low.append(timed(base, text))
                clear(caches)
                cold.append(timed(giar_parse.parse, text))
                warm.append(timed(giar_parse.parse, text))
            got = {
                "warm": statistics.median(warm),
                "cold": statistics.median(cold),
                "floor": statistics.median(low),
                "best warm": min(warm),
                "best cold": min(cold),
                "best floor": min(low),
            }
            for key, value in got.items():
                sums[key] += value
            every_warm += warm
            print(f"  {name[:42]:42s} {len(text):6d} {_row(got)}")
        n = len(reports)
        mean = {key: value / n for key, value in sums.items()}
        print(f"  {'all ' + str(n) + ' (mean)':42s} {'':6s} {_row(mean)}")
        print(
            f"  {corpus}: {len(every_warm) / sum(every_warm):.0f} reports/s warm, "
            f"{n / sums['cold']:.0f} reports/s cold (medians)"
        )


def batch(texts: dict[str, dict[str, str]], rounds: int, caches: list[Callable[..., object]]) -> None:
    """Each report parsed after the caches saw every other report (not this one): a batch of different reports.

    The other text forms of the same report (``pingtan-gov-2023.*``) count as this report.
    """
    pool = [
        (name.split(".")[0], text) for corpus in ("seeds", "samples") for name, text in texts.get(corpus, {}).items()
    ]
    print(f"batch: each report after every other one (caches cleared first; best of {rounds} rounds, ms):")
    for corpus in ("seeds", "samples"):
        reports = texts.get(corpus, {})
        if not reports:
            continue
        parsed, low = [], []
        for name, text in reports.items():
            others = [other for report, other in pool if report != name.split(".")[0]]
            best = best_floor = float("inf")
            for _ in range(rounds):
                clear(caches)
                for other in others:
                    giar_parse.parse(other)
                best_floor = min(best_floor, timed(floor, text))
                best = min(best, timed(giar_parse.parse, text))
            parsed.append(best)
            low.append(best_floor)
        mean, mean_floor = statistics.mean(parsed), statistics.mean(low)
        print(
            f"  {corpus}: {mean * 1e3:.2f} ms per report, floor {mean_floor * 1e3:.2f}, "
            f"batch/floor {mean / mean_floor:.2f} (mean of {len(reports)})"
        )


def stages(texts: dict[str, dict[str, str]], repeat: int) -> None:
    """Each stage of a warm parse as a multiple of the floor (best times, means over the corpus)."""
    from giar_parse.reading.build import build_report  # noqa: PLC0415 (internal stages, for this figure only)
    from giar_parse.reading.lexer import tokens  # noqa: PLC0415
    from giar_parse.reading.normalise import cut  # noqa: PLC0415
    from giar_parse.reading.parser import _elements  # noqa: PLC0415

    print(f"stages of a warm parse, as multiples of the floor (best of {repeat}, mean over each corpus):")
    for corpus in ("seeds", "samples"):
        sums: dict[str, float] = {}
        for text in texts.get(corpus, {}).values():
            best = dict.fromkeys(("floor", "cut", "tokens", "grammar", "build"), float("inf"))
            giar_parse.parse(text)
            for _ in range(repeat):
                t0 = time.perf_counter()
                floor(text)
                t1 = time.perf_counter()
                found = cut(text)
                t2 = time.perf_counter()
                stream, notes = tokens(*found)
                t3 = time.perf_counter()
                elements = _elements(stream, text, notes)
                t4 = time.perf_counter()
                build_report(text, elements, notes)
                t5 = time.perf_counter()
                for key, seconds in zip(best, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                    best[key] = min(best[key], seconds)
            for key, seconds in best.items():
                sums[key] = sums.get(key, 0.0) + seconds
        if sums:
            shares = " ".join(f"{key} {value / sums['floor']:.2f}" for key, value in sums.items() if key != "floor")
            print(f"  {corpus}: {shares}; all {sum(sums.values()) / sums['floor'] - 1:.2f}")


def _row(got: dict[str, float]) -> str:
    return (
        f"{got['warm'] * 1e3:7.2f} {got['cold'] * 1e3:7.2f} {got['floor'] * 1e3:7.2f} "
        f"{got['warm'] / got['floor']:10.2f} {got['cold'] / got['floor']:10.2f} "
        f"{got['best warm'] / got['best floor']:15.2f} {got['best cold'] / got['best floor']:15.2f}"
    )


_SPLIT = (
    "import time; t0 = time.perf_counter(); import giar_parse; t1 = time.perf_counter(); "
    "giar_parse.parse(giar_parse.sample_text()); t2 = time.perf_counter(); "
    "print((t1 - t0) * 1e3, (t2 - t1) * 1e3)"
)
_WHOLE = "import giar_parse; giar_parse.parse(giar_parse.sample_text())"
# the first parse split: loading the grammar (tables from the cache, automaton, cell classifier), then the rest
_FIRST = (
    "import time, giar_parse; from giar_parse.reading import grammar; text = giar_parse.sample_text(); "
    "t0 = time.perf_counter(); grammar.load(); t1 = time.perf_counter(); giar_parse.parse(text); "
    "t2 = time.perf_counter(); print((t1 - t0) * 1e3, (t2 - t1) * 1e3)"
)
# the rows: the grammar cache (filled, off, or a new empty one) and whether every module's .pyc is kept
_ROWS = {
    "cache filled": ("filled", False),
    "cache filled, .pyc": ("filled", True),
    "cache off": ("off", False),
    "cache empty": ("empty", False),
}


def _env(cache: str, bytecode: str | None = None) -> dict[str, str]:
    """The environment of a fresh process; ``bytecode``: a directory keeping every module's .pyc.

    Without it, bytecode is as this environment has it (with PYTHONDONTWRITEBYTECODE set and no
    __pycache__, Python compiles the package's source in every process); with it, as an installed
    package has it (pip writes the .pyc files when it installs).
    """
    env = {**os.environ, "GIAR_PARSE_CACHE_DIR": cache}
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode
    return env


def _run(code: str, cache: str, bytecode: str | None = None, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *options, "-c", code]
    return subprocess.run(command, env=_env(cache, bytecode), check=True, capture_output=True, text=True)


def _wall(code: str, cache: str, bytecode: str | None = None) -> float:
    started = time.perf_counter()
    _run(code, cache, bytecode)
    return time.perf_counter() - started


def _self_times(importtime: str) -> dict[str, float]:
    """Module → its own import time in seconds, from ``python -X importtime``'s report."""
    times: dict[str, float] = {}
    for line in importtime.splitlines():
        if line.startswith("import time:") and "|" in line:
            own, _, name = line[len("import time:") :].split("|")
            if own.strip().isdigit():
                times[name.strip()] = int(own) / 1e6
    return times


def fresh_process(runs: int) -> None:
    """Fresh processes with the grammar cache filled (with and without .pyc), switched off, and empty."""
    with tempfile.TemporaryDirectory() as directory:
        kept = str(Path(directory) / "kept")
        bytecode = str(Path(directory) / "pyc")
        _run(_WHOLE, kept)  # fills the cache
        _run(_WHOLE, kept, bytecode)  # writes every module's .pyc
        figures: dict[str, dict[str, list[float]]] = {}
        first: dict[str, list[float]] = {"load": [], "rest": []}
        modules: dict[str, list[float]] = {}

        def where(cache: str) -> str:
            return {"filled": kept, "off": ""}.get(cache) or tempfile.mkdtemp(dir=directory)

        for _ in range(runs):
            for name, (cache, pyc) in _ROWS.items():
                keep = bytecode if pyc else None
                got = figures.setdefault(name, {"bare": [], "whole": [], "import": [], "first": []})
                got["bare"].append(_wall("pass", ""))
                got["whole"].append(_wall(_WHOLE, where(cache), keep))
                imported, parsed = (float(x) for x in _run(_SPLIT, where(cache), keep).stdout.split())
                got["import"].append(imported / 1e3)
                got["first"].append(parsed / 1e3)
            load, rest = (float(x) for x in _run(_FIRST, kept, bytecode).stdout.split())
            first["load"].append(load / 1e3)
            first["rest"].append(rest / 1e3)
            report = _run("import giar_parse", kept, bytecode, "-X", "importtime").stderr
            for module, seconds in _self_times(report).items():
                modules.setdefault(module, []).append(seconds)
    print(f"fresh process (median of {runs} runs, ms): {_WHOLE!r}")
    print(
        f"  {'grammar cache':18s} {'process':>8s} {'python -c pass':>15s} {'import':>7s} "
        f"{'first parse':>12s} {'both':>6s}"
    )
    for name, got in figures.items():
        both = [i + f for i, f in zip(got["import"], got["first"], strict=True)]
        print(
            f"  {name:18s} {statistics.median(got['whole']) * 1e3:8.1f} {statistics.median(got['bare']) * 1e3:15.1f} "
            f"{statistics.median(got['import']) * 1e3:7.1f} {statistics.median(got['first']) * 1e3:12.1f} "
            f"{statistics.median(both) * 1e3:6.1f}"
        )
    print("  (.pyc: bytecode kept as an installed package has it; the other rows: as this environment has it)")
    _breakdown(first, modules)


def _breakdown(first: dict[str, list[float]], modules: dict[str, list[float]]) -> None:
    """Where the fresh process's time goes (cache filled, .pyc): the first parse, and the import by module."""
    print(
        f"  first parse (cache filled, .pyc): grammar.load() {statistics.median(first['load']) * 1e3:.1f} "
        f"(tables from the cache, automaton, cell classifier), then parse {statistics.median(first['rest']) * 1e3:.1f}"
    )
    own = {module: statistics.median(seconds) for module, seconds in modules.items()}
    ours = sorted(((own[module], module) for module in own if module.startswith("giar_parse")), reverse=True)
    others = sum(seconds for module, seconds in own.items() if not module.startswith("giar_parse"))
    print(
        f"  import by module (-X importtime, its own overhead included; self ms, medians): "
        f"giar_parse {sum(s for s, _ in ours) * 1e3:.1f} in {len(ours)} modules, "
        f"attrs and the standard library {others * 1e3:.1f}"
    )
    shown = ", ".join(f"{module.removeprefix('giar_parse.')} {seconds * 1e3:.1f}" for seconds, module in ours[:12])
    print(f"    {shown}, the other {len(ours[12:])} {sum(s for s, _ in ours[12:]) * 1e3:.1f}")


def _peak(text: str) -> int:
    tracemalloc.start()
    giar_parse.parse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def memory(texts: dict[str, dict[str, str]], caches: list[Callable[..., object]]) -> None:
    print("peak memory of one parse (tracemalloc), as a multiple of the text's size (the smaller of UTF-8 and str):")
    print("  cold: caches cleared first, so what the parse adds to them counts; warm: the report and its transients")
    print(f"  {'report':48s} {'UTF-8':>7s} {'str':>7s} {'cold':>9s} {'×':>5s} {'warm':>9s} {'×':>5s}")
    worst = {"cold": 0.0, "warm": 0.0}
    for corpus, reports in texts.items():
        for name, text in reports.items():
            giar_parse.parse(text)
            warm = _peak(text)
            clear(caches)
            cold = _peak(text)
            size = min(len(text.encode()), sys.getsizeof(text))
            worst["cold"] = max(worst["cold"], cold / size)
            worst["warm"] = max(worst["warm"], warm / size)
            print(
                f"  {corpus + '/' + name[:40]:48s} {len(text.encode()) / 1024:5.1f}Ki "
                f"{sys.getsizeof(text) / 1024:5.1f}Ki "
                f"{cold / 1024:7.0f}Ki {cold / size:5.1f} {warm / 1024:7.0f}Ki {warm / size:5.1f}"
            )
    print(f"  worst: {worst['cold']:.1f}× cold, {worst['warm']:.1f}× warm")


def _repeated(text: str, megabytes: int) -> str:
    size = len(text.encode())
    return text * -(-megabytes * 1_000_000 // size)


def large(text: str) -> None:
    print("large inputs (one seed report repeated; one parse each, warm caches):")
    giar_parse.parse(text)
    rates = []
    for megabytes in (1, 5, 20):
        big = _repeated(text, megabytes)
        seconds = timed(giar_parse.parse, big)
        rates.append(seconds / megabytes)
        print(f"  {megabytes:2d} MB: {seconds * 1e3:8.0f} ms  {seconds / megabytes * 1e3:6.0f} ms/MB")
    print(f"  ms/MB at 20 MB / at 1 MB: {rates[-1] / rates[0]:.2f} (1.00 is linear)")


def profile(texts: dict[str, dict[str, str]], repeat: int) -> None:
    every = [text for reports in texts.values() for text in reports.values()]
    for text in every:
        giar_parse.parse(text)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        for text in every:
            giar_parse.parse(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(r"giar_parse", 30)
    print(f"profile of a warm batch ({repeat} × {len(every)} reports):")
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=200, help="parses per report (default 200)")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes to time (default 7)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of a warm batch")
    parser.add_argument("--stages", action="store_true", help="print each stage's share of a warm parse")
    args = parser.parse_args()
    texts = corpora()
    if "samples" not in texts or "html" not in texts:
        print(f"(the development samples are not at {SHARED}; their rows are left out)")
    fresh_process(args.runs)
    giar_parse.parse(giar_parse.sample_text())  # builds what a process builds once
    caches = data_caches()
    print(f"data caches cleared for cold parses: {', '.join(sorted(c.__qualname__ for c in caches))}")
    speed(texts, args.repeat, caches)
    batch(texts, max(2, args.repeat // 10), caches)
    if args.stages:
        stages(texts, args.repeat)
    memory(texts, caches)
    large(next(iter(texts["seeds"].values())))
    if args.profile:
        profile(texts, max(1, args.repeat // 10))


if __name__ == "__main__":
    main()
