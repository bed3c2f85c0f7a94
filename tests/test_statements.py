"""The statement model: clauses, facts, part sets per dimension, respectively-mappings, growth,
and `gwlint facts` that prints them. Also: the Analysis computes each thing once and leaves the
Document as it was loaded."""

from __future__ import annotations

import json
from decimal import Decimal

from typer.testing import CliRunner

from lint.analysis import Analysis
from lint.cli import app
from lint.document import load_text
from lint.quantities.statements import Statements, describe, implied_growth, part_set_text
from tests.workflow_support import findings_of


def statements(text: str, kind: str | None = None) -> Statements:
    return Analysis(load_text(text, "t.txt"), kind=kind).statements


def raw_sets(st: Statements) -> list[tuple[str, str, list[str], bool]]:
    return [
        (st.facts[ps.total].raw, ps.dimension, [st.facts[i].raw for i in ps.parts], ps.exhaustive)
        for ps in st.part_sets
    ]


POPULATION = (
    "年末人口86420人，其中男性44210人、女性42210人；城镇人口39880人、乡村人口46540人；"
    "0—14岁人口14200人、15—64岁人口60120人、65岁及以上人口12000人。"
)


def test_each_dimension_of_one_total_is_its_own_part_set():
    st = statements(POPULATION)
    assert raw_sets(st) == [
        ("86420人", "性别", ["44210人", "42210人"], True),
        ("86420人", "城乡", ["39880人", "46540人"], True),
        ("86420人", "年龄", ["14200人", "60120人", "12000人"], True),
    ]
    texts = [part_set_text(st, ps) for ps in st.part_sets]
    assert texts[1] == ("城乡：城镇39880+乡村46540=86420 ✓", True)
    assert texts[2][1] is False and texts[2][0].endswith("=86320 ≠ 86420")


def test_qizhong_with_parts_of_one_kind_is_not_exhaustive():
    st = statements("立案45件，其中土地案件38件。")
    assert raw_sets(st) == [("45件", "", ["38件"], False)]
    assert part_set_text(st, st.part_sets[0]) == ("土地案件38=38 ≤ 45 ✓", True)


def test_two_indicators_split_by_residence_are_not_a_partition():
    # 城镇新增就业 and 农村劳动力转移就业 are two indicators, not a split of one total
    st = statements("新增就业1万人，其中城镇新增就业8000人、农村劳动力转移就业3000人。")
    assert [ps.exhaustive for ps in st.part_sets] == [False]


def test_respectively_values_are_not_parts_of_the_total_before():
    st = statements("全年签约86.4亿元，分别为工业项目、服务业项目新增落地资金21.5亿元、9.8亿元。")
    assert st.part_sets == []
    assert [[st.facts[i].raw for i in r.values] for r in st.respectively] == [["21.5亿元", "9.8亿元"]]
    assert [f.role for f in st.facts] == ["value", "respective", "respective"]


def test_name_value_pairs_after_fenbiewei_are_a_complete_breakdown():
    st = statements("获批省级项目3个，分别为A类项目1个、B类项目1个、C类项目2个。")
    assert raw_sets(st) == [("3个", "", ["1个", "1个", "2个"], True)]
    assert part_set_text(st, st.part_sets[0])[1] is False


def test_bracketed_breakdown_and_heji():
    st = statements("涉及行政村18个（凤桥10个、新丰7个、余新1个）。在编685人，聘用737人，合计1422人。")
    assert raw_sets(st) == [("18个", "", ["10个", "7个", "1个"], True), ("1422人", "", ["685人", "737人"], True)]


def test_a_total_that_lost_its_unit_still_gets_its_parts():
    st = statements("新增耕地2.3万以上，其中旱改水4000亩以上。")
    (ps,) = st.part_sets
    assert st.facts[ps.total].unit is None and st.facts[ps.parts[0]].unit == "亩"


def test_a_part_that_lost_its_unit_is_kept_as_a_part():
    st = statements("供应建设用地1200亩，其中工业用地不少于950，住宅用地200亩。")
    assert raw_sets(st) == [("1200亩", "", ["950", "200亩"], False)]


def test_growth_binds_to_the_value_before_it_and_the_parts_imply_the_total_growth():
    st = statements(
        "地区生产总值300亿元，增长22.0%，其中第一产业30亿元，增长30.1%；"
        "第二产业120亿元，增长20.4%；第三产业150亿元，增长18.9%。"
    )
    growth = {st.facts[g.of].raw: st.facts[g.rate].raw for g in st.growths}
    assert growth == {"300亿元": "22.0%", "30亿元": "30.1%", "120亿元": "20.4%", "150亿元": "18.9%"}
    (ps,) = st.part_sets
    assert ps.dimension == "产业" and ps.exhaustive
    low, high = implied_growth(st, ps)
    assert Decimal(19) < low < Decimal("20.5") < high < Decimal(22)


