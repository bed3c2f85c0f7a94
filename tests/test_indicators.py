"""The indicator lexicon (rules/indicators/*.yaml): spellings → one indicator, scope and aspect,
user packs that extend it, and `gwlint facts` showing the normalised indicator."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from lint.analysis import Analysis
from lint.cli import app
from lint.document import load_text
from lint.errors import UsageError
from lint.quantities.indicators import Lexicon, LexiconError
from lint.rules.packs import RuleTable


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.builtin()


@pytest.mark.parametrize(
    ("phrase", "name", "how", "scope"),
    [
        ("耕地保有量", "耕地保有量", "name", ""),
        ("全县耕地保有量", "耕地保有量", "name", ""),
        ("耕地保有面积", "耕地保有量", "alias", ""),
        ("某镇耕地保有量", "耕地保有量", "name", "某镇"),
        ("新增建设用地计划指标", "新增建设用地计划指标", "name", ""),  # the quota, not the land
        ("新增建设用地面积", "新增建设用地", "alias", ""),
        ("我市一般公共预算收入", "一般公共预算收入", "name", ""),
        ("市级一般公共预算收入", "一般公共预算收入", "name", "市级"),
        ("城镇居民人均可支配收入", "城镇居民人均可支配收入", "name", ""),  # longest spelling wins
        ("完成新增耕地", "新增耕地", "name", ""),
    ],
)
def test_normalise_names_the_indicator_and_its_scope(lexicon, phrase, name, how, scope):
    key = lexicon.normalise(phrase)
    assert key is not None
    assert (key.name, key.how, key.scope, key.change) == (name, how, scope, "")


def test_normalise_reads_a_change_word_after_the_indicator(lexicon):
    key = lexicon.normalise("地区生产总值比上年增长")
    assert key is not None and (key.name, key.change) == ("地区生产总值", "比上年增长")


@pytest.mark.parametrize("phrase", ["保障重大项目新增建设用地报批", "耕地", "", "农业总产值增长率"])
def test_phrases_that_name_no_known_indicator(lexicon, phrase):
    assert lexicon.normalise(phrase) is None


def test_every_shipped_indicator_has_a_known_dimension(lexicon):
    from lint.quantities.units import UnitRegistry

    dimensions = set(UnitRegistry.builtin().spec.dimensions)
    assert len(lexicon) >= 40
    for indicator in lexicon:
        assert set(indicator.dimensions) <= dimensions, indicator


def facts(text: str, lexicon: Lexicon | None = None):
    analysis = Analysis(load_text(text, "t.txt"), lexicon=lexicon)
    st = analysis.statements
    return {st.facts[i].raw: found for i, found in analysis.indicators.items()}


def test_each_fact_gets_its_key_and_aspect():
    found = facts(
        "全县耕地保有量52.3万亩，比上年增加200亩。地区生产总值262.6亿元，同比增长5.3%。"
        "一般公共预算收入由874.6亿元增加到1100亿元。"
    )
    assert {raw: (f.key.name, f.aspect) for raw, f in found.items()} == {
        "52.3万亩": ("耕地保有量", "level"),
        "262.6亿元": ("地区生产总值", "level"),
        "5.3%": ("地区生产总值", "growth"),  # taken from the figure it is the growth of
        "874.6亿元": ("一般公共预算收入", "start"),
        "1100亿元": ("一般公共预算收入", "level"),
    }


def test_a_figure_in_another_dimension_is_not_the_level():
    found = facts("耕地保有量占比达到35%。高标准农田建设12个。")
    assert all(f.aspect == "other" for f in found.values())


def test_a_pack_adds_an_indicator_and_a_spelling(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "indicators:\n"
        "  - {name: 土地储备, dimension: area, aliases: [储备入库土地]}\n"
        "  - {name: 农村宅基地审批, dimension: count, aliases: [宅基地审批]}\n"
        "rules: []\n",
        encoding="utf-8",
    )
    table = RuleTable()
    table.load_pack(pack)
    lexicon = table.lexicon()
    assert lexicon.normalise("储备入库土地").name == "土地储备"
    assert lexicon.normalise("收储土地").name == "土地储备"  # the shipped spelling stays
    assert lexicon.normalise("农村宅基地审批").how == "name"
    assert Lexicon.builtin().normalise("农村宅基地审批") is None  # the built-in one is untouched


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("indicators:\n  - {name: 耕地保有量, dimension: money}\n", "differs"),
        ("indicators:\n  - {name: 新指标, dimension: area, aliases: [耕地保有面积]}\n", "already names"),
        ("indicators:\n  - {name: 新指标, dimension: area, alias: [x]}\n", "alias"),
        ("indicators:\n  - {name: 新指标, dimension: area, patterns: ['(']}\n", "bad pattern"),
        ("indicators: {name: 新指标}\n", "must be a list"),
    ],
)
def test_a_bad_indicators_section_names_the_pack(tmp_path, body, says):
    pack = tmp_path / "bad.yaml"
    pack.write_text(body + "rules: []\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        RuleTable().load_pack(pack)
    assert says in str(info.value) and "bad.yaml" in str(info.value)
    assert isinstance(info.value, LexiconError)


def test_a_pattern_matches_the_end_of_the_phrase():
    lexicon = Lexicon.builtin().extend(
        [{"name": "矿业权出让", "dimension": "count", "patterns": ["(?:探|采)矿权出让"]}]
    )
    key = lexicon.normalise("全市采矿权出让")
    assert key is not None and (key.name, key.how, key.text) == ("矿业权出让", "pattern", "采矿权出让")
    assert lexicon.normalise("采矿权出让收益") is None


def test_facts_shows_the_normalised_indicator(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("全县耕地保有面积52.3万亩。\n", encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["facts", str(path)])
    assert text.exit_code == 0, text.output
    assert "指标=耕地保有面积→耕地保有量（别名，水平）" in text.output
    data = json.loads(runner.invoke(app, ["facts", str(path), "--format", "json"]).output)
    assert data["facts"][0]["normalised"] == {
        "name": "耕地保有量",
        "how": "alias",
        "matched": "耕地保有面积",
        "scope": "",
        "change": "",
        "aspect": "level",
    }


def test_facts_reads_the_indicators_of_the_configured_packs(tmp_path):
    (tmp_path / "house.yaml").write_text(
        "indicators:\n  - {name: 土地储备, dimension: area, aliases: [储备入库土地]}\nrules: []\n", encoding="utf-8"
    )
    (tmp_path / ".gwlint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    path = tmp_path / "doc.txt"
    path.write_text("储备入库土地900亩。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["facts", str(path)])
    assert result.exit_code == 0, result.output
    assert "指标=储备入库土地→土地储备（别名，水平）" in result.output
