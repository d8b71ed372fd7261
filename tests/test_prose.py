"""The figures the prose restates, compared with the tables (prose.mismatch).

Each phrase family is written into the overview of a real report (the bundled 2019-template
sample, or the 2021-template 平潭 2023 report in tests/data/2021) once with the table's own
number, which must be read and match silently, and once with another number, which must
give exactly one ``prose.mismatch`` naming the phrase, both numbers, the path and the line.
The near-misses print numbers that disagree with the table: any comparison would warn.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
import unicodedata
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import giar_parse
from conftest import SHARED_SAMPLES, seed_text
from giar_parse import strategies
from giar_parse.__main__ import main
from giar_parse.diagnostics import CODES
from giar_parse.reading import numerals, phrases, prose
from giar_parse.reading.normalise import simplify
from giar_parse.reading.numerals import Number, chinese_number, numbers
from giar_parse.reading.prose import figures

DATA = Path(__file__).parent / "data"
SAMPLE = giar_parse.sample_text()  # 重庆市 2020, 2019 template
PINGTAN = (DATA / "2021" / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")  # 2023, 2021 template


def with_overview(text: str, *lines: str) -> str:
    """The report with the body of 一、总体情况 replaced by ``lines``."""
    heading = text.index("一、总体情况\n") + len("一、总体情况\n")
    after = text.index("二、主动公开政府信息情况")
    after = text.rfind("\n", 0, after) + 1
    return text[:heading] + "".join(f"{line}\n" for line in lines) + text[after:]


def overview_line(text: str) -> int:
    return text[: text.index("一、总体情况\n")].count("\n") + 2


def parsed(text: str, *lines: str) -> giar_parse.Report:
    return giar_parse.parse(with_overview(text, *lines))


def mismatches(report: giar_parse.Report) -> list[giar_parse.Diagnostic]:
    return [d for d in report.diagnostics if d.code == "prose.mismatch"]


ORGANISATIONS = ("business", "research", "public_interest", "legal_services", "other_org")
BOTH_OPEN = "requests.disclosed.total+requests.partially_disclosed.total"
# (report text, the sentence with {n} for the number, the table's number, the path compared)
FAMILIES = [
    (SAMPLE, "全年共收到政府信息公开申请{n}件。", 5758, "requests.received.total"),
    (SAMPLE, "本年新收政府信息公开申请{n}件，办理情况良好。", 5758, "requests.received.total"),
    (SAMPLE, "全市共受理公开申请{n}件。", 5758, "requests.received.total"),
    (SAMPLE, "收到申请5758件，其中自然人{n}件。", 5330, "requests.received.natural_person"),
    (SAMPLE, "收到申请5758件，涉及商业企业{n}件。", 352, "requests.received.business"),
    (
        SAMPLE,
        "收到申请5758件，自然人5330件、法人或其他组织{n}件。",
        428,
        "+".join(f"requests.received.{c}" for c in ORGANISATIONS),
    ),
    (SAMPLE, "上年结转政府信息公开申请{n}件。", 173, "requests.carried_over.total"),
    (SAMPLE, "全年办结政府信息公开申请{n}件。", 5787, "requests.total.total"),
    (SAMPLE, "依法答复{n}件。", 5787, "requests.total.total"),
    (SAMPLE, "结转下年度继续办理{n}件。", 144, "requests.carried_forward.total"),
    (SAMPLE, "另有{n}件在法定期限内结转到下年度办理。", 144, "requests.carried_forward.total"),
    (SAMPLE, "办结5787件，其中予以公开{n}件。", 3887, "requests.disclosed.total"),
    (SAMPLE, "部分公开{n}件。", 242, "requests.partially_disclosed.total"),
    (SAMPLE, "在已办结的申请中，予以公开{n}件。", 3887, "requests.disclosed.total"),
    (SAMPLE, "予以公开及部分公开{n}件，公开率71.35%。", 4129, BOTH_OPEN),
    (SAMPLE, "不予公开{n}件。", 294, "requests.withheld.*.total"),
    (SAMPLE, "无法提供{n}件。", 1147, "requests.unavailable.*.total"),
    (SAMPLE, "不予处理{n}件。", 190, "requests.not_processed.*.total"),
    (SAMPLE, "其他处理{n}件。", 27, "requests.other_handling.total"),
    (SAMPLE, "因政府信息公开被申请行政复议{n}件。", 386, "appeals.review.total"),
    (
        SAMPLE,
        "因政府信息公开被提起行政诉讼{n}件。",
        648,
        "appeals.litigation.total+appeals.litigation_after_review.total",
    ),
    (SAMPLE, "涉及政府信息公开的案件中，未经复议直接起诉{n}件。", 564, "appeals.litigation.total"),
    (SAMPLE, "涉及政府信息公开的案件中，复议后提起行政诉讼{n}件。", 84, "appeals.litigation_after_review.total"),
    (
        SAMPLE,
        "因政府信息公开引起的行政复议和行政诉讼案件{n}件。",
        1034,
        "appeals.review.total+appeals.litigation.total+appeals.litigation_after_review.total",
    ),
    (SAMPLE, "本年新制作规范性文件{n}件。", 1332, "active.normative_documents.made"),
    (SAMPLE, "新公开规章{n}件。", 7, "active.regulations.published"),
    (SAMPLE, "作出行政许可决定{n}件。", 5189052, "active.licensing.decisions"),
    (SAMPLE, "行政处罚{n}件，", 4053811, "active.penalties.decisions"),
    (SAMPLE, "实施行政强制{n}件。", 72836, "active.coercion.decisions"),
    (PINGTAN, "本年制发行政规范性文件{n}件。", 77, "active.normative_documents.issued"),
    (PINGTAN, "废止规范性文件{n}件。", 132, "active.normative_documents.repealed"),
    (PINGTAN, "现行有效行政规范性文件{n}件。", 470, "active.normative_documents.in_force"),
    (PINGTAN, "规章本年制发{n}件。", 0, "active.regulations.issued"),
    (PINGTAN, "行政许可{n}件、", 2629, "active.licensing.decisions"),
    (PINGTAN, "其他处理{n}件。", 2, "requests.other_handling_parts.*.total"),
    (PINGTAN, "收到申请81件，涉及自然人{n}件。", 80, "requests.received.natural_person"),
    (PINGTAN, "全年办理政府信息公开申请{n}件。", 81, "requests.total.total"),
]


# the overview has spoken of 申请 before: 办结 / 不予公开 … N件 are about applications
CONTEXT = "全年依法办理政府信息公开申请，答复及时规范。"


@pytest.mark.parametrize(("text", "sentence", "number", "path"), FAMILIES, ids=[f[1] for f in FAMILIES])
def test_a_restated_number_matches_silently(text: str, sentence: str, number: int, path: str) -> None:
    report = parsed(text, CONTEXT, sentence.format(n=number))
    found = [f for f in report.prose_figures if f.number == number and f.path == path]
    assert len(found) == 1, report.prose_figures
    assert found[0].table == number and found[0].line == overview_line(text) + 1
    assert mismatches(report) == []


@pytest.mark.parametrize(("text", "sentence", "number", "path"), FAMILIES, ids=[f[1] for f in FAMILIES])
def test_a_contradicting_number_gives_one_warning(text: str, sentence: str, number: int, path: str) -> None:
    report = parsed(text, CONTEXT, sentence.format(n=number + 1))
    (warning,) = mismatches(report)
    assert warning.severity == "warning" and warning.path == path
    assert warning.line == overview_line(text) + 1
    phrase = next(f.phrase for f in report.prose_figures if f.path == path)
    assert f"“{phrase}”" in warning.message and f"{number + 1}" in phrase
    assert f"({number + 1})" in warning.message and f"has {number} at {path}" in warning.message


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("一百七十三", 173),
        ("１７３", 173),  # full-width digits
        ("173", 173),
    ],
)
def test_numbers_in_chinese_numerals_and_full_width_digits(written: str, number: int) -> None:
    report = parsed(SAMPLE, f"上年结转政府信息公开申请{written}件。")
    assert [(f.number, f.table) for f in report.prose_figures] == [(number, 173)]


def test_thousands_separators_where_the_clauses_use_full_width_commas() -> None:
    report = parsed(SAMPLE, "全年共收到政府信息公开申请5,758件，办结5,787件。")
    assert [(f.number, f.table) for f in report.prose_figures] == [(5758, 5758), (5787, 5787)]
    # where "," also separates clauses, "3,100件" may be 3 and 100: not read
    report = parsed(SAMPLE, "上年结转申请173件,办结5,787件。")
    assert [f.number for f in report.prose_figures] == [173]


def test_chinese_numerals() -> None:
    written = ("十", "十五", "二十三", "一百零五", "两千", "三千零二十")
    assert [chinese_number(t) for t in written] == [10, 15, 23, 105, 2000, 3020]
    assert [chinese_number(t) for t in ("", "二二", "百", "千", "一二三", "十十")] == [None] * 6


def test_money_compares_exactly_at_the_tables_precision() -> None:
    report = parsed(PINGTAN, "全年行政事业性收费5949.088667万元。")
    assert [(f.number, f.table) for f in report.prose_figures] == [(Decimal("59490886.67"), Decimal("59490886.67"))]
    # in yuan to the fen: the table's precision (0.000001万元) too
    assert [f.table for f in parsed(PINGTAN, "行政事业性收费59490886.67元。").prose_figures] == [Decimal("59490886.67")]
    report = parsed(PINGTAN, "全年行政事业性收费5949.088668万元。")
    (warning,) = mismatches(report)
    assert warning.path == "active.fees.amount" and "59490886.68 yuan" in warning.message
    # rounded in the prose: not the table's precision, so not compared (and no warning)
    for rounded in ("5949.09万元", "5949万元", "59490887元", "5949.0887万元"):
        report = parsed(PINGTAN, f"全年行政事业性收费{rounded}。")
        assert [f.table for f in report.prose_figures] == [None], rounded
        assert mismatches(report) == []


NEAR_MISSES = [
    "全年共收到政府信息公开申请较上年增加12件。",
    "收到政府信息公开申请同比增长100件。",
    "全年共收到政府信息公开申请约6000件。",
    "全年共收到政府信息公开申请5000余件。",
    "全年共收到政府信息公开申请5000多件。",
    "全年共收到政府信息公开申请超过5000件。",
    "全年共收到政府信息公开申请5000件左右。",
    "全年共收到政府信息公开申请5000件以上。",
    "全年共收到政府信息公开申请5000-6000件。",
    "全年共收到政府信息公开申请五千至六千件。",
    "全年共收到政府信息公开申请0.6万件。",
    "2019年收到政府信息公开申请4000件。",
    "二〇一九年收到政府信息公开申请4000件。",
    "1-6月收到政府信息公开申请3000件。",
    "第一季度收到政府信息公开申请1000件。",
    "上年收到政府信息公开申请4000件。",
    "累计收到政府信息公开申请40000件。",
    "平均每月收到政府信息公开申请480件。",
    "市本级收到政府信息公开申请300件。",
    "各区县政府部门共收到政府信息公开申请3000件。",
    "市政府办公室共收到政府信息公开申请300件，各区县共收到5000件。",  # parts named in the sentence
    "本年全区新制作规范性文件1000件，以区政府名义新制作行政规范性文件15件。",
    "全年共收到政府信息公开申请6000件，其中上年结转173件。",
    "全年共收到政府信息公开申请6000件（含上年结转申请100件）。",
    "收到申请5758件，其中予以公开100件。",  # of the new applications only: the table counts 上年结转 too
    "收到申请6000件，其中本年新收5000件。",
    "因属于国家秘密而不予公开10件。",
    "对属于信访举报投诉类申请的不予处理20件。",
    "依申请公开答复率为100%，予以公开率51.85%。",
    "行政复议和行政诉讼分别为3件、5件。",
    "清理出现行有效规范性文件393件。",
    "全年收取信息处理费3940元。",
    "第3件申请予以公开。",
    "梳理并公开“一件事一次办”事项41项。",
    "全年办理政府信息公开申请5000件。",  # 办理: 总计 or 新收 + 上年结转, which differ here
    "按时答复100件。",
    "行政许可事项683项，受理行政许可申请3件。",
    "通过网上平台收到政府信息公开申请60件。",  # one channel: a part of the applications
    "市场监管局作出行政处罚1200件。",  # another body's figure
    "全年办理行政复议案件120件，其中政府信息公开类20件。",  # the agency as the review body
    "行政复议2件。",  # not said to be about 信息公开
    "受理的6000件申请中，予以公开100件。",  # of the new applications only
    "收到涉及政府信息公开的行政复议申请20件。",  # as the review body
]


@pytest.mark.parametrize("sentence", ["人大代表建议办结58件。", "对涉密事项不予公开10件。", "结转下年度办理20件。"])
def test_words_of_table_three_need_applications_in_the_prose(sentence: str) -> None:
    # with no 申请 in the sentence or just before it, 办结 / 不予公开 / 结转 N件 may count anything
    report = parsed(SAMPLE, sentence)
    assert report.prose_figures == () and mismatches(report) == []


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_near_misses_are_not_compared(sentence: str) -> None:
    # every number of these sentences differs from the table's: any comparison would warn
    report = parsed(SAMPLE, sentence)
    assert mismatches(report) == []
    assert all(f.table == f.number for f in report.prose_figures if f.table is not None)


def test_a_quantity_the_prose_gives_twice_differently_is_not_compared() -> None:
    report = parsed(SAMPLE, "全年收到申请5758件。", "市政务服务中心收到申请5000件。")
    assert [(f.number, f.table) for f in report.prose_figures] == [(5758, None), (5000, None)]
    assert mismatches(report) == []


def test_a_blank_table_cell_is_not_compared() -> None:
    text = with_overview(SAMPLE, "全年收到申请5000件。").replace("\t5758\n", "\t\n", 1)
    report = giar_parse.parse(text)
    assert [(f.number, f.table) for f in report.prose_figures] == [(5000, None)]
    assert mismatches(report) == []


def test_a_template_without_the_column_is_not_compared() -> None:
    # 2021 words in a 2019-template report, and the other way round: not read
    assert parsed(SAMPLE, "本年制发规范性文件5件，行政事业性收费5万元。").prose_figures == ()
    assert parsed(PINGTAN, "本年新制作规范性文件5件。").prose_figures == ()


def test_the_phrase_keeps_its_line_over_wrapped_lines() -> None:
    report = parsed(SAMPLE, "2020年，全市共受理政府信息公开申", "请 5 759 件，办结 5787", "件。")  # fmt: skip
    first = overview_line(SAMPLE)
    # "5 759" is two numbers: nothing read from it
    assert [(f.phrase, f.line) for f in report.prose_figures] == [("办结5787件", first + 1)]
    report = parsed(SAMPLE, "2020年，全市共受理政府信息公开申", "请 5759 件。")
    (warning,) = mismatches(report)
    assert warning.line == first and "受理政府信息公开申请5759件" in warning.message


def test_sections_five_and_six_are_not_read() -> None:
    text = SAMPLE.replace("六、其他需要报告的事项\n无。\n", "六、其他需要报告的事项\n全年收到申请5000件。\n")
    report = giar_parse.parse(text)
    assert all(f.number != 5000 for f in report.prose_figures)


@given(st.text(max_size=300))
@example("收到申请" * 40 + "81件")
@example("予以公开及部分公开" + "、" * 200 + "1件")
def test_arbitrary_prose_never_raises(text: str) -> None:
    for template in ("2019", "2021"):
        for claim in figures([(list(range(1, text.count("\n") + 2)), text.split("\n"))], year=2020, template=template):
            assert claim.line >= 1 and claim.phrase


_WORDS = st.sampled_from(
    ["收到", "申请", "予以公开", "部分公开", "及", "不予公开", "其中", "含", "结转", "下年度", "上年", "行政复议",
     "诉讼", "自然人", "办理", "办结", "万元", "件", "起", "约", "余", "，", "、", "；", "。", "(", ")", "2020年",
     "十", "二", "百", "0", "7", "81", "5,758", "3.5", " ", "\n"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=60).map("".join))
def test_prose_made_of_the_grammars_words_never_raises(text: str) -> None:
    report = parsed(SAMPLE, *text.split("\n"))
    assert all(f.line >= 1 for f in report.prose_figures)


def test_the_code_is_registered_as_a_warning() -> None:
    assert CODES["prose.mismatch"].severity == "warning"


def test_csv_and_the_diagnostics_file_show_the_warning(tmp_path: Path) -> None:
    clean = giar_parse.to_records(giar_parse.parse(SAMPLE))
    text = SAMPLE.replace("申请5758件", "申请5759件")
    rows = giar_parse.to_records(giar_parse.parse(text))
    assert {row["warnings"] for row in rows} == {clean[0]["warnings"] + 1}
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    out, diagnostics = tmp_path / "cells.csv", tmp_path / "diagnostics.jsonl"
    # a warning, not an error: --strict still counts the report as parsed
    assert main([str(path), "--format", "csv", "-o", str(out), "--diagnostics", str(diagnostics), "--strict"]) == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {row["warnings"] for row in table} == {str(clean[0]["warnings"] + 1)}
    lines = [json.loads(line) for line in diagnostics.read_text(encoding="utf-8").splitlines()]
    (found,) = [line for line in lines if line["code"] == "prose.mismatch"]
    assert found["severity"] == "warning" and found["path"] == "requests.received.total" and found["line"] == 12


def test_json_carries_the_figures() -> None:
    data = giar_parse.to_dict(giar_parse.parse(SAMPLE))
    (figure,) = data["prose_figures"]
    assert figure == {
        "phrase": "接收政府信息公开申请5758件",
        "number": 5758,
        "path": "requests.received.total",
        "line": 12,
        "table": 5758,
    }


# --- the property: a drawn report whose overview restates its own numbers ----------------------

PREFACE = (
    "本机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外，"
    "持续深化政务公开工作，依法办理政府信息公开申请，现将本年度有关情况报告如下。"
)
WITHHELD = ("withheld", "unavailable", "not_processed")


def _group_total(group: object) -> int | None:
    """The sum of a group's rows' 总计, or None where one is not printed."""
    totals = [getattr(row, "total", None) for row in attrs.astuple(group, recurse=False)]
    return None if any(t is None for t in totals) else sum(t for t in totals if t is not None)


def restatements(report: giar_parse.Report) -> list[tuple[str, str, int | Decimal]]:
    """(path, sentence with {n}, number) for every quantity of the tables that prints a number."""
    out: list[tuple[str, str, int | Decimal]] = []

    def say(path: str, sentence: str, number: int | Decimal | None) -> None:
        if number is not None:
            out.append((path, sentence, number))

    requests, appeals, active = report.requests, report.appeals, report.active
    if requests is not None:
        for name, sentence in (
            ("received", "全年共收到政府信息公开申请{n}件"),
            ("carried_over", "上年结转政府信息公开申请{n}件"),
            ("total", "全年办结政府信息公开申请{n}件"),
            ("carried_forward", "结转下年度继续办理{n}件"),
            ("disclosed", "予以公开{n}件"),
            ("partially_disclosed", "部分公开{n}件"),
        ):
            say(f"requests.{name}.total", sentence, getattr(getattr(requests, name), "total", None))
        for name, words in zip(WITHHELD, ("不予公开", "无法提供", "不予处理"), strict=True):
            say(f"requests.{name}.*.total", words + "{n}件", _group_total(getattr(requests, name)))
        if requests.other_handling is not None:
            say("requests.other_handling.total", "其他处理{n}件", requests.other_handling.total)
        elif requests.other_handling_parts is not None:
            say("requests.other_handling_parts.*.total", "其他处理{n}件", _group_total(requests.other_handling_parts))
    if appeals is not None:
        say("appeals.review.total", "因政府信息公开被申请行政复议{n}件", appeals.review.total)
        direct, after = appeals.litigation.total, appeals.litigation_after_review.total
        sued = None if direct is None or after is None else direct + after
        say("appeals.litigation.total+appeals.litigation_after_review.total", "因政府信息公开被提起行政诉讼{n}件", sued)
    if isinstance(active, giar_parse.ActiveDisclosure2019):
        say(
            "active.normative_documents.made",
            "本年新制作规范性文件{n}件",
            getattr(active.normative_documents, "made", None),
        )
        say("active.regulations.published", "新公开规章{n}件", getattr(active.regulations, "published", None))
    if isinstance(active, giar_parse.ActiveDisclosure2021):
        say(
            "active.normative_documents.issued",
            "本年制发行政规范性文件{n}件",
            getattr(active.normative_documents, "issued", None),
        )
        say("active.regulations.in_force", "现行有效规章{n}件", getattr(active.regulations, "in_force", None))
        fees = active.fees
        if fees is not None and fees.amount is not None and re.fullmatch(r"\d+(\.\d+)?", fees.amount_text or ""):
            say("active.fees.amount", "全年行政事业性收费{n}万元", Decimal(fees.amount_text or "0"))
    if active is not None:
        for name, words in (("licensing", "作出行政许可决定"), ("penalties", "行政处罚"), ("coercion", "实施行政强制")):
            say(f"active.{name}.decisions", words + "{n}件", getattr(getattr(active, name), "decisions", None))
    return out


def with_restated_overview(report: giar_parse.Report, numbers: list[int | Decimal]) -> giar_parse.Report:
    said = restatements(report)
    body = PREFACE + "".join(f"{sentence.format(n=n)}。" for (_, sentence, _), n in zip(said, numbers, strict=True))
    overview = giar_parse.Section(1, "overview", "总体情况", body)
    return attrs.evolve(report, sections=(overview, *(s for s in report.sections if s.number != 1)))


def _bumped(number: int | Decimal) -> int | Decimal:
    """Another number printed to the same precision."""
    if isinstance(number, int):
        return number + 1
    return number + Decimal(1).scaleb(number.as_tuple().exponent)  # type: ignore[arg-type]


DRAWN = strategies.reports(tables=strategies.TABLES, sections=("overview", "active_disclosure", "requests", "appeals"))


@given(drawn=DRAWN, which=st.integers(0, 40), layout=st.sampled_from([giar_parse.Layout.TABS, giar_parse.Layout.LINES]))
def test_an_overview_restating_the_tables_gives_no_mismatch_and_one_changed_number_gives_one(
    drawn: giar_parse.Report, which: int, layout: giar_parse.Layout
) -> None:
    said = restatements(drawn)
    numbers = [number for _, _, number in said]
    report = giar_parse.parse(giar_parse.render(with_restated_overview(drawn, numbers), layout=layout))
    assert mismatches(report) == []
    compared = {f.path for f in report.prose_figures if f.table is not None and f.table == f.number}
    assert compared == {path for path, _, _ in said}
    if not said:
        return
    which %= len(said)
    numbers[which] = _bumped(numbers[which])
    report = giar_parse.parse(giar_parse.render(with_restated_overview(drawn, numbers), layout=layout))
    (warning,) = mismatches(report)
    assert warning.path == said[which][0]


# --- the seeds and the development reports ----------------------------------------------------------

#: Per report: (phrases read, compared, mismatched) — checked by hand against the texts (docs/prose.md).
SEED_FIGURES = {
    "000_bd42eb570d158966": (5, 5, 0),
    "001_a256bd59c98b6bc9": (1, 1, 0),
    "002_e299ec6f40b1d0d2": (0, 0, 0),
    "003_c3fc7b873e2e73f4": (3, 3, 1),
    "004_7d9c962fed462d95": (1, 0, 0),
}


def counts(report: giar_parse.Report) -> tuple[int, int, int]:
    compared = [f for f in report.prose_figures if f.table is not None]
    return len(report.prose_figures), len(compared), len([f for f in compared if f.table != f.number])


@pytest.mark.parametrize(("seed", "expected"), SEED_FIGURES.items())
def test_the_seeds_figures(seed: str, expected: tuple[int, int, int]) -> None:
    report = giar_parse.parse(seed_text(seed))
    assert counts(report) == expected
    assert len(mismatches(report)) == expected[2]


def test_seed_003_says_it_answered_71_where_its_table_answers_74() -> None:
    report = giar_parse.parse(seed_text("003_c3fc7b873e2e73f4"))
    (warning,) = mismatches(report)
    assert warning.message == "the prose says “答复依申请公开件71件” (71), but table 三 has 74 at requests.total.total"
    assert warning.line == 3
    assert report.requests is not None and report.requests.received is not None
    assert report.requests.received.total == 71  # the prose's number is the table's 新收


def test_seed_000_counts_in_qi_and_reads_the_carried_forward_number_before_its_words() -> None:
    report = giar_parse.parse(seed_text("000_bd42eb570d158966"))
    assert [(f.phrase, f.table) for f in report.prose_figures] == [
        ("收到公开申请15起", 15),
        ("办结14起", 14),
        ("1起在法定时限内结转到下年", 1),
        ("办结的14起", 14),
        ("部分公开7起", 7),
    ]


def test_the_2021_development_report_restates_twelve_figures_that_all_match() -> None:
    report = giar_parse.parse((DATA / "2021" / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8"))
    assert counts(report) == (12, 12, 0)
    paths = [f.path for f in report.prose_figures]
    assert "requests.other_handling_parts.*.total" in paths
    assert "appeals.litigation.total+appeals.litigation_after_review.total" in paths


SHARED_FORMS = sorted(SHARED_SAMPLES.glob("*.txt")) if SHARED_SAMPLES.is_dir() else []


@pytest.mark.skipif(not SHARED_SAMPLES.is_dir(), reason="../shared/samples is not beside this checkout")
@pytest.mark.parametrize("path", SHARED_FORMS, ids=[p.name for p in SHARED_FORMS])
def test_every_text_form_of_a_development_report_reads_the_same_figures(path: Path) -> None:
    report = giar_parse.parse(path.read_text(encoding="utf-8"))
    expected = {"huaian-gov-2024": (5, 5, 0), "pingtan-gov-2023": (12, 12, 0), "pingtan-gov-2024": (2, 2, 0)}
    assert counts(report) == expected[path.name.split(".")[0]]


@pytest.mark.parametrize(
    "unit",
    [
        "收到政府信息公开申请81件，其中自然人80件、",  # figures, one nested part after another
        "申请" * 20 + "1件" + "，" * 5,  # a filler at its longest
        "予以公开及部分公开" + "、" * 30 + "2件",
        "现行有效行政规范性文件" * 3 + "5" * 30 + "件",
        "2020年收到申请1件，",  # sentences of another year
    ],
)
def test_a_megabyte_of_prose_without_a_full_stop_is_read_in_linear_time(unit: str) -> None:
    body = unit * (1_000_000 // len(unit.encode("utf-8")))
    start = time.perf_counter()
    figures([(list(range(1, 2)), [body])], year=2020, template="2021")
    assert time.perf_counter() - start < 10  # about 0.1 s: a quadratic pass would take hours


def test_a_phrase_pattern_must_start_with_words_the_grammar_can_see() -> None:
    # the grammar's look-ahead is built from the characters each pattern can start with
    assert phrases._first_characters(r"(?:予以)?部分公开") == {"予", "部"}
    with pytest.raises(ValueError, match="must start with"):
        phrases._first_characters(r"\d+件")


# --- the phrase look-up against the grammar read declaratively -------------------------------------


def reference_phrase(window: str, template: str) -> phrases.Phrase | None:
    """The earliest start where some family's pattern ends the window; its first family in order, if no other's."""
    alternatives = [(family, source) for family in phrases.FAMILIES for source in family.patterns]
    for start in range(len(window)):
        found = [
            (family, match) for family, source in alternatives if (match := re.compile(source).match(window, start))
        ]
        if not found:
            continue
        family, match = found[0]
        if template not in family.templates or any(other is not family for other, _ in found):
            return None
        return phrases.Phrase(family, start, match.groupdict())
    return None


# the literal words of the grammar's patterns, and marks of clauses
_PHRASE_WORDS = sorted(
    {word for family in phrases.FAMILIES for source in family.patterns for word in re.findall(r"[一-鿿、:]+", source)}
    | {"，", ";", "(", "1件", "中"}
)


@given(st.lists(st.sampled_from(_PHRASE_WORDS), max_size=8).map("".join), st.sampled_from(["2019", "2021"]))
@example("因政府信息公开被申请行政复议", "2019")  # 行: ten patterns can start there
@example("共收到申请，其中法人或其他组织", "2021")  # the part an applicant names
@example("行政复议和行政诉讼", "2021")
def test_the_phrase_look_up_reads_as_the_grammar_says(window: str, template: str) -> None:
    # the search finds where a phrase starts; which family, and whether two read there, is found from that character
    assert phrases.phrase(window, template) == reference_phrase(window, template)


@pytest.mark.parametrize("first", [True, False], ids=["first", "last"])
def test_words_two_families_read_are_read_as_neither(first: bool) -> None:
    # no two families of the grammar read the same words; one that does puts both in doubt
    either = phrases._family("outcome", "requests.either.total", r"(?:不予|予以)公开(?:的)?(?:申请)?" + phrases._GLUE)
    grammar = phrases.FAMILIES
    phrases.FAMILIES = (either, *grammar) if first else (*grammar, either)
    try:
        phrases._grammar.cache_clear()
        for window in (
            "依法不予公开",
            "共有予以公开的申请",
            "予以部分公开",
            "不予处理的申请共",
            "其中予以公开和部分公开",
        ):
            assert phrases.phrase(window, "2021") == reference_phrase(window, "2021"), window
        assert phrases.phrase("依法不予公开", "2021") is None and phrases.phrase("予以部分公开", "2021") is not None
    finally:
        phrases.FAMILIES = grammar
        phrases._grammar.cache_clear()


# a year as the prose pass read it before its quick scan: a look-behind at every position
_YEAR_AT_EVERY_POSITION = re.compile(
    r"(?<![\d〇零一二三四五六七八九])((?:19|20)\d{2}|[一二][〇零一二三四五六七八九]{3})年"
)
_NESTING_WORDS = ["其中", "含", "包括", "包含", "中", "另有", "此外", "另外", ")", "在已办结的申请", "其他", "包", "另"]
_YEAR_WORDS = ["2020", "2019", "19", "20", "1", "0", "٢", "二〇二〇", "二〇一九", "一", "〇", "二", "年", "年度", "上"]
_PART_OF_YEAR_WORDS = ["上半年", "下半", "季度", "第一季", "月份", "本月", "1-6月", "12月31日", "月", "十", "日", "份"]


_QUICK_SCAN_WORDS = _YEAR_WORDS + _NESTING_WORDS + _PART_OF_YEAR_WORDS + ["，", ":", "收到申请"]


@given(st.lists(st.sampled_from(_QUICK_SCAN_WORDS), max_size=12).map("".join))
@example("12020年")
@example("二〇一九年和2020年")
@example("第一季度")
@example("1-6月，其中")
def test_the_quick_scans_of_the_prose_pass_miss_nothing(text: str) -> None:
    years = [
        int(printed.translate(str.maketrans("〇零一二三四五六七八九", "00123456789")))
        for printed in _YEAR_AT_EVERY_POSITION.findall(text)
    ]
    for year in (2020, None):
        assert prose._other_year(text, year) == any(printed != year for printed in years)
    assert phrases.part_of_year(text) == (phrases.PART_OF_YEAR.search(text) is not None)
    if not ("中," in text or "中，" in text or "中:" in text):  # 在已办结的申请中，…: 中 before a clause mark
        assert phrases.WITHIN.search(text) is None
    if prose._NESTING.search(text) is None:  # then no words of nesting are in the window
        assert not (phrases.NESTED.search(text) or phrases.UNNESTED.search(text) or phrases.WITHIN.search(text))


def test_prose_over_many_lines_is_read_in_linear_time() -> None:
    # each sentence is found, folded and placed on its lines from where the one before ended
    def seconds(copies: int) -> float:
        lines = ["全年共收到政府信息公开申请81件，其中予以公开80件。", "依法依规做好政府信息公开工作。" * 30] * copies
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            figures([(list(range(1, len(lines) + 1)), lines)], year=2020, template="2021")
            best = min(best, time.perf_counter() - start)
        return best

    assert seconds(4_000) < 8 * seconds(1_000)  # 4 times the prose: 4 times the time, not 16


def reference_candidates(raw: str) -> list[int]:
    """Each unit (件 起 宗 元) whose nearest character before it, past four spaces, 万, 亿, 余 or 多, is a digit."""
    found = []
    for at, unit in enumerate(raw):
        if unit in "件起宗元":
            before = at - 1
            while before > max(0, at - 5) and raw[before] in " \t\u3000\xa0万亿余多":
                before -= 1
            if before >= 0 and (raw[before].isdigit() or raw[before] in "零〇一二两三四五六七八九十百千"):
                found.append(at)
    return found


def reference_numbers(text: str) -> list[Number]:
    """Each unit after the run of digits it ends (24 characters at most), read by the numerals' pattern."""
    found = []
    for at, unit in enumerate(text):
        if unit not in "件起宗元":
            continue
        printed, end = (
            (text[at - 1] + unit, at - 1) if unit == "元" and text[at - 1 : at] in ("万", "亿") else (unit, at)
        )
        start = end
        while start > max(0, end - 24) and text[start - 1] in "0123456789,.零〇一二两三四五六七八九十百千万亿余多":
            start -= 1
        match = numerals._VALUE.search(text, start, end) if start < end else None
        if match is not None:
            found.append(Number(match.start(), at + 1, match["value"], match["scale"], match["about"], printed))
    return sorted(found)


