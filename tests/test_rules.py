"""Extraction rules stated in the gold schema's conventions, each on a small text written for it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from policykg.extract.document import extract_document
from policykg.extract.validity import find_validity
from policykg.parse.document import parse_document
from policykg.read.source import SourceText


def extract(text: str):
    return extract_document(parse_document(SourceText("t.txt", "t.txt", text, "utf-8", "0" * 64)))


def units(text: str) -> dict[str, tuple[list[str], list[str], bool]]:
    found = extract(text).units
    return {p: ([m.name for m in u.lead], [m.name for m in u.responsible], u.open_ended) for p, u in found.items() if not u.empty}


@pytest.mark.parametrize(
    ("statement", "lead", "responsible"),
    [
        ("（市科技局牵头，市财政局配合）", ["市科技局"], ["市财政局"]),
        ("（市科技局负责）", [], ["市科技局"]),
        ("（牵头考核单位：市发展改革委；配合单位：市财政局、市统计局）", ["市发展改革委"], ["市财政局", "市统计局"]),
        ("（牵头单位：省科技厅，责任单位：省财政厅）", ["省科技厅"], ["省财政厅"]),
        ("（责任单 位：市 发展改革委、市工业和\n\n信息化局）", [], ["市发展改革委", "市工业和信息化局"]),
        ("【牵头单位】市科技局【责任单位】市财政局", ["市科技局"], ["市财政局"]),
        ("责任单位：市科技局、市财政局", [], ["市科技局", "市财政局"]),
        ("（责任单位：市科技局 市财政局  市 发展改革委）", [], ["市科技局", "市财政局", "市发展改革委"]),
        ("\n牵头单位：市科技局；配合单位：市财政局\n", ["市科技局"], ["市财政局"]),
    ],
)
def test_unit_wordings(statement, lead, responsible):
    assert units(f"一、支持研发。给予支持。{statement}\n二、其他。\n") == {"一": (lead, responsible, False)}


def test_a_list_ending_in_deng_is_open_ended_and_the_deng_is_stripped():
    assert units("一、场景。开放场景。（责任单位：市科技局、市国资委等）\n")["一"] == ([], ["市科技局", "市国资委"], True)


def test_a_sentence_about_leading_is_not_a_unit_list():
    assert units("一、治理。对牵头单位给予一定的资金支持。细则由市科技局牵头相关责任部门配合另行制定。\n") == {}


def test_statement_on_its_own_line_after_a_block_of_items_belongs_to_the_block_holder():
    text = "一、重点任务\n（一）建设平台。建设平台。\n（二）培育企业。培育企业。\n（责任单位：市工信局、市科技局）\n二、保障\n"
    assert units(text) == {"一": ([], ["市工信局", "市科技局"], False)}


def test_statement_on_its_own_line_after_an_item_among_items_with_units_stays_with_it():
    text = "一、任务\n1. 甲。做甲。（责任单位：市科技局）\n2. 乙。做乙。\n\n（责任单位：市财政局）\n"
    assert units(text) == {"一/1": ([], ["市科技局"], False), "一/2": ([], ["市财政局"], False)}


def incentives(text: str):
    return [(i.path, i.amount, i.kind, i.rate, i.qualifier) for i in extract(text).incentives]


def test_eligibility_thresholds_are_not_incentives():
    text = ("一、贷款。年单笔贷款额不低于50万元（含50万元），且不超过1000万元的流动资金贷款，按实际利息的40%给予贴息，"
            "每个企业年最高30万元。对年销售收入不超过2000万元的企业，给予最高100万元奖励。对销售额首次突破5000万元的企业给予奖励。\n")
    assert incentives(text) == [
        ("一", Decimal(300000), "max", Decimal("0.4"), None),
        ("一", Decimal(1000000), "max", None, None),
    ]


def test_budget_cap_fixed_and_units_of_money():
    text = "一、券。每年安排最高1.5亿元“算力券”。对企业给予最高2000万元补助，另奖励50万元，每人补贴1000元。\n"
    assert incentives(text) == [
        ("一", Decimal(150000000), "budget", None, None),
        ("一", Decimal(20000000), "max", None, None),
        ("一", Decimal(500000), "fixed", None, None),
        ("一", Decimal(1000), "fixed", None, None),
    ]


def test_tiers_from_a_fenbie_list():
    text = "一、荣誉。对获评国家级、省级、市级示范企业的，分别给予最高300万元、100万元、50万元奖励。\n"
    assert [i[4] for i in incentives(text)] == ["国家级", "省级", "市级"]


def test_a_rate_with_no_amount_is_a_rate_only_incentive_and_growth_targets_are_not_rates():
    text = "一、配套。按照国家拨付经费的30%给予配套支持。力争产值增长20%以上。\n"
    assert incentives(text) == [("一", None, None, Decimal("0.3"), None)]


def test_validity_derivations():
    relative = find_validity("本办法自印发之日起施行，有效期为三年。", date(2024, 2, 29))
    assert (relative.entry_rule, relative.valid_from, relative.valid_until) == ("on_issue", date(2024, 2, 29), date(2027, 2, 27))
    assert relative.note == "有效期为三年" and "3 years" in relative.derivation
    later = find_validity("本意见自公布之日起30日后施行，有效期为三年。", date(2024, 1, 1))
    assert (later.entry_rule, later.valid_from, later.valid_until) == ("issue+30d", date(2024, 1, 31), date(2027, 1, 30))
    unknown_base = find_validity("本意见自公布之日起30日后施行，有效期为三年。", None)
    assert (unknown_base.entry_rule, unknown_base.valid_from, unknown_base.valid_until) == ("issue+30d", None, None)
    fixed = find_validity("本政策有效期至 2023 年 6 月 16 日。", None)
    assert fixed.valid_until == date(2023, 6, 16)


def test_a_document_mentioning_itself_is_not_a_reference():
    text = ("济南市人民政府关于印发济南市测试政策的通知\n济政字〔2024〕1号\n\n现将《济南市测试政策》印发给你们。\n\n"
            "济南市测试政策\n\n为落实《山东省测试条例》，制定本政策。\n一、总则。本政策（以下简称《测试政策》）依照哈政规〔2022〕15号执行。\n")
    from policykg.build import place_names
    from policykg.resolve.areas import default_gazetteer

    x = extract_document(parse_document(SourceText("t.txt", "t.txt", text, "utf-8", "0" * 64)), place_names(default_gazetteer()))
    assert [(r.title, r.number) for r in x.references] == [("山东省测试条例", None), (None, "哈政规〔2022〕15号")]


def test_leading_group_with_padded_names_and_office():
    text = ("一、总则。成立领导小组。\n\n附件：测试工作领导小组成员名单\n\n测试工作领导小组成员名单\n\n"
            "组  长：王 一  市长\n副组长：李 二 二  副市长\n成  员：张 三  市科技局局长\n        赵四四  市财政局副局长（正局级）\n\n"
            "领导小组办公室设在市科技局，张三兼任办公室主任。\n")
    group = extract(text).leading_group
    assert group.name == "测试工作领导小组"
    assert [(s.name, s.role, s.post, s.agency) for s in group.seats] == [
        ("王一", "组长", "市长", None),
        ("李二二", "副组长", "副市长", None),
        ("张三", "成员", "市科技局局长", "市科技局"),
        ("赵四四", "成员", "市财政局副局长（正局级）", "市财政局"),
    ]
    assert (group.office_at, group.office_director) == ("市科技局", "张三")
