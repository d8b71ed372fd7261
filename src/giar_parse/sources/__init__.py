"""A document → report text, and back to where each value was printed.

Takes what a user holds and gives text the reading stage reads, each field remembering
where it came from: ``decode`` turns bytes into text (UTF-8, UTF-16, GB18030), ``html``
flattens a web page, ``pdf/`` reads a PDF's pages, ``docx/`` a Word file's XML, ``origins``
is what they share (lines of text with each field's place in the document, and the
mapping of a report's provenance back into it), ``sample`` is the bundled sample report.
Private: the entry points are in :mod:`giar_parse.api`.
"""
