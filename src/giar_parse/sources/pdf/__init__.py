"""A PDF file → report text: tables from the page geometry (the optional ``pdf`` extra).

Takes a PDF's bytes and gives a :class:`~giar_parse.sources.origins.Flattened` text with
every field's page and bounding box: ``reader`` reads each page once and writes the lines,
``grid`` turns the characters inside a ruled table's cells into fields, ``columns`` finds
tables printed without lines from the columns of their values, and ``pages`` joins a table
running over a page break into one.
"""

from giar_parse.sources.pdf.reader import flatten_pdf

__all__ = ["flatten_pdf"]