_UNIT_TEXT = st.text(alphabet="件起宗元文诉 \t\u3000\xa0万亿余多一二十百〇0123456789²①a,.，", max_size=40)


@given(_UNIT_TEXT)
@example("1     件")
@example("文件3.1万件、5949.09万元、2亿元")
@example("9" * 30 + "件" + "1,234" * 6 + "万元")  # the run of digits is read back 24 characters
def test_a_number_before_a_unit_is_found_where_one_look_back_decides(text: str) -> None:
    # a unit after a word (文件, 起诉) is passed at one look: the scan back is only after a digit or a space
    assert prose._candidates(text) == reference_candidates(text)
    assert numbers(text) == reference_numbers(text)


def reference_fold(text: str) -> str:
    """The fold in one NFKC pass and, where it leaves a space or tab, two substitutions: digits apart, no spaces."""
    text = simplify(unicodedata.normalize("NFKC", text.replace("，", "\ue000")))
    if " " in text or "\t" in text:
        text = re.sub(r"\s+", "", re.sub(r"(?<=\d)\s+(?=\d)", "\ue001", text))
    return text.replace("\ue000", "，")


@given(st.text(alphabet="3119 \t\u3000\xa0\u2028，,（）：１２萬開件申请", max_size=30))
@example("共 3 119 件， 其中  2件")
def test_the_fold_drops_spaces_but_between_digits(text: str) -> None:
    assert prose._fold(text) == reference_fold(text)
