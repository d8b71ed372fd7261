"""Text → Report: normalise, lex, run the grammar (recovering from stray tokens), build, check."""

from __future__ import annotations

from typing import cast

from giar_parse.errors import GiarParseError
from giar_parse.model import Diagnostic, Report
from giar_parse.reading.build import build_report
from giar_parse.reading.grammar import automaton, lark_parser
from giar_parse.reading.lexer import tokens
from giar_parse.reading.normalise import cut
from giar_parse.reading.token import Token
from giar_parse.reading.transformer import Element

__all__ = ["read_text"]

# A damaged table may put many cells out of place; past this many, give up.
_MAX_SKIPPED = 200


def _skipped(token: Token, skipped: int, text: str, notes: list[Diagnostic]) -> None:
    """Report a token the grammar cannot place; raise past _MAX_SKIPPED of them."""
    if skipped > _MAX_SKIPPED:
        raise GiarParseError.at(
            "the tables could not be read: too many cells are out of place",
            text,
            token.line or 1,
            token.column or 1,
        ) from None
    value = token.value
    cells = value if token.type in ("CELLS", "PROSE") else (value, *token.cells)
    raw = " ".join(cell.raw for cell in cells if cell.raw)
    notes.append(
        Diagnostic(
            "layout.unexpected",
            "warning",
            f"{raw or token.type!r} is out of place for the table layout and was skipped",
            None,
            token.line,
        )
    )


def _elements(stream: list[Token], text: str, notes: list[Diagnostic]) -> list[Element]:
    """Run the grammar over the tokens, skipping (and reporting) each token it cannot place."""
    run = automaton()
    if run is None:
        return _elements_by_lark(stream, text, notes)
    skipped = 0

    def skip(token: Token) -> None:
        nonlocal skipped
        skipped += 1
        _skipped(token, skipped, text, notes)

    return cast(list[Element], run.run(stream, skip))


def _elements_by_lark(stream: list[Token], text: str, notes: list[Diagnostic]) -> list[Element]:
    """As :func:`_elements`, with Lark's interactive parser (for a grammar the automaton cannot run)."""
    from lark.exceptions import LarkError, UnexpectedToken  # noqa: PLC0415 (only for such a grammar)

    parser = lark_parser().parse_interactive([])
    skipped = 0
    for token in stream:
        try:
            parser.feed_token(token)  # type: ignore[arg-type]
        except UnexpectedToken:
            skipped += 1
            _skipped(token, skipped, text, notes)
    try:
        return cast(list[Element], parser.feed_eof())  # type: ignore[no-untyped-call]
    except LarkError as error:
        raise GiarParseError(f"the tables could not be read: {error}") from None


def read_text(text: str) -> Report:
    """Read a report from plain text (not HTML): cells, tokens, grammar, records, checks.

    Raises:
        GiarParseError: the text is not a report, or is a pre-2019 one.

    """
    stream, notes = tokens(*cut(text))
    elements = _elements(stream, text, notes)
    del stream  # the elements keep what the report is built from
    return build_report(text, elements, notes)
