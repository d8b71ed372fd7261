"""Text → cells: page chrome out, lines cut into table cells, each cell folded for matching."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple, overload

from giar_parse.reading.patterns import LazyPattern

__all__ = [
    "MAX_LABEL",
    "MAX_SPACED",
    "TRADITIONAL",
    "Cell",
    "TextLines",
    "cells",
    "cut",
    "fold",
    "holds_space",
    "simplify",
]

#: Longer cells are prose (the longest official label has 36 characters).
MAX_LABEL = 90
#: A longer cell holding spaces is prose, never cells joined by single spaces.
MAX_SPACED = MAX_LABEL * 2
_MAX_CHROME = 60


class Cell(NamedTuple):
    """One table cell (or one prose line) of the input."""

    #: Folded text used for matching: NFKC, no whitespace, no quote marks.
    text: str
    #: The cell as printed, stripped of surrounding whitespace.
    raw: str
    #: 1-based line in the input.
    line: int
    #: 1-based column (characters) where the cell starts.
    column: int


# Traditional forms of the characters of the official labels and headings (mirror sites serve
# reports in 繁体); one character for one, so offsets stay as printed
_TRADITIONAL = (
    "萬與業為舉會體關決況減務動區單發後國處復複審對屬應廢開強當總執護報據數無機權條構"
    "沒現確穩類糾納組織經結繼續維繳罰範獲補規計認議許訟設訪訴詢請購費轉過這進採問項題"
    "額內於製辦實際書統"
)
_SIMPLIFIED = (
    "万与业为举会体关决况减务动区单发后国处复复审对属应废开强当总执护报据数无机权条构"
    "没现确稳类纠纳组织经结继续维缴罚范获补规计认议许讼设访诉询请购费转过这进采问项题"
    "额内于制办实际书统"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
#: Finds a Traditional character :func:`simplify` folds (it translates only a text where this finds one).
TRADITIONAL = re.compile(f"[{_TRADITIONAL}]")
# markdown markup from converters: heading marks before a line, bold marks around a cell
# (patterns only some texts need are compiled where first used)
_MARKDOWN_HEADING = LazyPattern(r"^\s{0,3}#{1,6}\s+")
_BOLD = LazyPattern(r"\*\*|__")
_BOOKMARK = LazyPattern(r"\[bookmark:[^\]\n]{0,200}\]")
_NBSP_ENTITY = LazyPattern(r"&nbsp;?|&#160;|&#xa0;", re.IGNORECASE)
# a markdown backslash escape of ASCII punctuation (``1\.属于国家秘密``, as mammoth and html2text write a
# paragraph starting with a numbered label)
_MARKDOWN_ESCAPE = LazyPattern(r"\\([!-/:-@\[-`{-~])")
_QUOTE_MARKS = "\"'“”‘’「」『』〝〞＂＇"
_QUOTES = str.maketrans("", "", _QUOTE_MARKS)
_HAS_QUOTE = re.compile(f"[{_QUOTE_MARKS}]")
_CHINESE_NUMERALS = frozenset("一二三四五六七八九十")
# an enumerator (1、 1. 1,) is never followed by a digit: 1,000 and 1.5 are numbers
_ARABIC_ENUM = re.compile(r"^(\d{1,2})[、.,](?!\d)")
_PAREN_ARABIC_ENUM = re.compile(r"^\((\d{1,2})\)")
_CHINESE_ENUM = re.compile(r"^([一二三四五六七八九十]{1,3})[.,,]")
# Runs of two or more spaces separate cells in `pdftotext -layout` style text.
_SPACE_RUN = re.compile(r"[ \u00a0\u2000-\u200a\u3000]{2,}")
_MARKDOWN_RULE = LazyPattern(r"^[\s|:\-]*-{3,}[\s|:\-]*$")
_PAGE_NUMBER = re.compile(r"^[-—–－]\s*\d{1,3}\s*[-—–－]$|^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$")

# Website furniture around an HTML report: breadcrumbs, share buttons, footers.
_CHROME = re.compile(
    r"^(您当前的位置|当前位置|您现在的位置|您的位置|扫一扫|【打印】|【关闭】|打印本页|关闭窗口|分享到"
    r"|国务院部门网站|地方政府网站|市政府部门网站|区\(县\)政府网站|区县政府网站|县\(区\)政府网站"
    r"|版权所有|主办单位|承办单位|网站标识码|网站地图|联系我们|字体[:：]?\[?大|【字体"
    r"|.{0,20}ICP备|.{0,20}公网安备)"
)


# first characters of the chrome lines above (before folding), to skip the rest quickly
_CHROME_FIRST = frozenset("您当扫【打关分国地市区县版主承网联字-—–－第")


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Fold a cell for matching: NFKC, drop whitespace and quotes, unify enumerators."""
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii() and text.isdigit():
        return text
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = simplify("".join(text.split()))
    if _HAS_QUOTE.search(text):
        text = text.translate(_QUOTES)
    first = text[:1]
    if first.isdigit():
        text = _ARABIC_ENUM.sub(r"\1.", text, count=1)
    elif first == "(":
        text = _PAREN_ARABIC_ENUM.sub(r"\1.", text, count=1)
    elif first in _CHINESE_NUMERALS:
        text = _CHINESE_ENUM.sub(r"\1、", text, count=1)
    return text


