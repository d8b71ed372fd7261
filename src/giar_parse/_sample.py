"""The sample report bundled with the package (a real 2020 report, 2019 template)."""

from __future__ import annotations

from importlib import resources

__all__ = ["sample_text"]


def sample_text() -> str:
    """The text of a real 2020 annual report shipped with the package, for trying the parser."""
    return resources.files("giar_parse").joinpath("data/sample-2020.txt").read_text(encoding="utf-8")
