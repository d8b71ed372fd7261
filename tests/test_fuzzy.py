"""Cut-off and mistyped row labels: the indexed look-up finds what a scan of every label finds."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from giar_parse.reading import fuzzy

LABELS = [label for label, _ in fuzzy._canonical()]


def scanned(text: str) -> fuzzy.Match | None:
    """match_label by its definition: a scan of every canonical label."""
    if len(text) < fuzzy._MIN_PREFIX:
        return None
    prefixed = {terminal for label, terminal in fuzzy._canonical() if label.startswith(text) and label != text}
    if len(prefixed) == 1:
        return next(iter(prefixed)), "prefix"
    if len(text) < fuzzy._MIN_TYPO_LENGTH:
        return None
    typos = {terminal for label, terminal in fuzzy._canonical() if fuzzy._one_edit(text, label)}
    return (next(iter(typos)), "typo") if len(typos) == 1 else None


@st.composite
def near_labels(draw: st.DrawFn) -> str:
    """A label cut short, with a character replaced, dropped or added, or two labels run together."""
    label = draw(st.sampled_from(LABELS))
    at = draw(st.integers(0, len(label) - 1))
    char = draw(st.sampled_from("申请公开不予行政其他的一1.()"))
    return draw(
        st.sampled_from(
            [
                label[: max(1, at)],
                label[:at] + char + label[at + 1 :],
                label[:at] + label[at + 1 :],
                label[:at] + char + label[at:],
                label + draw(st.sampled_from(LABELS)),
            ]
        )
    )


@given(st.one_of(near_labels(), st.text(alphabet="申请公开不予属于国家秘密行政法规1.()三", max_size=40)))
@example("5.要求行政机关确认或重新出")
@example("属于国家秘")
def test_the_indexed_look_up_is_the_scan(text: str) -> None:
    assert fuzzy.match_label(text) == scanned(text)
