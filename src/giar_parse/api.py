"""The public reading functions: decide what kind of input it is, hand it to a source, apply ``strict``.

Like the :mod:`json` module: :func:`parse` takes text, :func:`parse_bytes` takes the bytes
of a file, :func:`parse_file` a path or an open file; each returns a
:class:`~giar_parse.model.Report` or raises a :class:`~giar_parse.errors.GiarParseError`,
never another exception.  The kind of input is decided from its content, not its name.
"""

from __future__ import annotations

import os
import re
from typing import IO, TYPE_CHECKING

import attrs

from giar_parse.errors import (
    BinaryInputError,
    EmptyInputError,
    EncryptedDocumentError,
    GiarParseError,
    IncompleteReportError,
    LegacyFormatError,
    UnreadableFileError,
)
from giar_parse.model import Diagnostic, Report
from giar_parse.reading.parser import read_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from giar_parse.sources.origins import Flattened

    _Flatten = Callable[[bytes, str | None], Flattened]

__all__ = ["parse", "parse_bytes", "parse_file"]

# how a web page or fragment starts; its source (html.parser), like those of bytes and
# documents, is imported where first used
_HTML_START = re.compile(r"\s*(<!DOCTYPE\s+html|<html\b|<body\b|<table\b|<div\b|<p\b|<meta\b|<head\b)", re.IGNORECASE)
_PDF = b"%PDF-"
_ZIPS = (b"PK\x03\x04", b"PK\x05\x06")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# how Word stores a password-protected .docx: "EncryptedPackage" in UTF-16-LE (its codec loaded only then)
_OLE2_ENCRYPTED = "EncryptedPackage"
_SNIFF = 8192  # bytes looked at to tell binary from text

# what a bug deep in the reading stages can raise; it reaches the user as our own error
_INTERNAL = (LookupError, ArithmeticError, TypeError, ValueError, AttributeError)


def _strict(report: Report, text: str) -> Report:
    """Raise the first error diagnostic as IncompleteReportError."""
    for diagnostic in report.diagnostics:
        if diagnostic.severity == "error":
            raise IncompleteReportError.at(diagnostic.message, text, diagnostic.line or 1, 1)
    return report


def _looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page or fragment."""
    return _HTML_START.match(text[:2000]) is not None


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
        if _looks_like_html(text):
            from giar_parse.sources.html import read_html  # noqa: PLC0415 (html.parser: for web pages only)

            report = read_html(text)
        else:
            report = read_text(text)
    except GiarParseError:
        raise
    except _INTERNAL as error:
        raise GiarParseError(f"internal error while reading the report ({type(error).__name__}: {error})") from error
    return _strict(report, text) if strict else report


def parse_bytes(data: bytes, *, strict: bool = False) -> Report:
    """Read a report from raw bytes (a file as downloaded), whatever kind of file it is.

    A PDF or a Word ``.docx`` is read as :func:`parse_file` reads it.  Text is decoded
    first: UTF-8 with or without a byte order mark, UTF-16 (and UTF-32) with one, and
    GB18030/GBK, common on government sites; an ``input.encoding`` info diagnostic names
    the encoding used.  Otherwise as :func:`~giar_parse.parse`.

    >>> import giar_parse
    >>> data = giar_parse.sample_text().encode("gb18030")  # as many government sites serve it
    >>> report = giar_parse.parse_bytes(data)
    >>> report.agency, report.diagnostics[-1].message
    ('重庆市', 'the input was decoded as GB18030')

    Raises:
        EncodingError: the bytes are not text in any of these encodings.
        EmptyInputError: there are no bytes, or only blank space.
        BinaryInputError: the bytes are neither text nor a PDF or Word file.
        DocumentError: a PDF or Word file that cannot be read (see :func:`parse_file`).
        GiarParseError: as :func:`~giar_parse.parse`.

    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise GiarParseError(f"parse_bytes() reads bytes, not {type(data).__name__}; use parse() for str")
    return _read(bytes(data), None, strict=strict)


def parse_file(source: str | os.PathLike[str] | bytes | IO[bytes], *, strict: bool = False) -> Report:
    """Read a report from a file: a PDF, a Word ``.docx``, a saved web page or a text file.

    ``source`` is a path (``str`` or :class:`os.PathLike`), the file's ``bytes``, or a file
    opened in binary mode.  The kind of file is decided from its content: ``%PDF-`` is a
    PDF (``pip install 'giar-parse[pdf]'``), a zip holding ``word/document.xml`` a Word
    file, anything else HTML or text as :func:`parse_bytes` reads it.  ``Report.source``
    is the path, or the file object's ``name``.  See :doc:`/files`.

    >>> import io, giar_parse
    >>> data = giar_parse.sample_text().encode("utf-8")
    >>> giar_parse.parse_file(io.BytesIO(data)).requests.received.total
    5758

    Raises:
        UnreadableFileError: the path is missing or cannot be read.
        DocumentError: the PDF or Word file cannot be read (damaged, encrypted, a
            legacy ``.doc``, a scan without text); the message says what to do.
        GiarParseError: as :func:`parse_bytes`.

    """
    data, name = _load(source)
    if name is None:
        return _read(data, None, strict=strict)
    try:
        report = _read(data, name, strict=strict)
    except GiarParseError as error:
        raise _named(error, name) from None
    return attrs.evolve(report, source=name)