def simplify(text: str) -> str:
    """Fold the Traditional characters of the official labels to 简体 (one for one, same length)."""
    # a search is a tenth of the translation, and most text has no Traditional character
    return text.translate(_TO_SIMPLIFIED) if TRADITIONAL.search(text) else text


def _is_chrome(stripped: str, site_marks: bool = True) -> bool:
    """True for a (stripped) line of website furniture; ``site_marks``: the text holds ICP or 公网安备 at all."""
    if len(stripped) > _MAX_CHROME:
        return False
    if stripped[0] not in _CHROME_FIRST and not (site_marks and ("ICP" in stripped or "公网安备" in stripped)):
        return False
    folded = fold(stripped)
    return bool(_CHROME.match(folded) or _PAGE_NUMBER.match(folded))


def _split_tabs(line: str, indent_tab: bool) -> list[tuple[int, str]]:
    if indent_tab and line.startswith("\t"):
        offset, line = 1, line[1:]
    else:
        offset = 0
    pieces: list[tuple[int, str]] = []
    for piece in line.split("\t"):
        pieces.append((offset, piece))
        offset += len(piece) + 1
    return pieces


def _split_pipes(line: str) -> list[tuple[int, str]]:
    parts = line.split("|")
    stripped = line.strip()
    if len(stripped) > 1 and stripped[0] == "|" and stripped[-1] == "|":
        # a framed row (| a |  | c |): every piece between the outer pipes is a cell, blank ones too
        first, last = 1, len(parts) - 1
    else:
        first = 1 if not parts[0].strip() and line.lstrip().startswith("|") else 0
        last = len(parts)
        while last > first and not parts[last - 1].strip():
            last -= 1
        if last == first:
            return [(0, "")]
    offset = sum(len(part) for part in parts[:first]) + first
    pieces: list[tuple[int, str]] = []
    for part in parts[first:last]:
        pieces.append((offset, part))
        offset += len(part) + 1
    return pieces


def _split_spaces(line: str) -> list[tuple[int, str]]:
    if _SPACE_RUN.search(line) is None:
        return [(0, line)]
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _SPACE_RUN.finditer(line):
        if match.start() > start:
            pieces.append((start, line[start : match.start()]))
        start = match.end()
    if start < len(line):
        pieces.append((start, line[start:]))
    # letter-spaced headings (行    政    诉    讼) come apart into single letters; a row of
    # one-digit numbers or placeholders (0  -  3) is cells
    if len(pieces) > 1 and all(len(p.strip()) == 1 and p.strip().isalpha() for _, p in pieces):
        return [(pieces[0][0], "".join(p.strip() for _, p in pieces))]
    return pieces


def _markdown_plain(line: str) -> str:
    """The line without markdown heading and bold marks (blanked, so columns stay)."""
    heading = _MARKDOWN_HEADING.match(line)
    if heading:
        line = " " * len(heading.group()) + line[heading.end() :]
    return _BOLD.sub(lambda m: " " * len(m.group()), line)


