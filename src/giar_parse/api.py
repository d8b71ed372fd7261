"""The public reading functions: decide what kind of input it is, hand it to a source, apply ``strict``.

Like the :mod:`json` module: :func:`parse` takes text, :func:`parse_bytes` takes the bytes
of a file; both return a :class:`~giar_parse.model.Report` or raise a
:class:`~giar_parse.errors.GiarParseError`, never another exception.
"""

from __future__ import annotations

import attrs
from lark.exceptions import LarkError

from giar_parse.errors import GiarParseError, IncompleteReportError
from giar_parse.model import Diagnostic, Report
from giar_parse.reading.parser import read_text
from giar_parse.sources.decode import decode
from giar_parse.sources.html import looks_like_html, read_html

__all__ = ["parse", "parse_bytes"]

# what a bug deep in the reading stages can raise; it reaches the user as our own error
_INTERNAL = (LarkError, LookupError, ArithmeticError, TypeError, ValueError, AttributeError)


def _strict(report: Report, text: str) -> Report:
    """Raise the first error diagnostic as IncompleteReportError."""
    for diagnostic in report.diagnostics:
        if diagnostic.severity == "error":
            raise IncompleteReportError.at(diagnostic.message, text, diagnostic.line or 1, 1)
    return report


def parse(text: str, *, strict: bool = False) -> Report:
    """Read a 政府信息公开工作年度报告 from its text.

    ``text`` is the report as plain text (from a PDF, a Word document or a web page) or
    the web page's HTML itself.  Returns a :class:`~giar_parse.model.Report`; where a
    table or value cannot be read it
    is None and a diagnostic says why.  With ``strict=True`` the first error diagnostic is
    raised as :class:`~giar_parse.errors.IncompleteReportError` instead.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> report.agency, report.year, report.requests.received.total
    ('重庆市', 2020, 5758)
    >>> cut = giar_parse.sample_text().split("四、政府信息公开行政复议")[0]
    >>> giar_parse.parse(cut).appeals is None
    True
    >>> try:
    ...     giar_parse.parse(cut, strict=True)
    ... except giar_parse.IncompleteReportError as error:
    ...     print(error.message)
    table 四 (行政复议、行政诉讼情况) was not found

    Raises:
        GiarParseError: the text is not a report (``NotAReportError``), is a pre-2019
            report (``UnsupportedTemplateError``), or ``strict`` found an error.

    """
    if not isinstance(text, str):
        raise GiarParseError(f"parse() reads str, not {type(text).__name__}; use parse_bytes() for bytes")
    try:
        report = read_html(text) if looks_like_html(text) else read_text(text)
    except GiarParseError:
        raise
    except _INTERNAL as error:
        raise GiarParseError(f"internal error while reading the report ({type(error).__name__}: {error})") from error
    return _strict(report, text) if strict else report


def parse_bytes(data: bytes, *, strict: bool = False) -> Report:
    """Read a report from raw bytes (a file as downloaded), decoding it first.

    Reads UTF-8 with or without a byte order mark, UTF-16 (and UTF-32) with one, and
    GB18030/GBK, common on government sites.  An ``input.encoding`` info diagnostic
    names the encoding used.  Otherwise as :func:`~giar_parse.parse`.

    >>> import giar_parse
    >>> data = giar_parse.sample_text().encode("gb18030")  # as many government sites serve it
    >>> report = giar_parse.parse_bytes(data)
    >>> report.agency, report.diagnostics[-1].message
    ('重庆市', 'the input was decoded as GB18030')

    Raises:
        EncodingError: the bytes are not text in any of these encodings.
        GiarParseError: as :func:`~giar_parse.parse`.

    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise GiarParseError(f"parse_bytes() reads bytes, not {type(data).__name__}; use parse() for str")
    text, encoding = decode(bytes(data))
    report = parse(text, strict=strict)
    note = Diagnostic("input.encoding", "info", f"the input was decoded as {encoding}")
    return attrs.evolve(report, diagnostics=(*report.diagnostics, note))
