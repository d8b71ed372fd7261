"""Layout details the round trip found the parser getting wrong (each also an @example in the properties)."""

from __future__ import annotations

from decimal import Decimal

import giar_parse
import reports

PROCUREMENT = "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t{}\t{}\n"


def test_thousands_separators_are_not_enumerators() -> None:
    # 1,000 was folded as the enumerator "1." and read as 1 yuan
    report = giar_parse.parse(PROCUREMENT.format("1,024", "1,000"))
    procurement = report.active.procurement  # type: ignore[union-attr]
    assert procurement is not None
    assert (procurement.projects, procurement.amount, procurement.amount_text) == (1024, Decimal(1000), "1,000")
    assert giar_parse.parse(PROCUREMENT.format("0", "１２，５００万元")).active.procurement.amount == Decimal(  # type: ignore[union-attr]
        125_000_000
    )


APPEALS_HEADER = [
    ["行政复议", "行政诉讼"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3,
]
APPEALS = [*range(1, 15), None]  # the last cell (复议后起诉 总计) blank


def appeal_values(report: giar_parse.Report) -> list[int | None]:
    assert report.appeals is not None
    groups = (report.appeals.review, report.appeals.litigation, report.appeals.litigation_after_review)
    return [getattr(group, name) for group in groups for name in ("upheld", "corrected", "other", "pending", "total")]


def test_framed_pipe_row_keeps_a_blank_last_cell() -> None:
    # | … | 14 |  | lost its last, blank cell with the frame: 14 values for 15 columns
    rows = [*APPEALS_HEADER, ["" if v is None else str(v) for v in APPEALS]]
    text = "四、政府信息公开行政复议、行政诉讼情况\n" + "".join(f"| {' | '.join(r)} |\n" for r in rows)
    assert appeal_values(giar_parse.parse(text)) == APPEALS
    # an unframed row still drops its trailing padding (seed 003 style: 采购总金额 | |)
    unframed = "第二十条第(九)项 | |||\n信息内容 | 采购项目数量 | 采购总金额 | |\n政府集中采购 | 3 | 5元 | |\n"
    procurement = giar_parse.parse(unframed).active.procurement  # type: ignore[union-attr]
    assert procurement is not None and (procurement.projects, procurement.amount_text) == (3, "5元")


def test_blank_single_other_handling_row_is_a_row() -> None:
    # a 2019 （六）其他处理 row printing only blank cells was taken for the heading of the
    # 2021 sub-rows and dropped, with a false row.missing error
    text = giar_parse.render(reports.report(requests=reports.requests(0)))
    blank = text.replace("（六）其他处理\t0\t0\t0\t0\t0\t0\t0", "（六）其他处理" + "\t" * 7)
    parsed = giar_parse.parse(blank)
    assert parsed.requests is not None and parsed.requests.other_handling == reports.row(None)
    assert not [d for d in parsed.diagnostics if d.severity == "error"]
    # over its three 2021 sub-rows it is still the group heading
    parts = giar_parse.parse(giar_parse.render(reports.report("2021")))
    assert parts.requests is not None and parts.requests.other_handling is None
    assert parts.requests.other_handling_parts is not None


def test_blank_cells_on_a_header_line_are_not_values() -> None:
    # a header printed over two lines leaves a blank under 总计 at the end of the last
    # header line; read as the first value, it moved every value one column right
    values = [1, *[None] * 14]
    header = "\n".join("\t".join(r) for r in APPEALS_HEADER[:2])
    split = "结果\t结果\t其他\t尚未\t总计\n维持\t纠正\t结果\t审结\t"  # ends in a blank cell
    text = f"{header}\n{split}\n" + "\t".join("" if v is None else str(v) for v in values) + "\n"
    assert appeal_values(giar_parse.parse(text)) == values


def test_a_row_of_blank_cells_keeps_every_cell() -> None:
    header = "\n".join("\t".join(r) for r in APPEALS_HEADER)
    blank = [None] * 15
    # tabs: a line of 14 tabs is 15 blank cells, not one
    assert appeal_values(giar_parse.parse(f"{header}\n" + "\t" * 14 + "\n")) == blank
    # spaced: a row of one-character placeholders is cells, not a letter-spaced word
    spaced = "\n".join("  ".join(r) for r in APPEALS_HEADER) + "\n" + "  ".join(["-"] * 15) + "\n"
    assert appeal_values(giar_parse.parse(spaced)) == blank
    # letter-spaced headings still join: 行    政    诉    讼
    assert giar_parse.parse(spaced.replace("行政诉讼", "行    政    诉    讼")).appeals is not None
