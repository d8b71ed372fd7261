"""The sample report bundled with the package (a real 2020 report, 2019 template)."""

from __future__ import annotations

import os

__all__ = ["sample_text"]

_PACKAGE = os.path.dirname(os.path.dirname(__file__))


def sample_text() -> str:
    """The text of a real 2020 annual report shipped with the package, for trying the parser.

    It is the 重庆市 report on 2020 (2019 template) as extracted text, one table cell per
    line, its title broken across two lines.

    >>> import giar_parse
    >>> giar_parse.sample_text().splitlines()[4]
    '一、总体情况'
    """
    try:  # a file beside the package's modules, else a resource (e.g. in a zip)
        with open(os.path.join(_PACKAGE, "data", "sample-2020.txt"), encoding="utf-8") as file:
            return file.read()
    except OSError:
        from importlib import resources  # noqa: PLC0415 (a package that is not plain files)

        return resources.files("giar_parse").joinpath("data/sample-2020.txt").read_text(encoding="utf-8")
