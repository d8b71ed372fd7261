"""``python -m giar_parse`` and the ``giar-parse`` console script (see :mod:`giar_parse.cli.main`)."""

from __future__ import annotations

import sys

from giar_parse.cli.main import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