def _uses_indent_tabs(lines: list[str]) -> bool:
    """True where tabs only indent single cells, one per line (Word documents read cell by cell)."""
    tabbed = indent_only = 0
    for line in lines:
        tabs = line.count("\t")
        if tabs:
            tabbed += 1
            indent_only += tabs == 1 and line[0] == "\t"
    return indent_only * 2 > tabbed


def _newlines(text: str) -> str:
    """``text`` with every line break (CR LF, CR) a line feed, as the lines are numbered."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TextLines(Sequence[str]):
    """A text's lines as :func:`cells` numbers them, split when first looked at (most reports never are)."""

    __slots__ = ("_lines", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: list[str] | None = None

    def _split(self) -> list[str]:
        if self._lines is None:
            self._lines = _newlines(self._text).split("\n")
        return self._lines

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._split()[index]

    def __len__(self) -> int:
        return len(self._split())


_new_cell = tuple.__new__
# spaces other than " " that may stand in a run separating cells (a text without them needs no regex per line)
_WIDE_SPACE = re.compile("[\u00a0\u2000-\u200a\u3000]")


def cells(text: str) -> list[Cell]:
    """Cut a report's text into cells, dropping page chrome and blank lines."""
    return cut(text)[0]


def cut(text: str) -> tuple[list[Cell], list[int]]:
    """:func:`cells`, and the indices of the cells holding a space (PDF text may join cells with one)."""
    if "\r" in text:
        text = _newlines(text)
    lines = text.split("\n")
    # what the text holds at all, so that a line is searched only for what can be in it
    marks = ("[bookmark:" in text, "&" in text, "#" in text or "*" in text or "__" in text, "\\" in text)
    mark_chars = "".join(chars for chars, held in zip(("[", "&", "#*_", "\\"), marks, strict=True) if held)
    marked = re.compile(f"[{re.escape(mark_chars)}]").search if mark_chars else None
    found_in_text = _Found(
        "\t" in text and _uses_indent_tabs(lines),
        _WIDE_SPACE.search(text) is not None,
        "ICP" in text or "公网安备" in text,
    )
    out: list[Cell] = []
    spaced: list[int] = []
    append = out.append
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        if marked is not None and marked(line):
            line = _unmarked(line, *marks)
        # a label, a number, a heading: one cell, the same in every report
        short = None
        if "\t" not in line:
            if "|" not in line and "  " not in line and len(line) <= MAX_LABEL:
                short = _short_line(line)
        elif found_in_text.indent_tab and line[0] == "\t" and line.count("\t") == 1 and len(line) <= MAX_LABEL:
            short = _indented_line(line)
        if short is None:
            _cut_line(line, number, found_in_text, out, spaced)
        elif short is not _DROPPED:
            text, raw, column, space = short
            if space:
                spaced.append(len(out))
            append(_new_cell(Cell, (text, raw, number, column)))
    return out, spaced


class _Found:
    """What a text holds at all: tabs that only indent, spaces other than " ", a site's ICP or 公网安备 marks."""

    __slots__ = ("indent_tab", "site_marks", "wide_spaces")

    def __init__(self, indent_tab: bool, wide_spaces: bool, site_marks: bool) -> None:
        self.indent_tab = indent_tab
        self.wide_spaces = wide_spaces
        self.site_marks = site_marks


def _cut_line(line: str, number: int, found: _Found, out: list[Cell], spaced: list[int]) -> None:
    """Append the cells of one line (any but a short single cell) to ``out``, noting those holding a space."""
    if len(line) > _MAX_CACHED_LINE:
        pieces = _line_pieces(line, found.indent_tab, found.wide_spaces, found.site_marks)
    else:
        pieces = _cached_line_pieces(line, found.indent_tab, found.wide_spaces, found.site_marks)
    for text, raw, column, space in pieces:
        if space:
            spaced.append(len(out))
        out.append(_new_cell(Cell, (text, raw, number, column)))


#: A cell as a line is cut: (folded text, as printed, 1-based column, holds a space).
_Piece = tuple[str, str, int, bool]
# a longer line is prose, read once: its cut is not kept
_MAX_CACHED_LINE = 400


def _line_pieces(line: str, indent_tab: bool, wide_spaces: bool, site_marks: bool) -> tuple[_Piece, ...]:
    """The cells of one line as :func:`cut` reads them, given what the text holds (see :class:`_Found`)."""
    stripped = line.strip()
    if not stripped:
        # a line of tabs is a row of blank cells (one, a tab-indented blank, in Word dumps)
        if "\t" in line:
            return tuple(("", "", offset + 1, False) for offset, _ in _split_tabs(line, indent_tab))
        return ()
    if _is_chrome(stripped, site_marks):
        return ()
    if "\t" in line:
        pieces = _split_tabs(line, indent_tab)
    elif "|" in line:
        if "---" in line and _MARKDOWN_RULE.match(line):
            return ()
        pieces = _split_pipes(line)
    elif "  " in line or (wide_spaces and _SPACE_RUN.search(line) is not None):
        pieces = _split_spaces(line)
    elif len(stripped) > MAX_LABEL:  # one cell of prose: no label is that long, so it needs no folding
        return ((stripped, stripped, len(line) - len(line.lstrip()) + 1, holds_space(stripped)),)
    else:  # the line is one cell
        pieces = [(0, line)]
    out = []
    for offset, piece in pieces:
        text, raw, lead, space = _piece(piece)
        out.append((text, raw, offset + lead + 1, space))
    return tuple(out)


# table rows recur from report to report (labels, rows of zeros, blank cells)
_cached_line_pieces = functools.lru_cache(maxsize=4096)(_line_pieces)


_DROPPED = ("", "", 0, False)  # a blank line, or page chrome


@functools.lru_cache(maxsize=8192)
def _short_line(line: str) -> tuple[str, str, int, bool] | None:
    """A short line without tabs or pipes as :func:`cut` reads it, where it is one cell or none.

    (folded text, as printed, column, holds a space) for one cell; ``_DROPPED`` for a blank
    line or page chrome; None where runs of spaces cut it into several cells.
    """
    stripped = line.strip()
    if not stripped or _is_chrome(stripped):
        return _DROPPED
    pieces = _split_spaces(line)
    if len(pieces) != 1:
        return None
    offset, piece = pieces[0]
    text, raw, lead, space = _piece(piece)
    return text, raw, offset + lead + 1, space


@functools.lru_cache(maxsize=8192)
def _indented_line(line: str) -> tuple[str, str, int, bool]:
    """A short line of one cell after a tab (a Word document read cell by cell) as :func:`cut` reads it.

    As :func:`_short_line`, but never cut at runs of spaces: a tab separates the cells here.
    """
    stripped = line.strip()
    if not stripped:
        return "", "", 2, False  # a blank cell
    if _is_chrome(stripped):
        return _DROPPED
    text, raw, lead, space = _piece(line[1:])
    return text, raw, lead + 2, space


@functools.lru_cache(maxsize=8192)
def _piece(piece: str) -> tuple[str, str, int, bool]:
    """A piece of a line as cut: its folded text, as printed (stripped), where that starts, if it holds a space."""
    raw = piece.strip()
    # long cells are prose: no label is that long, so they need no folding
    # (this cache keeps the folded text: the fold's own is for the other callers)
    text = raw if len(raw) > MAX_LABEL else _fold(raw)
    return text, raw, len(piece) - len(piece.lstrip()), holds_space(raw)


def holds_space(raw: str) -> bool:
    """True for a cell (as printed, stripped) that may be cells joined by single spaces (PDF text)."""
    return len(raw) <= MAX_SPACED and (" " in raw or "\u3000" in raw)


def _unmarked(line: str, bookmarks: bool, entities: bool, markdown: bool, escapes: bool) -> str:
    r"""The line with bookmarks, ``&nbsp;`` entities and markdown marks blanked (so columns stay).

    A markdown backslash escape (a backslash before ASCII punctuation, as in ``1\.属于…``) loses its
    backslash; the columns after it move by one.
    """
    if bookmarks and "[" in line:
        line = _BOOKMARK.sub(lambda m: " " * len(m.group()), line)
    if entities and "&" in line:
        line = _NBSP_ENTITY.sub(lambda m: " " * len(m.group()), line)
    if markdown and ("#" in line or "*" in line or "__" in line):
        line = _markdown_plain(line)
    if escapes and "\\" in line:
        line = _MARKDOWN_ESCAPE.sub(r"\1", line)
    return line
