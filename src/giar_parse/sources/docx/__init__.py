"""A Word ``.docx`` file → report text, with the standard library only.

Takes a ``.docx``'s bytes and gives a :class:`~giar_parse.sources.origins.Flattened` text
with every field's table, row and cell: ``reader`` opens the zip package (refusing what is
not a ``.docx`` or inflates past a sane size), ``wordml`` reads the document XML's
paragraphs and ``w:tbl`` rows in document order, ``numbering`` puts Word's automatic list
numbers back before their paragraphs.
"""

from giar_parse.sources.docx.reader import MAX_XML_BYTES, flatten_docx

__all__ = ["MAX_XML_BYTES", "flatten_docx"]
