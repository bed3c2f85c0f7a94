"""The fault-injection harness (bench/inject*.py) plants what it claims: one defect, nothing else.

Behaviour of the planting functions on hand-written snippets; no recall figure is asserted here
(recall is measured by running bench/inject.py by hand).
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import inject  # noqa: E402
import inject_quantity as quantity  # noqa: E402
import inject_structure as structure  # noqa: E402
from inject_model import SourceDoc, quantities  # noqa: E402


def doc(text: str, name: str = "snippet.txt") -> SourceDoc:
    return SourceDoc(name, "synthetic", text)


def changed(before: str, after: str) -> tuple[str, str]:
    """The differing middle of two strings (common prefix and suffix removed)."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return before[start : len(before) - end], after[start : len(after) - end]


# -- unit-drop -----------------------------------------------------------------------------


def test_unit_drop_removes_exactly_one_unit_from_a_sibling():
    source = doc("全年新增耕地2.3万亩以上，其中旱改水4000亩以上。")
    sites = quantity.find_unit_drop(source)
    assert len(sites) == 2
    for site in sites:
        plant = quantity.plant_unit_drop(site, random.Random(0))
        assert changed(source.text, plant.text) == ("亩", "")
        assert plant.text.count("亩") == 1
        assert plant.span == (1, 1)


def test_unit_drop_leaves_years_counts_lone_quantities_and_shared_units_alone():
    assert quantity.find_unit_drop(doc("2023年完成12个项目，新增耕地2.3万亩。")) == []
    # 3000亩 before 、 would read as a shared trailing unit once dropped
    sites = quantity.find_unit_drop(doc("新建茶园3000亩、改造油茶5000亩。"))
    assert [s.data["start"] for s in sites] == ["新建茶园3000亩、改造油茶5000亩。".rindex("亩")]
    assert quantity.find_unit_drop(doc("高铁里程由2110公里增至3055公里。")) == []  # reads as a range


# -- count-claim ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "重点抓好以下三个方面工作：一是稳增长；二是促改革；三是惠民生。",
        "组建行政执法、村镇建设、规划研究三支队伍。",
        "重点做好以下三个方面工作。\n（一）稳增长\n（二）促改革\n（三）惠民生",
    ],
)
def test_count_claim_changes_only_the_count_word_by_one(text):
    source = doc(text)
    sites = structure.find_count_claim(source)
    assert len(sites) == 1
    for seed in range(6):
        plant = structure.plant_count_claim(sites[0], random.Random(seed))
        old, new = changed(source.text, plant.text)
        assert old == "三" and new in ("四", "两")


def test_count_claim_is_not_taken_where_the_count_does_not_count_the_list():
    assert structure.find_count_claim(doc("至少有三个亮点：一是稳增长；二是促改革；三是惠民生。")) == []
    assert structure.find_count_claim(doc("重点抓好以下四个方面工作：一是稳增长；二是促改革；三是惠民生。")) == []


# -- target-vague --------------------------------------------------------------------------

PLAN = (
    "某县2024年工作要点\n\n一、总体要求\n\n坚持稳中求进。\n\n二、主要目标\n\n"
    "一是新增耕地2000亩以上；二是建设高标准农田3万亩。\n\n三、重点任务\n\n（一）抓项目。加快建设。"
)


def test_target_vague_replaces_one_items_measure_and_keeps_its_marker():
    source = doc(PLAN)
    sites = structure.find_target_vague(source)
    assert [s.detail.split()[0] for s in sites] == ["一是", "二是"]
    plant = structure.plant_target_vague(sites[0], random.Random(1))
    old, new = changed(source.text, plant.text)
    assert old.startswith("新增耕地2000亩以上") and new in {p + "；" for p in structure.VAGUE} | set(structure.VAGUE)
    assert "一是" + new.rstrip("；") in plant.text and "二是建设高标准农田3万亩" in plant.text


def test_target_vague_keeps_a_run_in_heading():
    source = doc("某县2024年工作计划\n\n二、工作目标\n\n（一）粮食生产目标。粮食播种面积稳定在42.5万亩以上。\n")
    sites = structure.find_target_vague(source)
    assert len(sites) == 1
    plant = structure.plant_target_vague(sites[0], random.Random(0))
    assert "（一）粮食生产目标。" in plant.text and "42.5" not in plant.text