def _named(error: GiarParseError, name: str) -> GiarParseError:
    """The error with its message starting with the file's name (as the document errors' do)."""
    if not error.message.startswith(f"{name}: "):
        error.message = f"{name}: {error.message}"
        text = f"{error.message} (line {error.line}, column {error.column})"
        error.args = (f"{text}\n{error.snippet}" if error.snippet else text,)
    return error


def _load(source: str | os.PathLike[str] | bytes | IO[bytes]) -> tuple[bytes, str | None]:
    """The bytes of ``source`` and its name (None for bytes)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, (str, os.PathLike)):
        path = os.fsdecode(source)
        try:
            with open(path, "rb") as file:
                return file.read(), path
        except (OSError, ValueError) as error:  # ValueError: a NUL in the path
            shown = path if len(path) <= 200 and "\n" not in path else f"{path[:40]!r}…"
            hint = "" if shown == path else "; for a report's text, use parse()"
            message = f"{shown}: cannot read the file ({getattr(error, 'strerror', None) or error}){hint}"
            raise UnreadableFileError(message, path=path) from None
    read = getattr(source, "read", None)
    if not callable(read):
        raise GiarParseError(f"parse_file() reads a path, bytes or a binary file, not {type(source).__name__}")
    name = getattr(source, "name", None)
    name = name if isinstance(name, str) else None
    try:
        data = read()
    except OSError as error:
        where = name or "the input"
        raise UnreadableFileError(f"{where}: cannot read the file ({error.strerror or error})", path=where) from None
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise GiarParseError(f"{name or 'the input'}: the file is open in text mode; open it with 'rb'")
    return bytes(data), name


def _read(data: bytes, name: str | None, *, strict: bool) -> Report:
    """Hand the bytes to the source their content calls for."""
    from giar_parse.sources.decode import BOMS, decode  # noqa: PLC0415 (for bytes only)

    where = name or "the input"
    head = data[:_SNIFF]
    if not head.strip() and not data.strip():
        blank = " (only blank space)" if data else ""
        raise EmptyInputError(f"{where}: empty file{blank}; nothing to read — download or export the report again")
    if head.lstrip().startswith(_PDF):
        from giar_parse.sources.pdf import flatten_pdf  # noqa: PLC0415 (on first use: most input is text)

        return _document(flatten_pdf, data, name, strict=strict)
    if head.startswith(_ZIPS):
        from giar_parse.sources.docx import flatten_docx  # noqa: PLC0415 (the XML readers: on first use)

        return _document(flatten_docx, data, name, strict=strict)
    if head.startswith(_OLE2):
        if _OLE2_ENCRYPTED.encode("utf-16-le") in data:
            raise EncryptedDocumentError(
                f"{where}: a password-protected Word file; open it, remove the password and save it as .docx"
            )
        raise LegacyFormatError(
            f"{where}: a legacy Word .doc or WPS file; convert it to .docx first, "
            "e.g. soffice --headless --convert-to docx FILE"
        )
    if b"\x00" in head and not head.startswith(BOMS):
        raise BinaryInputError(
            f"{where}: binary file, not a report (not text, HTML, PDF or Word .docx); "
            "save the report as PDF, .docx, HTML or text"
        )
    text, encoding = decode(data)
    report = parse(text, strict=strict)
    note = Diagnostic("input.encoding", "info", f"the input was decoded as {encoding}")
    return attrs.evolve(report, diagnostics=(*report.diagnostics, note))


def _document(flatten: _Flatten, data: bytes, name: str | None, *, strict: bool) -> Report:
    """Read the text made of a PDF or Word file; positions point back into the document."""
    from giar_parse.sources.origins import remap  # noqa: PLC0415 (for documents only)

    try:
        flattened = flatten(data, name)
        report = remap(read_text(flattened.text), flattened)
    except GiarParseError:
        raise
    except _INTERNAL as error:
        raise GiarParseError(f"internal error while reading the report ({type(error).__name__}: {error})") from error
    return _strict(report, flattened.text) if strict else report
