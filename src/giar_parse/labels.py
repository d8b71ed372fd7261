"""The official Chinese label of every key: section headings, table rows and columns.

These are the canonical wordings of the templates (``spec/format.md``).  The parser
matches many variants of them (see ``grammar.lark``); ``giar_parse.render`` prints
these, and the documentation's data guide is generated from them.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACTIVE_CAPTIONS",
    "ACTIVE_COLUMNS_2019",
    "ACTIVE_COLUMNS_2021",
    "ACTIVE_ROWS_2019",
    "ACTIVE_ROWS_2021",
    "APPEAL_COLUMNS",
    "APPEAL_GROUPS",
    "REQUEST_COLUMNS",
    "REQUEST_GROUPS",
    "REQUEST_NOTE",
    "REQUEST_ROWS",
    "SECTIONS",
]

#: Section kind → (number, canonical heading without the numeral).
SECTIONS: Final = {
    "overview": (1, "总体情况"),
    "active_disclosure": (2, "主动公开政府信息情况"),
    "requests": (3, "收到和处理政府信息公开申请情况"),
    "appeals": (4, "政府信息公开行政复议、行政诉讼情况"),
    "problems": (5, "存在的主要问题及改进情况"),
    "other": (6, "其他需要报告的事项"),
}

#: Table 二 row key → (第二十条 item, row label), 2019 template, in printed order.
ACTIVE_ROWS_2019: Final = {
    "regulations": ("一", "规章"),
    "normative_documents": ("一", "规范性文件"),
    "licensing": ("五", "行政许可"),
    "other_services": ("五", "其他对外管理服务事项"),
    "penalties": ("六", "行政处罚"),
    "coercion": ("六", "行政强制"),
    "fees": ("八", "行政事业性收费"),
    "procurement": ("九", "政府集中采购"),
}

#: Table 二 row key → (第二十条 item, row label), 2021 template, in printed order.
ACTIVE_ROWS_2021: Final = {
    "regulations": ("一", "规章"),
    "normative_documents": ("一", "行政规范性文件"),
    "licensing": ("五", "行政许可"),
    "penalties": ("六", "行政处罚"),
    "coercion": ("六", "行政强制"),
    "fees": ("八", "行政事业性收费"),
}

#: 第二十条 item → the block caption.
ACTIVE_CAPTIONS: Final = {item: f"第二十条第（{item}）项" for item in ("一", "五", "六", "八", "九")}

#: Table 二 columns per 第二十条 item in the 2019 template (field → header label).
ACTIVE_COLUMNS_2019: Final = {
    "一": {"made": "本年新制作数量", "published": "本年新公开数量", "total": "对外公开总数量"},
    "五": {"previous": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量"},
    "六": {"previous": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量"},
    "八": {"previous": "上一年项目数量", "change": "本年增/减"},
    "九": {"projects": "采购项目数量", "amount": "采购总金额"},
}

#: Table 二 columns per 第二十条 item in the 2021 template (field → header label).
ACTIVE_COLUMNS_2021: Final = {
    "一": {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数"},
    "五": {"decisions": "本年处理决定数量"},
    "六": {"decisions": "本年处理决定数量"},
    "八": {"amount": "本年收费金额（单位：万元）"},
}

#: The top-left note of table 三.
REQUEST_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

#: Table 三 column key → label (the five organisation columns sit under 法人或其他组织).
REQUEST_COLUMNS: Final = {
    "natural_person": "自然人",
    "business": "商业企业",
    "research": "科研机构",
    "public_interest": "社会公益组织",
    "legal_services": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}

#: Table 三 group key → group label (row-span labels that carry no numbers).
REQUEST_GROUPS: Final = {
    "outcomes": "三、本年度办理结果",
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling_parts": "（六）其他处理",
}

#: Table 三 row key path → row label, in printed order (both templates).
REQUEST_ROWS: Final = {
    "received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "disclosed": "（一）予以公开",
    "partially_disclosed": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld.state_secret": "1.属于国家秘密",
    "withheld.prohibited_by_law": "2.其他法律行政法规禁止公开",
    "withheld.security_stability": "3.危及“三安全一稳定”",
    "withheld.third_party": "4.保护第三方合法权益",
    "withheld.internal_affairs": "5.属于三类内部事务信息",
    "withheld.process_information": "6.属于四类过程性信息",
    "withheld.enforcement_files": "7.属于行政执法案卷",
    "withheld.administrative_queries": "8.属于行政查询事项",
    "unavailable.not_held": "1.本机关不掌握相关政府信息",
    "unavailable.needs_creation": "2.没有现成信息需要另行制作",
    "unavailable.unclear": "3.补正后申请内容仍不明确",
    "not_processed.complaints": "1.信访举报投诉类申请",
    "not_processed.duplicates": "2.重复申请",
    "not_processed.publications": "3.要求提供公开出版物",
    "not_processed.excessive": "4.无正当理由大量反复申请",
    "not_processed.reconfirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_handling": "（六）其他处理",
    "other_handling_parts.no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_handling_parts.unpaid_fees": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_handling_parts.other": "3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}

#: Table 四 group key → label.
APPEAL_GROUPS: Final = {
    "review": "行政复议",
    "litigation": "行政诉讼 → 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 → 复议后起诉",
}

#: Table 四 column key → label (the same five in each group).
APPEAL_COLUMNS: Final = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
