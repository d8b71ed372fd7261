"""giar_parse.strategies: the knobs do what they say."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import giar_parse
from giar_parse import Layout, Report, checks, strategies
from giar_parse.strategies.noise import Noise
from reports import report

FEW = settings(max_examples=25)


def cells(record: Any) -> list[object]:
    """Every cell value of a table record (rows are the records that keep provenance)."""
    if record is None:
        return []
    names = [field.name for field in attrs.fields(type(record))]
    if "provenance" in names:
        return [getattr(record, name) for name in names if name not in ("provenance", "amount_text")]
    return [value for name in names for value in cells(getattr(record, name))]


@FEW
@given(strategies.reports(template="2021", blank_rate=0.0, tables=strategies.TABLES))
def test_no_blanks_and_the_template_asked_for(report: Report) -> None:
    assert report.template == "2021" and isinstance(report.active, giar_parse.ActiveDisclosure2021)
    values = cells(report.active) + cells(report.requests) + cells(report.appeals)
    # a placeholder amount_text (无, -) is the one null a table without blanks prints
    assert sum(value is None for value in values) <= 1


@FEW
@given(strategies.reports(blank_rate=1.0, tables=("requests", "appeals"), consistent=False))
def test_blank_rate_one_blanks_every_cell_it_may(report: Report) -> None:
    # table 三 prints the one cell changed to break its row, and that row's 总计 as 0
    assert sum(value is not None for value in cells(report.requests)) == 2
    # table 四 blanks only the zeros of the groups that still add up
    assert report.appeals is not None


@FEW
@given(
    st.tuples(strategies.request_tables(consistent=False), strategies.appeal_tables(consistent=False)),
    st.tuples(strategies.request_tables(consistent=True), strategies.appeal_tables(consistent=True)),
)
def test_consistent_knob(broken: tuple[Any, Any], sound: tuple[Any, Any]) -> None:
    assert checks.check_requests(broken[0]) and checks.check_appeals(broken[1])
    assert not checks.check_requests(sound[0]) and not checks.check_appeals(sound[1])


@FEW
@given(strategies.reports(sections=("overview", "other"), tables=()))
def test_sections_and_tables_knobs(report: Report) -> None:
    assert [s.kind for s in report.sections] == ["overview", "other"]
    assert (report.active, report.requests, report.appeals) == (None, None, None)


@FEW
@given(strategies.request_tables(template="2021", parts=True), strategies.request_tables(template="2019"))
def test_parts_follow_the_template(parts: giar_parse.RequestTable, single: giar_parse.RequestTable) -> None:
    assert parts.other_handling is None and parts.other_handling_parts is not None
    assert single.other_handling is not None and single.other_handling_parts is None


@FEW
@given(strategies.amounts(default_unit="万元"))
def test_amount_is_derived_from_the_text(pair: tuple[Any, str]) -> None:
    amount, text = pair
    parsed = giar_parse.parse(f"第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t{text}\n")
    assert isinstance(parsed.active, giar_parse.ActiveDisclosure2021) and parsed.active.fees is not None
    assert (parsed.active.fees.amount, parsed.active.fees.amount_text) == (amount, text)


@pytest.mark.parametrize(
    "bad",
    [
        lambda: strategies.reports(template="2020"),  # type: ignore[arg-type]
        lambda: strategies.reports(blank_rate=1.5),
        lambda: strategies.reports(sections=("overview",), tables=()),
        lambda: strategies.reports(sections=("summary",)),
        lambda: strategies.request_tables(template="2019", parts=True),
        lambda: strategies.amounts(default_unit="美元"),
        lambda: strategies.report_texts(noise=("snow",)),
        lambda: strategies.report_texts(noise="chrome"),
        lambda: strategies.report_texts(layouts=()),
        lambda: strategies.report_texts(layouts=("tabs",)),  # type: ignore[arg-type]
        lambda: strategies.report_texts(layouts=Layout.TABS),  # type: ignore[arg-type]
        lambda: strategies.report_texts(report()),  # type: ignore[arg-type]
    ],
)
def test_bad_knobs_are_invalid_arguments(bad: Any) -> None:
    with pytest.raises(InvalidArgument):

        @given(bad())
        def draw(_: object) -> None:
            pass

        draw()


@FEW
@pytest.mark.parametrize("layout", list(Layout), ids=[layout.value for layout in Layout])
@given(drawn=st.data())
def test_report_texts_without_noise_are_the_rendered_report(layout: Layout, drawn: st.DataObject) -> None:
    one = report("2021", active=None) if layout is Layout.TABS else report()
    expected, text = drawn.draw(strategies.report_texts(st.just(one), layouts=(layout,), noise=False))
    assert text == giar_parse.render(one, layout=layout)
    assert giar_parse.parse(text) == expected


#: Each kind of noise and a layout it shows in (some shapes belong to some layouts only).
SHOWN_IN = {
    "punctuation": Layout.TABS,
    "spaces": Layout.TABS,
    "quotes": Layout.PIPES,
    "split_headers": Layout.TABS,
    "dropped_groups": Layout.LINES,
    "bookmarks": Layout.MARKDOWN,
    "chrome": Layout.BLANK_LINES,
    "traditional": Layout.GRID,
    "repeated_labels": Layout.TABS,
    "one_character_headers": Layout.LINES,
    "values_low": Layout.SPACED,
}


def test_every_noise_kind_is_listed_with_a_layout_it_shows_in() -> None:
    assert set(SHOWN_IN) == set(strategies.NOISE_KINDS)


@pytest.mark.parametrize("kind", strategies.NOISE_KINDS)
def test_each_noise_kind_changes_the_text_when_on(kind: str) -> None:
    layout = SHOWN_IN[kind]
    for template in ("2019", "2021"):
        drawn = report(template)
        plain = giar_parse.render(drawn, layout=layout)
        texts = {Noise({kind}, seed=seed).apply(drawn, layout) for seed in range(10)}
        assert texts - {plain}, f"{kind} left every text of the {template} template unchanged in {layout.value}"
        for text in texts:
            assert giar_parse.parse(text) == drawn


def test_values_low_moves_a_value_to_the_next_line_at_its_column() -> None:
    plain = giar_parse.render(report(), layout=Layout.SPACED).split("\n")
    low = Noise({"values_low"}, seed=3).apply(report(), Layout.SPACED).split("\n")
    alone = [line for line in low if line.strip() == "0"]
    assert alone and len(low) == len(plain) + len(alone)


def test_one_character_headers_print_table_four_header_a_character_a_line() -> None:
    text = Noise({"one_character_headers"}).apply(report(), Layout.LINES)
    assert "\t行\n\t政\n\t复\n\t议\n" in text


def test_traditional_labels_are_traditional() -> None:
    text = Noise({"traditional"}).apply(report(), Layout.GRID)
    assert "行政複議" in text and "總计" in text and "总计" not in text  # (计 has no entry: a mixed 總计)


@FEW
@given(strategies.report_texts(noise=False))
def test_report_texts_read_back(drawn: tuple[Report, str]) -> None:
    expected, text = drawn
    assert giar_parse.parse(text) == expected