# -- section-drop --------------------------------------------------------------------------

SUMMARY = (
    "某镇2023年工作总结\n\n一、主要成效\n\n完成投资5亿元。\n\n二、存在问题\n\n"
    "一是产业偏弱；二是人才不足。\n\n三、下步打算\n\n抓好项目。"
)


def test_section_drop_removes_heading_and_body_and_renumbers_only_when_asked():
    source = doc(SUMMARY)
    sites = structure.find_section_drop(source)
    assert len(sites) == 1
    kept = structure.plant_section_drop(sites[0], random.Random(0))
    assert "存在问题" not in kept.text and "产业偏弱" not in kept.text
    assert "三、下步打算" in kept.text and "完成投资5亿元" in kept.text
    assert len(kept.line_map) == len(kept.text.split("\n"))
    renumbered = structure.plant_section_drop(sites[0], random.Random(0), renumber=True)
    assert "二、下步打算" in renumbered.text and "三、" not in renumbered.text
    assert renumbered.text.replace("二、下步打算", "三、下步打算") == kept.text


# -- sums and growth -----------------------------------------------------------------------


def test_sum_exceed_makes_one_part_larger_than_its_total_beyond_precision():
    source = doc("全市新增建设用地4.8万亩，其中城市分批次类3.02万亩，专项指标9800亩。")
    sites = quantity.find_sum_exceed(source)
    assert len(sites) == 2
    for site in sites:
        plant = quantity.plant_sum_exceed(site, random.Random(3))
        total, *parts = quantities(plant.text)
        assert total.value == Decimal(48000)
        bigger = [p for p in parts if p.value - p.half_step > total.value + total.half_step]
        assert len(bigger) == 1
        assert plant.text.count("亩") == source.text.count("亩")  # only the part's figure changed
        old, _ = changed(source.text, plant.text)
        assert old in site.detail


BULLETIN = (
    "全年地区生产总值236.46亿元，比上年增长5.4%。其中，第一产业增加值28.64亿元，增长3.8%；"
    "第二产业增加值95.37亿元，增长6.2%；第三产业增加值112.45亿元，增长5.1%。"
)


def test_sum_mismatch_slips_one_digit_of_one_part_beyond_precision():
    source = doc(BULLETIN)
    sites = quantity.find_sum_mismatch(source)
    assert len(sites) == 1
    for seed in range(5):
        plant = quantity.plant_sum_mismatch(sites[0], random.Random(seed))
        old, new = changed(source.text, plant.text)
        assert len(old) == len(new) == 1 and old.isdigit() and new.isdigit()
        total, *parts = [q for q in quantities(plant.text)]
        assert abs(sum(p.value for p in parts) - total.value) > Decimal("0.02")
        assert all(p.value < total.value for p in parts)


def test_growth_mismatch_moves_only_the_totals_rate_away_from_what_the_parts_imply():
    source = doc(BULLETIN)
    sites = quantity.find_growth_mismatch(source)
    assert len(sites) == 1
    low, high = quantity.implied_growth(sites[0].data["partition"], sites[0].data["rates"])
    assert low <= Decimal("5.4") <= high + quantity.GROWTH_SLACK
    plant = quantity.plant_growth_mismatch(sites[0], random.Random(0))
    written = plant.text.split("增长", 1)[1].split("%", 1)[0]
    assert plant.text.replace(f"增长{written}%", "增长5.4%", 1) == source.text
    assert not low - 1 <= Decimal(written) <= high + 1


def test_no_partition_where_the_parts_do_not_add_up():
    text = "全体居民人均可支配收入32416元。按常住地分，城镇居民人均可支配收入42870元，农村居民人均可支配收入21645元。"
    assert quantity.find_sum_mismatch(doc(text)) == []


