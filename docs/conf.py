"""Sphinx configuration for the giar-parse documentation.

Build it as CI does (warnings are errors, broken references included):

    python -m sphinx -W --keep-going -b html docs docs/_build/html
    python -m sphinx -W --keep-going -b doctest docs docs/_build/doctest
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import giar_parse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "giar-parse"
author = "giar-parse developers"
copyright = "giar-parse developers, MIT License"
release = giar_parse.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "giar_sphinx",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "_ext", "_intersphinx", "recipes", "Thumbs.db", ".DS_Store"]
language = "en"

# a reference that does not resolve is a warning, and CI builds with -W
nitpicky = True
# hypothesis's own class (giar_parse.strategies returns them); its inventory is not offline
nitpick_ignore = [
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    # the type variable that lets GiarParseError.at() return the subclass it is called on
    ("py:class", "giar_parse.errors.E"),
]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# the Python inventory: fetched from docs.python.org where the build has a network (Read
# the Docs), else the copy in _intersphinx (Python 3.11, from Debian's python3.11-doc),
# so an offline CI resolves the same references
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", (None, str(HERE / "_intersphinx" / "python3.inv"))),
}
intersphinx_timeout = 10

# doctest: every ``>>>`` block of the pages and of the docstrings autodoc pulls in
doctest_test_doctest_blocks = "default"
# as strict as pytest --doctest-modules: an exception's message is compared too
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1

html_theme = "furo"
html_title = f"giar-parse {release}"
