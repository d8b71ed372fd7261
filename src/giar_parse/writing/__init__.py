"""A :class:`~giar_parse.model.Report` → the outside world.

Takes a report and gives: plain JSON-safe data (``json``), one row per table cell
(``records``, the CSV rows) and a pandas DataFrame of them (``dataframe``), the JSON
Schema of the output (``schema``), text that reads back equal (``render``, in the
``layouts``), and a view for the terminal (``terminal``).  Reads only the model, never the
parser.  The public names are re-exported by :mod:`giar_parse`.
"""
