"""The library's errors: every failure ``parse()`` can raise is a :class:`GiarParseError`."""

from __future__ import annotations

from typing import TypeVar

__all__ = [
    "BinaryInputError",
    "DamagedDocumentError",
    "DocumentError",
    "EmptyInputError",
    "EncodingError",
    "EncryptedDocumentError",
    "GiarParseError",
    "IncompleteReportError",
    "LegacyFormatError",
    "MissingExtraError",
    "NoTextLayerError",
    "NotAReportError",
    "UnreadableFileError",
    "UnsupportedTemplateError",
    "context_snippet",
]

_SNIPPET_WIDTH = 40
E = TypeVar("E", bound="GiarParseError")


def _shown(ch: str) -> str:
    r"""A character as a terminal may print it: control characters (NUL, DEL, C1 …) escaped as ``\xNN``."""
    code = ord(ch)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"\\x{code:02x}"
    return ch


def context_snippet(text: str, line: int, column: int) -> str:
    r"""The input line at ``line`` (1-based), clipped around ``column``, with a caret under it.

    Control characters are escaped, so a binary file prints nothing a terminal acts on:

    >>> print(context_snippet("ab\x00\x7fcd", 1, 5))
    ab\x00\x7fcd
              ^
    """
    lines = text.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    source = lines[line - 1]
    start = max(0, column - 1 - _SNIPPET_WIDTH)
    clipped = [_shown(ch) for ch in source[start : column - 1 + _SNIPPET_WIDTH]]
    caret_at = min(max(column - 1 - start, 0), len(clipped))
    # width of CJK characters is two columns in a terminal
    pad = "".join("  " if ord(ch[0]) > 0x2E7F else " " * len(ch) for ch in clipped[:caret_at])
    return f"{''.join(clipped)}\n{pad}^"


class GiarParseError(ValueError):
    """The input could not be read as a report.

    Carries the 1-based ``line`` and ``column`` where the problem was seen and a
    ``snippet`` of the input there, with a caret under the column.

    >>> import giar_parse
    >>> try:
    ...     giar_parse.parse("今天天气很好。")
    ... except giar_parse.GiarParseError as error:
    ...     print(type(error).__name__, error.line, error.column)
    ...     print(error.snippet)
    NotAReportError 1 1
    今天天气很好。
    ^
    """

    def __init__(self, message: str, *, line: int = 1, column: int = 1, snippet: str = "") -> None:
        #: What went wrong, without the position.
        self.message = message
        #: 1-based line of the input where it was seen.
        self.line = line
        #: 1-based column (in characters) on that line.
        self.column = column
        #: The input line there, clipped, with a caret under the column (may be empty).
        self.snippet = snippet
        text = f"{message} (line {line}, column {column})"
        if snippet:
            text = f"{text}\n{snippet}"
        super().__init__(text)

    @classmethod
    def at(cls: type[E], message: str, text: str, line: int = 1, column: int = 1) -> E:
        """Build the error for position ``line``/``column`` of ``text``, snippet included."""
        return cls(message, line=line, column=column, snippet=context_snippet(text, line, column))

    @classmethod
    def at_offset(cls: type[E], message: str, text: str, offset: int) -> E:
        """Build the error for the character at ``offset`` (0-based) of ``text``, snippet included."""
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return cls.at(message, text, line, column)


class NotAReportError(GiarParseError):
    """The text has none of the headings or tables of an annual report.

    >>> import giar_parse
    >>> giar_parse.parse("Lorem ipsum")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    giar_parse.errors.NotAReportError: no annual report structure found: ...
    """


class EmptyInputError(NotAReportError):
    """The file or bytes hold nothing (or only blank space): download or export the report again.

    >>> import giar_parse
    >>> giar_parse.parse_bytes(b"")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    giar_parse.errors.EmptyInputError: the input: empty file; ...
    """


class BinaryInputError(NotAReportError):
    r"""The bytes are neither text nor a PDF or Word file (e.g. an image or an archive).

    >>> import giar_parse
    >>> giar_parse.parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    giar_parse.errors.BinaryInputError: the input: binary file, not a report ...
    """


class UnreadableFileError(GiarParseError, OSError):
    """A path given to :func:`~giar_parse.parse_file` that is missing or cannot be read.

    It is also an :class:`OSError`; ``path`` is the path as given.
    """

    def __init__(self, message: str, *, path: str) -> None:
        #: The path as given (``os.fspath`` of it).
        self.path = path
        super().__init__(message)


class UnsupportedTemplateError(GiarParseError):
    r"""The text is an annual report in a template the library does not read (before 2019).

    >>> import giar_parse
    >>> giar_parse.parse("2016年政府信息公开工作年度报告\n一、概述\n二、主动公开政府信息情况\n")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    giar_parse.errors.UnsupportedTemplateError: this looks like a pre-2019 annual report: it has '一、概述' ...
    """


class IncompleteReportError(GiarParseError):
    """``strict=True`` and a table or row could not be read (the report is cut off or damaged).

    The message is the first ``error`` diagnostic's.

    >>> import giar_parse
    >>> cut = giar_parse.sample_text().split("（五）不予处理")[0]
    >>> try:
    ...     giar_parse.parse(cut, strict=True)
    ... except giar_parse.IncompleteReportError as error:
    ...     print(error.message)
    table 三 has no row requests.not_processed.complaints
    """


class EncodingError(GiarParseError):
    r"""The input bytes are not text in an encoding the library reads (UTF-8, UTF-16, GB18030).

    >>> import giar_parse
    >>> try:
    ...     giar_parse.parse_bytes(b"\xff" * 10)
    ... except giar_parse.EncodingError as error:
    ...     print(error.message.split(": ")[-1])
    byte 0xFF at offset 0 is invalid GB18030
    """


class DocumentError(GiarParseError):
    """A PDF or Word file could not be read as a document; the message names the file and what to do.

    ``page`` is the 1-based PDF page where the problem was seen, where there is one.
    """

    def __init__(
        self, message: str, *, line: int = 1, column: int = 1, snippet: str = "", page: int | None = None
    ) -> None:
        #: 1-based PDF page where the problem was seen, or None.
        self.page = page
        super().__init__(message, line=line, column=column, snippet=snippet)


class NoTextLayerError(DocumentError):
    """A PDF whose pages carry no text (scanned pages): it needs OCR first (e.g. ``ocrmypdf``)."""


class EncryptedDocumentError(DocumentError):
    """An encrypted (password-protected) PDF or Word file."""


class DamagedDocumentError(DocumentError):
    """A damaged PDF, a zip that is not a ``.docx``, malformed XML, or a file that inflates past a sane size."""


class LegacyFormatError(DocumentError):
    """A legacy Word ``.doc`` or WPS file (OLE2): convert it to ``.docx`` first."""


class MissingExtraError(GiarParseError, ImportError):
    """Reading this input needs an optional extra that is not installed (e.g. ``pip install 'giar-parse[pdf]'``)."""
