"""Text → :class:`~giar_parse.model.Report`: the grammar and everything around it.

Takes a report's text (one line per paragraph or table row, as every source gives it)
and gives a ``Report`` with its diagnostics: ``normalise`` cuts the text into folded
cells, ``lexer`` gives each cell its ``grammar.lark`` terminal (a ``token``: a table row is
one, carrying its values; ``terminals`` looks a cell's terminal up among those that can
start with its first character, which ``firsts`` reads from their patterns), ``parser``
runs the LALR tables (``grammar`` loads them from ``cache`` or builds them with Lark;
``lalr`` runs them) over the tokens, and ``transformer``'s
reductions make labelled rows,
``build`` assembles the report with ``metadata`` and the table builders in ``tables/``,
and runs :mod:`giar_parse.checks`; ``prose`` (its grammar in ``phrases``, its numbers in
``numerals``) reads the figures the sections restate, which :mod:`giar_parse.restated`
compares with the tables; ``patterns`` compiles a regular expression where it is first
used.  Private: the public entry points are in :mod:`giar_parse.api`.
"""
