"""Text → Report: normalise, lex, run the grammar (recovering from stray tokens), build, check."""

from __future__ import annotations

from typing import cast

from lark import Token
from lark.exceptions import LarkError, UnexpectedToken

from giar_parse._build import build_report
from giar_parse._grammar import lark_parser
from giar_parse._html import flatten, looks_like_html, remap
from giar_parse._lexer import tokens
from giar_parse._normalise import cells
from giar_parse._transformer import Element
from giar_parse.errors import GiarParseError, IncompleteReportError
from giar_parse.model import Diagnostic, Report

__all__ = ["parse"]

# A damaged table may put many cells out of place; past this many, give up.
_MAX_SKIPPED = 200


def _elements(stream: list[Token], text: str, notes: list[Diagnostic]) -> list[Element]:
    """Run the grammar over the tokens, skipping (and reporting) each token it cannot place."""
    parser = lark_parser().parse_interactive([])
    skipped = 0
    for token in stream:
        try:
            parser.feed_token(token)
        except UnexpectedToken:
            skipped += 1
            if skipped > _MAX_SKIPPED:
                raise GiarParseError.at(
                    "the tables could not be read: too many cells are out of place",
                    text,
                    token.line or 1,
                    token.column or 1,
                ) from None
            value = token.value
            raw = " ".join(cell.raw for cell in value) if token.type == "CELLS" else getattr(value, "raw", "")
            notes.append(
                Diagnostic(
                    "layout.unexpected",
                    "warning",
                    f"{raw or token.type!r} is out of place for the table layout and was skipped",
                    None,
                    token.line,
                )
            )
    return cast(list[Element], parser.feed_eof())  # type: ignore[no-untyped-call]


def _parse_text(text: str) -> Report:
    stream, notes = tokens(cells(text))
    elements = _elements(stream, text, notes)
    return build_report(text, elements, notes)


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
        if looks_like_html(text):
            flattened = flatten(text)
            report = remap(_parse_text(flattened.text), flattened)
        else:
            report = _parse_text(text)
    except GiarParseError:
        raise
    except (LarkError, LookupError, ArithmeticError, TypeError, ValueError, AttributeError) as error:
        raise GiarParseError(f"internal error while reading the report ({type(error).__name__}: {error})") from error
    if strict:
        for diagnostic in report.diagnostics:
            if diagnostic.severity == "error":
                raise IncompleteReportError.at(diagnostic.message, text, diagnostic.line or 1, 1)
    return report
