"""A document → report text, and back to where each value was printed.

Takes what a user holds (bytes in some encoding, a web page; the bundled sample) and
gives text the reading stage reads: ``decode`` turns bytes into text, ``html`` flattens a
page into one line per paragraph and table row and moves every position back into the
page, ``sample`` is the bundled sample report.  Private: see :mod:`giar_parse.api`.
"""
