"""The ``giar-parse`` command line: arguments → a batch of reports written out.

Takes file names, directories or standard input and writes JSON, JSON Lines, CSV or a
terminal view: ``main`` reads the arguments and writes in input order, ``batch`` is the
unit of work one process does for one input, ``progress`` draws the progress bar, and
``series`` checks the inputs across years instead (``--series``).
"""
