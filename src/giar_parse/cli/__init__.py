"""The ``giar-parse`` command line: arguments → a batch of reports written out.

Takes file names, directories or standard input and writes JSON, JSON Lines, CSV,
Parquet or a terminal view: ``main`` reads the arguments and runs the batch in input
order, ``batch`` is the unit of work one process does for one input, ``output`` writes
what comes back (and closes it validly on Ctrl-C), ``progress`` counts the summary and
draws the progress bar, and ``series`` checks the inputs across years instead
(``--series``).
"""
