"""reading.metadata: the statistics period read from each 统计 on, as from the whole text without whitespace."""

from __future__ import annotations

import re

try:  # the regular expression parser: re._parser from Python 3.11, sre_parse before
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse

from hypothesis import example, given
from hypothesis import strategies as st

from giar_parse.reading import metadata

_PIECES = st.sampled_from(
    ["统计", "统", "计", "统 计", "数据统计期限", "自", "2023年", "１月", "1月", "1日", "12月31日", "起", "至", "止",
     "。", "\n", " ", "\u3000", "  \t ", "\n\n", "本年度", "的", "2024年", "0", "3"]
)  # fmt: skip


def whole_text_period(head: str) -> re.Match[str] | None:
    """The first period of the text with all its whitespace removed, searched in one pass."""
    return metadata._PERIOD.search("".join(head.split()))


@given(st.lists(_PIECES | st.text(max_size=3), max_size=80).map("".join))
@example("统计" + " " * 300 + "2023年1月1日至2023年12月31日")
@example("统 计期限为" + "\n" * 200 + "2023年1月1日" + " " * 90 + "至2023年12月31日")
@example("统计" * 30 + "2023年1月1日至2023年12月31日")
@example("统计" + "期限" * 20 + "2023年01月01日" + "的" * 8 + "至" + "的" * 4 + "2023年12月31日")  # the longest
@example("统 计" + "期 限" * 20 + "2023年01月01日" + "的 " * 8 + "至" + "的\n" * 4 + "2023年12月31日")
def test_the_period_is_found_as_in_the_text_without_whitespace(head: str) -> None:
    found, expected = metadata._period(head), whole_text_period(head)
    assert (found and found.groups()) == (expected and expected.groups())


def test_a_period_spans_no_more_than_the_characters_read_after_its_statistics() -> None:
    _, longest = sre_parse.parse(metadata._PERIOD.pattern).getwidth()
    assert longest <= metadata._PERIOD_SPAN
