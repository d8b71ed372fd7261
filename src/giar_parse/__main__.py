"""``python -m giar_parse`` and the ``giar-parse`` console script (see :mod:`giar_parse._cli`)."""

from __future__ import annotations

import sys

from giar_parse._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
