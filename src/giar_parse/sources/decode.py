"""Bytes → text: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030 (and so GBK)."""

from __future__ import annotations

import codecs
import re

from giar_parse.errors import EncodingError

__all__ = ["BOMS", "decode"]

# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 (byte order mark)"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 (byte order mark)"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (byte order mark)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 (byte order mark)"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 (byte order mark)"),
)
#: The byte order marks read, longest first.
BOMS = tuple(mark for mark, _, _ in _BOMS)
_CJK = "[\u4e00-\u9fff]"  # compiled on first use: only a failed UTF-8 decode needs it


def _error(data: bytes, codec: str, name: str, error: UnicodeDecodeError) -> EncodingError:
    offset = len(data[: error.start].decode(codec, "replace"))
    byte = data[error.start : error.start + 1].hex().upper()
    return EncodingError.at_offset(
        f"the input is not text in any encoding read (UTF-8, UTF-16 with BOM, GB18030/GBK): "
        f"byte 0x{byte} at offset {error.start} is invalid {name}",
        data.decode(codec, "replace"),
        offset,
    )


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few damaged bytes (Chinese text decodes), not text in another encoding."""
    text = data.decode("utf-8", "replace")
    return len(re.findall(_CJK, text)) > text.count("\ufffd")


def decode(data: bytes) -> tuple[str, str]:
    """``data`` as text, and the name of the encoding it was read in.

    A byte order mark decides; otherwise UTF-8, then GB18030 (a superset of GBK and
    GB2312).  Text that is UTF-8 but for a few damaged bytes is refused, not misread.

    Raises:
        EncodingError: the bytes are text in none of these encodings.

    """
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError as error:
                raise _error(data, codec, name, error) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise _error(data, "utf-8", "UTF-8", error) from None
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError as error:
        raise _error(data, "gb18030", "GB18030", error) from None
