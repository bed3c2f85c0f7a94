"""Indicator values (lint.quantities.consistency): which figures state an indicator, and with what period, role
and place; the words come from the CONS001 rule's YAML, as the CONS rules read them."""

from __future__ import annotations

import pytest

from lint.analysis import Analysis
from lint.document import load_text
from lint.quantities.consistency import conflicts, indicator_values
from lint.rules.packs import load_rules


@pytest.fixture(scope="module")
def words():
    return load_rules([]).rules["CONS001"]._words


def read(text: str, words, kind: str = "summary", name: str = "t.txt"):
    analysis = Analysis(load_text(text, name), kind=kind)
    return {c.fact.raw: c for c in indicator_values(analysis, words)}


def test_period_from_the_sentence_a_heading_or_the_title(words):
    found = read(
        "2025年自然资源工作总结\n全年新增耕地900亩。\n一、2024年工作情况\n新增耕地800亩。\n二、主要工作\n上半年新增耕地400亩。",
        words,
    )
    assert {raw: c.period for raw, c in found.items()} == {"900亩": "2025", "800亩": "2024", "400亩": "上半年"}


def test_role_target_actual_or_unsure(words):
    found = read(
        "全年新增耕地900亩。\n力争新增耕地1000亩。\n主要预期目标是：地区生产总值增长6%；新增耕地1100亩。",
        words,
    )
    assert {raw: c.role for raw, c in found.items()} == {"900亩": "actual", "1000亩": "target", "6%": "target"}
    # 1100亩: a target word earlier in its paragraph but not in its sentence — unsure, left out


@pytest.mark.parametrize(
    "text",
    [
        "这五年，城镇新增就业452万人。",  # another span of time
        "固定资产投资1000万元及以上的项目给予奖励。",  # a threshold
        "耕地保有量\t52.3万亩\t53.0万亩",  # a table row
        "其中，新增耕地300亩。",  # a subset
        "凤桥镇新增耕地300亩。",  # a place
        "3个乡镇新增耕地300亩。",  # some of the places
    ],
)
def test_figures_that_are_not_indicator_values(words, text):
    assert read(text, words) == {}


def test_only_disjoint_values_of_one_group_conflict(words):
    analysis = Analysis(
        load_text("新增耕地900亩。\n新增耕地4.8万亩。\n新增耕地48000亩。\n上半年新增耕地1000亩。", "t.txt"),
        kind="summary",
    )
    found = [(c.first.fact.raw, c.later.fact.raw) for c in conflicts(indicator_values(analysis, words))]
    assert found == [("900亩", "4.8万亩"), ("900亩", "48000亩")]


def test_a_report_is_not_checked():
    from typer.testing import CliRunner

    from lint.cli import app

    runner = CliRunner()
    text = "新增耕地900亩。\n新增耕地1000亩。\n"
    result = runner.invoke(
        app, ["check", "-", "--select", "CONS", "--kind", "report", "--format", "concise"], input=text
    )
    assert "CONS001" not in result.output
    result = runner.invoke(
        app, ["check", "-", "--select", "CONS", "--kind", "summary", "--format", "concise"], input=text
    )
    assert "CONS001" in result.output


def test_a_figure_about_some_counted_places_is_not_the_whole(words):
    found = read("全年一般公共预算收入17.9亿元。全县有5个乡镇（街道）一般公共预算收入超过5000万元。", words)
    assert list(found) == ["17.9亿元"]
