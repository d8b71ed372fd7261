"""Layout details the round trip found the parser getting wrong (each also an @example in the properties)."""

from __future__ import annotations

from decimal import Decimal

import giar_parse

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
