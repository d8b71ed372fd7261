"""Property 3: the noise real documents carry does not change what a report reads as.

``strategies.report_texts`` renders a drawn report in a layout and adds noise to its
labels, headings and lines (never to a value or a prose body); the text must still parse
to the report itself (``==``: values, metadata, headings, bodies; diagnostics and
provenance are not compared).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from hypothesis import example, given

import giar_parse
from giar_parse import AppealTable, Layout, Outcomes, Report, strategies
from giar_parse.strategies.noise import Noise, read_back
from reports import report

LAYOUTS = list(Layout)
ALL_NOISE = Noise(strategies.NOISE_KINDS)

#: Table 四's header split over two lines ends in a blank cell under 总计, which was read
#: as the first value and moved every value one column right (review.upheld → corrected).
HEADER_PADDING = report(appeals=AppealTable(Outcomes(1, None, None, None, None), Outcomes(), Outcomes()))
EXAMPLES = [
    (HEADER_PADDING, Noise({"split_headers"})),
    (report(), ALL_NOISE),
    (report("2021"), ALL_NOISE),
]


@functools.cache
def noise_property(layout: Layout) -> Callable[[], None]:
    """Property 3 in one layout, with the regressions as examples."""

    @given(drawn=strategies.report_texts(layouts=(layout,)))
    def noise_does_not_change_values(drawn: tuple[Report, str]) -> None:
        expected, text = drawn
        assert giar_parse.parse(text) == expected

    for drawn, noise in EXAMPLES:
        pair = (read_back(drawn, layout), noise.apply(drawn, layout))
        noise_does_not_change_values = example(drawn=pair)(noise_does_not_change_values)
    return noise_does_not_change_values


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.value for layout in LAYOUTS])
def test_noise_does_not_change_values(layout: Layout) -> None:
    """Property 3: the noisy text parses to the report (placeholders as in property 1)."""
    noise_property(layout)()
