"""The package layout: stages as folders, imports running one way (cli → api → sources → reading → model)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import giar_parse

PACKAGE = Path(giar_parse.__file__).parent

# Each module's layer; a module may import its own layer or any lower one, never a higher one.
# The contract (records, labels, codes, errors) is at the bottom; writing and the checks
# (checks, restated: the prose's figures against the tables) read only the contract; the
# reading stage may run the checks; sources hand text to reading; api decides the kind of
# input; the command line drives the api.
LAYERS = {
    "giar_parse.model": 0,
    "giar_parse.labels": 0,
    "giar_parse.diagnostics": 0,
    "giar_parse.errors": 0,
    "giar_parse.checks": 1,
    "giar_parse.restated": 1,
    "giar_parse.series": 1,
    "giar_parse.writing": 1,
    "giar_parse.reading": 2,
    "giar_parse.sources": 3,
    "giar_parse.api": 4,
    "giar_parse.strategies": 4,
    "giar_parse.cli": 5,
    "giar_parse.__main__": 6,
    "giar_parse": 6,  # __init__: the public surface re-exports everything
}
STAGES = ("sources", "reading", "writing", "cli")


def module_name(path: Path) -> str:
    parts = ["giar_parse", *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(name: str) -> int:
    """The layer of a module: that of its longest listed prefix."""
    parts = name.split(".")
    while parts:
        found = LAYERS.get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    raise AssertionError(f"{name} is in no layer: add it to LAYERS")


def is_module(name: str) -> bool:
    relative = PACKAGE.joinpath(*name.split(".")[1:])
    return relative.with_suffix(".py").is_file() or (relative / "__init__.py").is_file()


def imported(path: Path) -> list[tuple[str, int]]:
    """(module, line) for every giar_parse module the file imports, at any depth of the file."""
    out: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "giar_parse":
            for alias in node.names:
                # `from giar_parse import labels` imports the module giar_parse.labels
                full = f"{node.module}.{alias.name}"
                out.append((full if is_module(full) or alias.name == "__version__" else node.module, node.lineno))
        elif isinstance(node, ast.Import):
            out += [(alias.name, node.lineno) for alias in node.names if alias.name.split(".")[0] == "giar_parse"]
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_imports_run_one_way(path: Path) -> None:
    name = module_name(path)
    own = layer(name)
    for target, line in imported(path):
        if target == "giar_parse.__version__":
            continue  # the command line's --version reads the one version number
        assert layer(target) <= own, f"{name} (layer {own}) imports {target} (layer {layer(target)}) at line {line}"


def test_the_top_level_is_small_and_the_stages_are_folders() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), f"{stage}/ is not a package"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "→" in doc.splitlines()[0], f"{stage}/__init__.py must say what it takes in and gives out"


def test_the_stage_folders_are_not_public_names() -> None:
    assert not set(STAGES) & set(giar_parse.__all__)


def test_a_higher_import_is_caught(tmp_path: Path) -> None:
    """The check itself can fail: a model module importing the reading stage is refused."""
    bad = PACKAGE / "model.py"
    source = bad.read_text(encoding="utf-8") + "\nfrom giar_parse.reading.values import read\n"
    (tmp_path / "model.py").write_text(source, encoding="utf-8")
    targets = [target for target, _ in imported(tmp_path / "model.py")]
    assert any(layer(t) > layer("giar_parse.model") for t in targets)


def test_importing_the_package_leaves_the_document_readers_and_extras_unloaded() -> None:
    # the Word and PDF readers (and the XML, zip and URL modules behind them) load on first use;
    # the optional extras never load with the package
    probe = (
        "import sys, giar_parse\n"
        "heavy = ('giar_parse.sources.docx', 'giar_parse.sources.docx.wordml', 'giar_parse.sources.pdf',"
        " 'zipfile', 'xml.sax', 'urllib.request', 'hypothesis', 'pandas', 'pyarrow', 'dask')\n"
        "print(' '.join(name for name in heavy if name in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def _fresh(probe: str, **env: str) -> list[str]:
    run = [sys.executable, "-c", probe]
    return subprocess.run(run, capture_output=True, text=True, check=True, env={**os.environ, **env}).stdout.split()


def test_importing_the_package_and_parsing_text_load_only_what_a_parse_needs(tmp_path: Path) -> None:
    # what a parse of text does not need loads on first use: the writers, the series checks,
    # the web page, bytes and document sources (html.parser behind them); with the grammar
    # cache filled, nothing that writes the cache (tempfile) or hashes with OpenSSL (hashlib),
    # and the package's files are read without importlib.resources
    probe = (
        "import sys, giar_parse\n"
        "unneeded = ('giar_parse.series', 'giar_parse.writing.render', 'giar_parse.writing.schema',"
        " 'giar_parse.writing.json', 'giar_parse.writing.records', 'giar_parse.writing.dataframe',"
        " 'giar_parse.sources.html', 'giar_parse.sources.decode', 'giar_parse.sources.origins', 'html.parser',"
        " 'importlib.resources', 'tempfile', 'hashlib')\n"
        "print(' '.join(name for name in unneeded if name in sys.modules))\n"
        "giar_parse.parse(giar_parse.sample_text())\n"
        "print('parsed', ' '.join(name for name in unneeded if name in sys.modules))"
    )
    cache = {"GIAR_PARSE_CACHE_DIR": str(tmp_path)}
    _fresh("import giar_parse; giar_parse.parse(giar_parse.sample_text())", **cache)  # fills the cache
    assert _fresh(probe, **cache) == ["parsed"]


def test_every_public_name_resolves_in_a_fresh_process() -> None:
    probe = (
        "import giar_parse\n"
        "listed = dir(giar_parse)\n"
        "print(' '.join(name for name in giar_parse.__all__ if name not in listed) or 'listed')\n"
        "from giar_parse import *\n"
        "from giar_parse import render, to_dict\n"
        "from giar_parse.writing.json import to_dict as defined\n"
        "print(to_dict is defined is giar_parse.to_dict, callable(render), 'Layout' in vars(giar_parse))\n"
        "try:\n"
        "    giar_parse.no_such_name\n"
        "except AttributeError as error:\n"
        "    print(str(error).replace(' ', '_'))\n"
    )
    assert _fresh(probe) == ["listed", "True", "True", "True", "module_'giar_parse'_has_no_attribute_'no_such_name'"]


def test_lazy_names_are_public_and_defined_where_named() -> None:
    lazy = giar_parse._LAZY  # type: ignore[attr-defined]
    assert set(lazy) <= set(giar_parse.__all__)
    for name, module in lazy.items():
        assert getattr(giar_parse, name).__module__ == module, name


def test_the_package_reads_its_files_from_a_zip(tmp_path: Path) -> None:
    # grammar.lark and the sample are plain files beside the modules, read without importlib.resources;
    # in a zip they are not, and are read as resources
    archive = tmp_path / "package.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(PACKAGE.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, Path("giar_parse", path.relative_to(PACKAGE)).as_posix())
    probe = (
        "import sys, giar_parse\n"
        "report = giar_parse.parse(giar_parse.sample_text())\n"
        "print(giar_parse.__file__.startswith(sys.argv[1]), report.requests.received.total, "
        "'importlib.resources' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(archive), "GIAR_PARSE_CACHE_DIR": str(tmp_path / "cache")}
    run = [sys.executable, "-c", probe, str(archive)]
    out = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["True", "5758", "True"]
    assert len(list((tmp_path / "cache").glob("grammar-*.tables"))) == 1
