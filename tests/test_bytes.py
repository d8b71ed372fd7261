"""parse_bytes: the encodings government sites use are read and named; anything else is our error."""

from __future__ import annotations

import codecs

import pytest

import giar_parse
from conftest import seed_text
from giar_parse import EncodingError, GiarParseError

TEXT = seed_text("001_a256bd59c98b6bc9")


def encoding_note(report: giar_parse.Report) -> str:
    notes = [d for d in report.diagnostics if d.code == "input.encoding"]
    assert len(notes) == 1 and notes[0].severity == "info"
    return notes[0].message


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 (byte order mark)"),
        (TEXT.encode("utf-16"), "UTF-16 (byte order mark)"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 (byte order mark)"),
        (TEXT.encode("gb18030"), "GB18030"),
        (TEXT.encode("gbk"), "GB18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "gb18030", "gbk"],
)
def test_common_encodings_read_the_same_report(data: bytes, name: str) -> None:
    report = giar_parse.parse_bytes(data)
    assert report == giar_parse.parse(TEXT)
    assert report.requests is not None and report.requests.received is not None
    assert report.requests.received.natural_person == 5330
    assert encoding_note(report) == f"the input was decoded as {name}"
    assert report.diagnostics[:-1] == giar_parse.parse(TEXT).diagnostics


def test_gb18030_only_characters() -> None:
    text = seed_text("004_7d9c962fed462d95")  # has U+2002, which GBK lacks
    assert giar_parse.parse_bytes(text.encode("gb18030")) == giar_parse.parse(text)


@pytest.mark.parametrize(
    "data",
    [b"\x81\x30\xff\xff" * 100, b"\xff\xfe" + "一、总体情况".encode("utf-16-le") + b"\x00"],
    ids=["binary", "utf-16-odd-length"],
)
def test_undecodable_bytes_raise_our_error(data: bytes) -> None:
    with pytest.raises(EncodingError) as caught:
        giar_parse.parse_bytes(data)
    assert isinstance(caught.value, GiarParseError) and not isinstance(caught.value, UnicodeError)
    assert caught.value.line >= 1 and caught.value.column >= 1
    assert "^" in caught.value.snippet


def test_damaged_utf8_is_refused_at_the_bad_byte_not_misread_as_gb18030() -> None:
    data = TEXT.encode("utf-8")
    line = 12
    offset = data.index(TEXT.splitlines()[line - 1].encode("utf-8")) + 3
    with pytest.raises(EncodingError, match="0xFF at offset") as caught:
        giar_parse.parse_bytes(data[:offset] + b"\xff" + data[offset:])
    assert (caught.value.line, caught.value.column) == (line, 2)


def test_strict_and_not_a_report_pass_through() -> None:
    cut = TEXT[: TEXT.index("四、政府信息公开行政复议")]
    with pytest.raises(giar_parse.IncompleteReportError):
        giar_parse.parse_bytes(cut.encode("gb18030"), strict=True)
    with pytest.raises(giar_parse.NotAReportError):
        giar_parse.parse_bytes("今天天气很好".encode("gb18030"))


def test_str_is_refused_with_our_error() -> None:
    with pytest.raises(GiarParseError, match=r"use parse\(\) for str"):
        giar_parse.parse_bytes(TEXT)  # type: ignore[arg-type]