def test_target_vague_keeps_the_time_of_a_target_paragraph():
    source = doc("某县脱贫攻坚计划\n\n二、脱贫目标\n\n2017年，全县计划实现0.6万贫困人口脱贫，5个贫困村出列。\n")
    sites = structure.find_target_vague(source)
    assert len(sites) == 1
    plant = structure.plant_target_vague(sites[0], random.Random(0))
    _, new = changed(source.text, plant.text)
    assert plant.text.split("\n")[4].startswith("2017年，") and "0.6万" not in plant.text
    assert new.rstrip("。") in structure.VAGUE


def test_section_drop_takes_a_run_in_problem_heading_but_not_one_target_item():
    summary = doc(
        "某局2024年上半年工作总结及下半年工作打算\n\n一、上半年工作情况\n\n（一）抓服务。新设企业1924户。\n\n"
        "（二）存在的问题。一是力量不足；二是手段滞后。\n\n二、下半年工作打算\n\n（一）工作目标。新增企业1.1万户。\n"
    )
    sites = structure.find_section_drop(summary)
    assert [s.variant for s in sites] == ["存在问题 of a summary", "目标 section of a plan"]
    plant = structure.plant_section_drop(sites[0], random.Random(0))
    assert "存在的问题" not in plant.text and "力量不足" not in plant.text and "新设企业1924户" in plant.text
    plan = doc(
        "某县2024年工作计划\n\n一、工作目标\n\n（一）粮食生产目标。播种面积42.5万亩。\n\n（二）增收目标。增长7%。\n"
    )
    assert [s.detail for s in structure.find_section_drop(plan)] == ["工作目标 (目标 section of a plan)"]


def test_vague_text_keeps_at_most_the_indicator_and_never_a_figure():
    seen = set()
    for seed in range(20):
        text = structure.vague_text("地区生产总值增长6%左右，固定资产投资增长7%以上", random.Random(seed))
        assert not any(c.isdigit() for c in text)
        assert text in structure.VAGUE or text in {"地区生产总值" + t for t in structure.VAGUE_TAILS}
        seen.add(text.startswith("地区生产总值"))
    assert seen == {True, False}


def test_a_plant_names_the_columns_of_the_copy_a_catch_must_touch():
    source = doc("耕地保有量稳定。全年新增耕地2.3万亩以上，其中旱改水4000亩以上。林地面积稳定。")
    site = next(s for s in quantity.find_unit_drop(source) if s.detail.startswith("4000"))
    plant = quantity.plant_unit_drop(site, random.Random(0))
    assert plant.columns is not None
    start, end = plant.columns
    assert plant.text[start:end] == "全年新增耕地2.3万亩以上，其中旱改水4000以上。"


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("新增耕地2.3万亩以上，其中旱改水4000亩以上。", "其中 total/part"),
        ("完成人工造林101.2万亩、退化林修复173.1万亩。", "same 、-list"),
        ("新建高标准农田3500亩，粮食播种面积稳定在4.1万亩。", "same sentence"),
    ],
)
def test_unit_drop_sites_say_how_the_sibling_is_related(text, shape):
    assert {s.variant.split(",")[0] for s in quantity.find_unit_drop(doc(text))} == {shape}


def test_new_findings_are_told_from_the_originals_by_message_then_by_line():
    from lint.diagnostics import Diagnostic, Severity

    def finding(code: str, line: int, message: str, column: int = 1) -> Diagnostic:
        return Diagnostic(code, "x", Severity.WARNING, message, line, column, line, column + 1)

    before = [finding("UNIT004", 25, "“800亿”缺少计量单位"), finding("OUT001", 30, "编号跳过")]
    after = [
        finding("UNIT004", 25, "“12000”缺少计量单位", 90),  # the catch, before the old one
        finding("UNIT004", 25, "“800亿”缺少计量单位", 127),
        finding("OUT001", 29, "编号跳过"),
    ]  # one line up after a drop
    line_map = [n for n in range(1, 41) if n != 28]  # line 28 was removed
    assert inject.new_findings(before, after, line_map) == [after[0]]
    # a message that quotes a changed figure is still the original finding on its line
    changed_message = [finding("OUT001", 29, "编号跳过（已改）")]
    assert inject.new_findings(before, changed_message, line_map) == []