def test_shared_trailing_unit():
    st = statements("各片区面积分别为3.5、4.2、5万亩。")
    units = [(f.raw, f.unit, f.unit_shared) for f in st.facts]
    assert units == [("3.5", "亩", True), ("4.2", "亩", True), ("5万亩", "亩", False)]


def test_changes_and_conversions_are_relations_between_facts():
    """由A降至B，下降p% ties three figures; a bracket or 折合 restates a figure in another unit,
    while 合计 after a list is its total, not a conversion."""
    st = statements(
        "失业率由5.2%下降到4.8%，下降0.4%。整治耕地3000亩（约200公顷），林地2000亩，合计约0.5万亩；"
        "新建道路12公里、折合1200米。"
    )
    (change,) = st.changes
    assert [st.facts[i].raw for i in (change.before, change.after, change.by)] == ["5.2%", "4.8%", "0.4%"]
    assert change.down and ("change-from", change.before) in st.facts[change.by].relations
    pairs = [(st.facts[c.source].raw, st.facts[c.stated].raw) for c in st.conversions]
    assert pairs == [("3000亩", "200公顷"), ("12公里", "1200米")]


def test_a_pack_adds_target_and_period_words():
    """The target and period words are the packs' (`statements: targets:`): 计划 and 汛期 mean
    nothing to the shipped ones."""
    from lint.quantities.statements.words import Words

    doc = load_text("汛期计划新建道路12公里。", "t.txt")
    words = Words.from_sections([({"targets": {"target-words": ["计划"], "period-words": ["汛期"]}}, "house.yaml")])
    shipped, extended = Analysis(doc).statements, Analysis(doc, words=words).statements
    describe(shipped)
    describe(extended)
    assert [(f.period, f.target) for f in shipped.facts] == [(None, False)]
    assert [(f.period, f.target) for f in extended.facts] == [("汛期", True)]


def test_qualifier_polarity_period_and_target_section():
    st = statements(
        "一、主要目标\n（一）耕地保护目标。2025年耕地保有量不低于120万亩。\n二、工作回顾\n全年能耗下降3.2%。\n"
    )
    describe(st)
    by_raw = {f.raw: f for f in st.facts}
    held = by_raw["120万亩"]
    assert (held.qualifier, held.period, held.target) == ("不低于", "2025年", True)
    assert by_raw["3.2%"].polarity == "down" and not by_raw["3.2%"].target


def test_analysis_computes_once_and_leaves_the_document_alone():
    doc = load_text("2024年工作要点\n一、总体要求\n二、主要目标\n三、重点任务\n", "t.txt")
    before = dict(vars(doc))
    analysis = Analysis(doc)
    assert analysis.kind == "plan"
    assert analysis.statements is analysis.statements and analysis.outline is analysis.outline
    assert Analysis(doc, kind="summary").kind == "summary"
    assert vars(doc) == before


def test_facts_command_text_json_and_line(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("说明。\n" + POPULATION + "\n", encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(app, ["facts", str(path), "--line", "2"])
    assert text.exit_code == 0, text.output
    assert "2:5  86420人  指标=人口" in text.output
    assert "城乡：城镇39880+乡村46540=86420 ✓" in text.output
    data = json.loads(runner.invoke(app, ["facts", str(path), "--format", "json"]).output)
    assert data["version"] == 1 and data["facts"][0]["line"] == 2
    assert [ps["dimension"] for ps in data["part_sets"]] == ["性别", "城乡", "年龄"]
    assert data["part_sets"][2]["agrees"] is False
    empty = runner.invoke(app, ["facts", str(path), "--line", "1"])
    assert "(no figures)" in empty.output


def test_facts_command_on_a_missing_file():
    result = CliRunner().invoke(app, ["facts", "no/such/file.txt"])
    assert result.exit_code == 2


REGIONS = "全省生产总值100亿元，其中东部50亿元、中部30亿元、西部10亿元。\n"


def test_a_pack_adds_a_partition(tmp_path, monkeypatch):
    """区域: 东部/中部/西部 declared in a user pack makes the three regions the whole of the total,
    so their sum (90) against 100 is a SUM002 error; without the pack they are some parts only."""
    (tmp_path / "a.txt").write_text(REGIONS, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("select: [SUM]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert findings_of("a.txt") == []
    (tmp_path / "house.yaml").write_text(
        "statements:\n  partitions:\n    区域: {members: {东部: 东部, 中部: 中部, 西部: 西部}}\nrules: []\n",
        encoding="utf-8",
    )
    (tmp_path / ".gwlint.yaml").write_text("packs: [house.yaml]\nselect: [SUM]\n", encoding="utf-8")
    assert findings_of("a.txt") == [("SUM002", 1, 17)]  # 50亿元: the first part
    # the built-in words are untouched by the pack, and a malformed section names the pack
    assert "区域" not in statements(REGIONS).words.dimensions
    (tmp_path / "house.yaml").write_text(
        "statements:\n  partitions:\n    区域: {members: {东部: 东部, 西部: 西部}, complete: [中部]}\nrules: []\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2 and "house.yaml" in result.output and "中部" in result.output
