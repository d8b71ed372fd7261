"""Sphinx configuration for the giar-parse documentation."""

from __future__ import annotations

import giar_parse

project = "giar-parse"
author = "giar-parse developers"
release = giar_parse.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.intersphinx"]
intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}
autodoc_typehints = "description"
