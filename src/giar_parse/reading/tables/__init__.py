"""Labelled rows → the three tables' records.

Takes the rows the grammar found (a label and the value cells printed after it) and
gives ``ActiveDisclosure``, ``RequestTable`` and ``AppealTable``: ``placement`` decides
which column each printed cell belongs to, ``cells`` reads the values into a record with
provenance, and ``active``, ``requests`` and ``appeals`` know each table's rows.
"""
