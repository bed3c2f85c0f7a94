"""Quantity extraction: numerals, unit registry, scanner (lint/quantities).

The table CASES is the contract for written forms: each row scans a text and checks the one
quantity whose raw text is given. NEGATIVE lists the rules.md global exclusions, which must
yield nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.quantities import (
    Quantity,
    UnitError,
    UnitRegistry,
    UnitRegistryError,
    default_registry,
    parse_number,
    scan_quantities,
)

D = Decimal
ROOT = Path(__file__).resolve().parents[1]

# text, raw, value, low, high, unit, qualifier, other expected attributes
CASES = [
    # --- measured values: closed rounding interval [v − ½·10^k, v + ½·10^k]
    ("新增耕地806亩", "806亩", "806", "805.5", "806.5", "亩", None, {"exponent": 0, "is_count": False}),
    (
        "全市共争取新增建设用地指标4.8万亩",
        "4.8万亩",
        "48000",
        "47500",
        "48500",
        "亩",
        None,
        {"exponent": 3, "scale": "万", "indicator": "新增建设用地指标", "dimension": "area"},
    ),
    ("专项保障指标2009.6亩", "2009.6亩", "2009.6", "2009.55", "2009.65", "亩", None, {"exponent": -1}),
    (
        "出让金457.5亿元",
        "457.5亿元",
        "45750000000",
        "45745000000",
        "45755000000",
        "元",
        None,
        {"scale": "亿", "dimension": "money", "indicator": "出让金"},
    ),
    ("投资3.45亿元", "3.45亿元", "345000000", "344500000", "345500000", "元", None, {"exponent": 6}),
    ("资金34500万元", "34500万元", "345000000", "344995000", "345005000", "元", None, {"exponent": 4}),
    ("补助12万元", "12万元", "120000", "115000", "125000", "元", None, {"exponent": 4}),
    ("投入5千万元", "5千万元", "50000000", "45000000", "55000000", "元", None, {"scale": "千万"}),
    ("规模1.2万亿元", "1.2万亿元", "1200000000000", "1150000000000", "1250000000000", "元", None, {"scale": "万亿"}),
    ("投资3亿4千5百万元", "3亿4千5百万元", "345000000", "344500000", "345500000", "元", None, {"exponent": 6}),
    ("面积1,200亩", "1,200亩", "1200", "1199.5", "1200.5", "亩", None, {}),
    ("面积１２００亩", "１２００亩", "1200", "1199.5", "1200.5", "亩", None, {}),
    ("面积1.5 万亩", "1.5 万亩", "15000", "14500", "15500", "亩", None, {}),
    ("面积5000 亩", "5000 亩", "5000", "4999.5", "5000.5", "亩", None, {}),
    ("道路3.5公里", "3.5公里", "3.5", "3.45", "3.55", "千米", None, {"unit_raw": "公里", "dimension": "length"}),
    ("面积18平方公里", "18平方公里", "18", "17.5", "18.5", "平方千米", None, {}),
    ("面积120㎡", "120㎡", "120", "119.5", "120.5", "平方米", None, {"unit_raw": "㎡"}),
    ("保护区5962公顷", "5962公顷", "5962", "5961.5", "5962.5", "公顷", None, {"legal": True}),
    ("粮食4445亿公斤", "4445亿公斤", "444500000000", "444450000000", "444550000000", "千克", None, {}),
    ("产量25.9万吨", "25.9万吨", "259000", "258500", "259500", "吨", None, {"dimension": "mass"}),
    ("装机33.7万千瓦", "33.7万千瓦", "337000", "336500", "337500", "千瓦", None, {"dimension": "power"}),
    (
        "发电量1568.6亿千瓦时",
        "1568.6亿千瓦时",
        "156860000000",
        "156855000000",
        "156865000000",
        "千瓦时",
        None,
        {"dimension": "energy"},
    ),
    ("输出345亿度", "345亿度", "34500000000", "34450000000", "34550000000", "度", None, {"legal": False}),
    ("建设500千伏线路", "500千伏", "500", "499.5", "500.5", "千伏", None, {"dimension": "voltage"}),
    ("体重5千克", "5千克", "5", "4.5", "5.5", "千克", None, {"scale": ""}),
    ("播种面积48.4千公顷", "48.4千公顷", "48400", "48350", "48450", "公顷", None, {"scale": "千"}),
    ("供水11.2亿立方米", "11.2亿立方米", "1120000000", "1115000000", "1125000000", "立方米", None, {}),
    ("出口47亿美元", "47亿美元", "4700000000", "4650000000", "4750000000", "美元", None, {"dimension": "money_usd"}),
    ("降水量1518.2毫米", "1518.2毫米", "1518.2", "1518.15", "1518.25", "毫米", None, {}),
    ("气温19.0℃", "19.0℃", "19.0", "18.95", "19.05", "摄氏度", None, {"dimension": "temperature"}),
    ("复垦1.5万亩", "1.5万亩", "15000", "14500", "15500", "亩", None, {"legal": False}),
    # --- percent, permille, percentage points
    ("占比16.6%", "16.6%", "16.6", "16.55", "16.65", "%", None, {"is_percent": True, "indicator": "占比"}),
    ("完成率55.5％", "55.5％", "55.5", "55.45", "55.55", "%", None, {"is_percent": True, "unit_raw": "％"}),
    ("出生率为9.56‰", "9.56‰", "9.56", "9.555", "9.565", "‰", None, {"is_percent": True}),
    (
        "上升0.02个百分点",
        "0.02个百分点",
        "0.02",
        "0.015",
        "0.025",
        "个百分点",
        None,
        {"dimension": "percent_point", "is_percent": False},
    ),
    ("提高5个百分点", "5个百分点", "5", "4.5", "5.5", "个百分点", None, {"is_count": False}),
    (
        "增长百分之三十六点五",
        "百分之三十六点五",
        "36.5",
        "36.45",
        "36.55",
        "%",
        None,
        {"form": "chinese", "is_percent": True},
    ),
    ("增长-2.1%", "-2.1%", "-2.1", "-2.15", "-2.05", "%", None, {}),
    ("增长.5%", ".5%", "0.5", "0.45", "0.55", "%", None, {}),
    # --- counts: classifier units are exact
    ("立案45件", "45件", "45", "45", "45", "件", None, {"is_count": True, "dimension": "count"}),
    ("涉及4项指标", "4项", "4", "4", "4", "项", None, {"is_count": True}),
    ("惠及农户800户", "800户", "800", "800", "800", "户", None, {"is_count": True, "indicator": "惠及农户"}),
    ("村庄18个", "18个", "18", "18", "18", "个", None, {"indicator": "村庄"}),
    ("完成土地供应12宗", "12宗", "12", "12", "12", "宗", None, {"indicator": "土地供应"}),
    ("新建3所学校", "3所", "3", "3", "3", "所", None, {}),
    ("农转用组件报批5个批次", "5个", "5", "5", "5", "个", None, {}),
    ("完成报批8批次", "8批次", "8", "8", "8", "批次", None, {}),
    ("新建学校一千二百所", "一千二百所", "1200", "1200", "1200", "所", None, {"form": "chinese"}),
    ("一千两百个", "一千两百个", "1200", "1200", "1200", "个", None, {}),
    ("共一千零五项", "一千零五项", "1005", "1005", "1005", "项", None, {}),
    ("十二项改革", "十二项", "12", "12", "12", "项", None, {}),
    ("二十三个县", "二十三个", "23", "23", "23", "个", None, {}),
    ("从三个方面", "三个", "3", "3", "3", "个", None, {}),
    (
        "就业人员20.63万人",
        "20.63万人",
        "206300",
        "206250",
        "206350",
        "人",
        None,
        {"is_count": True},
    ),  # a rounded count keeps its rounding interval
    ("旅客6400万人次", "6400万人次", "64000000", "63995000", "64005000", "人次", None, {}),
    ("吞吐量76.9万标准箱", "76.9万标准箱", "769000", "768500", "769500", "标箱", None, {}),
    # --- approximate forms
    ("十余个", "十余个", "10", "10", "20", "个", "more", {"low_open": True, "high_open": True}),
    ("10余项", "10余项", "10", "10", "20", "项", "more", {"low_open": True}),
    ("10多个", "10多个", "10", "10", "20", "个", "more", {}),
    ("3000余亩", "3000余亩", "3000", "3000", "4000", "亩", "more", {"low_open": True, "high_open": True}),
    ("3000余万元", "3000余万元", "30000000", "30000000", "40000000", "元", "more", {}),
    ("50多万人", "50多万人", "500000", "500000", "600000", "人", "more", {}),
    ("1万余人", "1万余人", "10000", "10000", "20000", "人", "more", {}),
    ("三四个", "三四个", "3", "3", "4", "个", "approx", {"low_open": False}),
    ("五六十人", "五六十人", "50", "50", "60", "人", "approx", {}),
    ("三、四个", "三、四个", "3", "3", "4", "个", "approx", {}),
    ("3、4天", "3、4天", "3", "3", "4", "天", "approx", {"dimension": "time"}),
    ("二十几个", "二十几个", "21", "21", "29", "个", "approx", {}),
    ("20几个", "20几个", "21", "21", "29", "个", "approx", {"form": "arabic"}),
    ("几十种", "几十种", "10", "10", "90", "种", "approx", {}),
    ("数十亿元", "数十亿元", "1000000000", "1000000000", "9000000000", "元", "approx", {}),
    # --- bound and approximation words (rules.md; 民法典1259)
    ("约3000亩", "3000亩", "3000", "2999", "3001", "亩", "approx", {"qualifier_span": (0, 1)}),
    ("大约4.8万亩", "4.8万亩", "48000", "47000", "49000", "亩", "approx", {}),
    ("增长5%左右", "5%", "5", "4", "6", "%", "approx", {"qualifier_span": (4, 6)}),
    ("3000亩上下", "3000亩", "3000", "2999", "3001", "亩", "approx", {}),
    ("近3000亩", "3000亩", "3000", "2700", "3000", "亩", "near", {"high_open": True}),
    ("将近100人", "100人", "100", "90", "100", "人", "near", {"high_open": True}),
    ("超过3000亩", "3000亩", "3000", "3000", None, "亩", "over", {"low_open": True}),
    ("超1100家", "1100家", "1100", "1100", None, "家", "over", {"low_open": True}),
    ("逾百分之五十", "百分之五十", "50", "50", None, "%", "over", {}),
    (
        "争取各类新增建设用地指标1.3万亩以上",
        "1.3万亩",
        "13000",
        "13000",
        None,
        "亩",
        "at_least",
        {"low_open": False, "indicator": "新增建设用地指标"},
    ),
    ("不少于200家", "200家", "200", "200", None, "家", "at_least", {}),
    ("不低于80%", "80%", "80", "80", None, "%", "at_least", {}),
    ("至少3次", "3次", "3", "3", None, "次", "at_least", {}),
    ("控制在4.5%以内", "4.5%", "4.5", "0", "4.5", "%", "at_most", {"high_open": False}),
    ("不超过300万元", "300万元", "3000000", "0", "3000000", "元", "at_most", {}),
    ("最多5天", "5天", "5", "0", "5", "天", "at_most", {}),
    ("不满18周岁", "18周岁", "18", "0", "18", "岁", "under", {"high_open": True}),
    ("不足1000人", "1000人", "1000", "0", "1000", "人", "under", {"high_open": True}),
    ("达到5000亿元", "5000亿元", "500000000000", "499950000000", "500050000000", "元", None, {}),
    # --- ranges: one quantity, both endpoints; NUM001 flag
    (
        "3～5万亩",
        "3～5万亩",
        "30000",
        "30000",
        "50000",
        "亩",
        None,
        {"range_pair": (D(30000), D(50000)), "range_drops_scale": True},
    ),
    (
        "9亿～16亿",
        "9亿～16亿",
        "900000000",
        "900000000",
        "1600000000",
        None,
        None,
        {"range_drops_scale": False, "bare_scale": True},
    ),
    (
        "9～16亿",
        "9～16亿",
        "900000000",
        "900000000",
        "1600000000",
        None,
        None,
        {"range_drops_scale": True, "bare_scale": True},
    ),
    ("15～30%", "15～30%", "15", "15", "30", "%", None, {"range_drops_scale": True}),
    ("15%～30%", "15%～30%", "15", "15", "30", "%", None, {"range_drops_scale": False}),
    ("13～17万元", "13～17万元", "130000", "130000", "170000", "元", None, {"range_drops_scale": True}),
    ("13万元～17万元", "13万元～17万元", "130000", "130000", "170000", "元", None, {"range_drops_scale": False}),
    ("3-5%", "3-5%", "3", "3", "5", "%", None, {"range_drops_scale": True}),
    ("100～150千克", "100～150千克", "100", "100", "150", "千克", None, {"range_drops_scale": False}),
    ("5000～1万元", "5000～1万元", "5000", "5000", "10000", "元", None, {"range_drops_scale": False}),
    ("增长6.5%—7%", "6.5%—7%", "6.5", "6.5", "7", "%", None, {}),
    ("100万元至300万元", "100万元至300万元", "1000000", "1000000", "3000000", "元", None, {}),
    ("三至五个", "三至五个", "3", "3", "5", "个", None, {"range_pair": (D(3), D(5))}),
    # --- bare scale: a scale word with no unit (UNIT004)
    (
        "投资800亿以上",
        "800亿",
        "80000000000",
        "80000000000",
        None,
        None,
        "at_least",
        {"bare_scale": True, "dimension": None, "indicator": "投资"},
    ),
    (
        "储备资金总需求2186亿，",
        "2186亿",
        "218600000000",
        "218550000000",
        "218650000000",
        None,
        None,
        {"bare_scale": True},
    ),
    # --- durations, ages, composites, others
    ("用时1个小时", "1个小时", "1", "0.5", "1.5", "小时", None, {"dimension": "time", "is_count": False}),
    ("3个工作日内", "3个工作日", "3", "2.5", "3.5", "工作日", None, {"dimension": "time"}),
    ("连续24个月", "24个月", "24", "23.5", "24.5", "个月", None, {"dimension": "time"}),
    ("公示7天", "7天", "7", "6.5", "7.5", "天", None, {}),
    ("考试时限120分钟", "120分钟", "120", "119.5", "120.5", "分钟", None, {}),
    ("60周岁以上", "60周岁", "60", "60", None, "岁", "at_least", {"dimension": "age"}),
    ("标准3000元/平方米", "3000元/平方米", "3000", "2999.5", "3000.5", "元/平方米", None, {"dimension": "money/area"}),
    ("补助2万元/亩", "2万元/亩", "20000", "15000", "25000", "元/亩", None, {"dimension": "money/area", "legal": False}),
    ("标准825元/月", "825元/月", "825", "824.5", "825.5", "元/月", None, {"dimension": "money/time"}),
    ("浓度27微克/立方米", "27微克/立方米", "27", "26.5", "27.5", "微克/立方米", None, {}),
    ("增长2倍", "2倍", "2", "1.5", "2.5", "倍", None, {"dimension": "multiple"}),
    ("得分95分", "95分", "95", "94.5", "95.5", "分", None, {"dimension": "score"}),
    ("三亿零五百三十万吨", "三亿零五百三十万吨", "305300000", "305295000", "305305000", "吨", None, {"exponent": 4}),
    ("十二万人", "十二万人", "120000", "115000", "125000", "人", None, {"exponent": 4}),
]


def _find(text: str, raw: str) -> Quantity:
    qs = scan_quantities(text)
    hits = [q for q in qs if q.raw == raw]
    assert len(hits) == 1, f"{text!r}: expected one quantity {raw!r}, got {[q.raw for q in qs]}"
    return hits[0]


@pytest.mark.parametrize("text,raw,value,low,high,unit,qualifier,extra", CASES, ids=[c[0] for c in CASES])
def test_written_form(text, raw, value, low, high, unit, qualifier, extra):
    q = _find(text, raw)
    assert text[q.start : q.end] == raw
    assert q.value == D(value)
    assert q.low == (None if low is None else D(low))
    assert q.high == (None if high is None else D(high))
    assert q.unit == unit
    assert q.qualifier == qualifier
    assert isinstance(q.value, Decimal)
    for key, want in extra.items():
        assert getattr(q, key) == want, f"{key}: {getattr(q, key)!r} != {want!r}"


def test_table_is_large_enough():
    assert len(CASES) >= 60


NEGATIVE = [
    "2021年",
    "3月8日",
    "9:30",
    "2022年3月",
    "年底前完成",
    "2022年3月8日",
    "2022.3.8",
    "2022-03-08",
    "2021—2025年",
    "2023-2027年",
    "1-6月",
    "22年",
    "一九七八年",
    "第3条",
    "第二批",
    "第一、二批",
    "第3-5条",
    "十五届五次全会",
    "省委X届九次全会",
    "二十大",
    "十四五",
    "十四五期间",
    "1号文件",
    "2-35单元",
    "表2-8",
    "S302",
    "C-X地块",
    "GB/T 15834—2011",
    "G60科创走廊",
    "PM2.5浓度",
    "《规划（2021—2035年）》",
    "《3000亩规划》",
    "“千项万亿”",
    "“1+N”",
    "“16710”",
    "“6+1”",
    "“八个嘱托”",
    '"3个"',
    "〔2022〕24号",
    "嘉自然资规发〔2022〕24号",
    "1:500",
    "1∶2000",
    "比例1：1",
    "1+N",
    "6+1",
    "16710工作体系",
    "5G基站",
    "2.0版",
    "3D打印",
    "5A级景区",
    "8时30分",
    "三分之一",
    "100周年",
    "10万吨级码头",
    "一起研究",
    "十分重要",
    "一户一档",
    "统一个标准",
    "三位一体",
    "零部件",
    "每一处变化",
    "新一轮",
    "一次性奖励",
    "三次产业",
    "两位数增长",
    "3两年",
    "25度以上坡耕地",
    "三门峡",
    "一本上线",
    "一座座新城",
    "X亩",
    "完成率55.5；",
    "1/4",
    "千家万户",
    "万众一心",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_quantity(text):
    assert scan_quantities(text) == []


def test_quoted_text_excluded_but_not_beyond_the_line():
    text = "实施“千项万亿”工程，完成投资300亿元。\n“未闭合引号 完成5000亩"
    raws = [q.raw for q in scan_quantities(text)]
    assert raws == ["300亿元", "5000亩"]


def test_list_with_parts():
    text = "今年村庄规划计划编制8个，涉及行政村18个（凤桥10个、新丰7个、余新1个）。"
    qs = scan_quantities(text)
    assert [(q.raw, q.value, q.indicator) for q in qs] == [
        ("8个", D(8), "村庄规划计划编制"),
        ("18个", D(18), "涉及行政村"),
        ("10个", D(10), "凤桥"),
        ("7个", D(7), "新丰"),
        ("1个", D(1), "余新"),
    ]
    assert all(q.is_count and q.low == q.high == q.value for q in qs)


def test_a_figure_opening_a_line_keeps_the_broken_lines_words():
    """PDF extraction breaks lines mid-sentence: 500亩 at the start of a line measures the
    耕地面积 the line before ends with; after punctuation the line before is not read."""
    qs = scan_quantities("耕地面积\n500亩，林地1200亩。\n耕地面积。\n300亩")
    assert [(q.raw, q.indicator) for q in qs] == [("500亩", "耕地面积"), ("1200亩", "林地"), ("300亩", "")]


def test_spans_and_order():
    text = "一是全市耕地3000亩；二是补助2万元/亩，占比16.6%。"
    qs = scan_quantities(text)
    assert [text[q.start : q.end] for q in qs] == [q.raw for q in qs] == ["3000亩", "2万元/亩", "16.6%"]
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    assert qs[0].indicator == "耕地"


def test_contains_and_interval_semantics():
    q = _find("超过3000亩", "3000亩")
    assert not q.contains(D(3000)) and q.contains(D(3000.01)) and q.contains(D(10**9))
    q = _find("3000亩以上", "3000亩")
    assert q.contains(D(3000)) and not q.contains(D(2999))
    q = _find("不满18岁", "18岁")
    assert q.contains(D(0)) and not q.contains(D(18))
    q = _find("4.8万亩", "4.8万亩")
    assert q.contains(D(47500)) and q.contains(D(48500)) and not q.contains(D(48501))


def test_approx_and_near_factors_are_configurable():
    q = scan_quantities("约3000亩", approx_factor=D(3))[0]
    assert (q.low, q.high) == (D("2998.5"), D("3001.5"))
    q = scan_quantities("近100人", near_factor=D("0.8"))[0]
    assert q.low == D(80)


def test_quantity_is_frozen():
    q = _find("3000亩", "3000亩")
    with pytest.raises(Exception):
        q.value = D(1)  # type: ignore[misc]
    assert q == _find("3000亩", "3000亩") and hash(q) == hash(_find("3000亩", "3000亩"))


# ----------------------------------------------------------------------------- numerals

NUMERALS = [
    ("1200", "1200", 0, "1199.5", "1200.5"),
    ("1,200", "1200", 0, "1199.5", "1200.5"),
    ("１２００", "1200", 0, "1199.5", "1200.5"),
    ("4.8", "4.8", -1, "4.75", "4.85"),
    ("4.8万", "48000", 3, "47500", "48500"),
    ("3.45亿", "345000000", 6, "344500000", "345500000"),
    ("5千万", "50000000", 7, "45000000", "55000000"),
    ("34500万", "345000000", 4, "344995000", "345005000"),
    ("一千二百", "1200", 0, "1199.5", "1200.5"),
    ("一千两百", "1200", 0, "1199.5", "1200.5"),
    ("一千零五", "1005", 0, "1004.5", "1005.5"),
    ("十二", "12", 0, "11.5", "12.5"),
    ("二十三", "23", 0, "22.5", "23.5"),
    ("一百一十", "110", 0, "109.5", "110.5"),
    ("十二万", "120000", 4, "115000", "125000"),
    ("三亿零五百三十万", "305300000", 4, "305295000", "305305000"),
    ("三十六点五", "36.5", -1, "36.45", "36.55"),
    ("2009.6", "2009.6", -1, "2009.55", "2009.65"),
]


@pytest.mark.parametrize("text,value,exponent,low,high", NUMERALS)
def test_parse_number(text, value, exponent, low, high):
    n = parse_number(text)
    assert n is not None
    assert (n.value, n.exponent, n.low, n.high) == (D(value), exponent, D(low), D(high))


@pytest.mark.parametrize(
    "text,low,high,approx",
    [
        ("十余", "10", "20", "more"),
        ("3000余", "3000", "4000", "more"),
        ("三四", "3", "4", "approx"),
        ("二十几", "21", "29", "approx"),
        ("五六十", "50", "60", "approx"),
        ("几百万", "1000000", "9000000", "approx"),
    ],
)
def test_parse_approximate_number(text, low, high, approx):
    n = parse_number(text)
    assert (n.low, n.high, n.approx) == (D(low), D(high), approx)


@pytest.mark.parametrize("text", ["", "万", "百", "二〇二二", "三零", "一十百", "三万四万", "abc", "1.2.3"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


# ----------------------------------------------------------------------------- units


def test_registry_conversions_are_exact():
    r = default_registry()
    assert r.convert(15, "亩", "公顷") == 1
    assert r.convert(1, "平方千米", "亩") == 1500
    assert r.convert(1, "平方公里", "公顷") == 100
    assert r.convert(D("1.5"), "万亩", "公顷") == 1000
    assert r.convert(3000, "亩", "公顷") == 200
    assert r.convert(1, "万元", "元") == 10000
    assert r.convert(1, "亿元", "万元") == 10000
    assert r.convert(2, "斤", "千克") == 1
    assert r.convert(5, "‰", "%") == D("0.5")
    assert r.convert(1, "元/亩", "元/平方米") == D("0.0015")
    assert str(r.convert(1, "亩", "公顷")).startswith("0.0666666666")
    assert r.factor("亩", "平方米") == __import__("fractions").Fraction(10000, 15)


@pytest.mark.parametrize("a,b", [("元", "美元"), ("个", "项"), ("亩", "米"), ("foo", "米"), ("个", "个月")])
def test_registry_refuses_bad_conversions(a, b):
    with pytest.raises(UnitError):
        default_registry().convert(1, a, b)


def test_registry_names_dimensions_and_legality():
    r = default_registry()
    assert [r.canonical(u) for u in ("公里", "km²", "㎡", "公斤", "％", "平方公里")] == [
        "千米",
        "平方千米",
        "平方米",
        "千克",
        "%",
        "平方千米",
    ]
    assert r.dimension("亩") == "area" and r.dimension("户") == "count"
    assert r.dimension("美元") == "money_usd" and r.dimension("元/平方米") == "money/area"
    assert [r.is_legal(u) for u in ("亩", "斤", "两", "里", "公分", "马力")] == [False] * 6
    assert [r.is_legal(u) for u in ("公顷", "公里", "千克", "平方千米", "元")] == [True] * 5
    classifiers = "个 项 宗 件 户 人 家 所 座 处 条 批 次 幅 批次 宗地 株 只 张 份 本 人次 片 起 栋 笔 支"
    assert all(r.is_count(c) for c in classifiers.split())
    assert "亿" not in r and "万元" not in r


def test_match_unit_is_longest_and_honours_stop_words():
    r = default_registry()
    assert r.match_unit("3个百分点", 1).unit.name == "个百分点"
    assert r.match_unit("3个月", 1).unit.name == "个月"
    assert r.match_unit("3个人", 1).unit.name == "个"
    assert r.match_unit("5千瓦时", 1).unit.name == "千瓦时"
    assert r.match_unit("10万吨级", 3) is None
    assert r.match_unit("5G", 1) is None
    assert r.match_unit("5km远", 1).surface == "km"


def test_extend_adds_units_and_scanner_uses_them():
    base = default_registry()
    r = base.extend(
        {
            "units": [{"name": "垧", "dimension": "area", "factor": "10000", "legal": False}],
            "classifiers": ["孔"],
            "stop_words": ["孔雀"],
        }
    )
    assert "垧" not in base and r.convert(1, "垧", "公顷") == 1
    assert [(q.raw, q.unit) for q in scan_quantities("开垦3垧，打井5孔，3孔雀", r)] == [("3垧", "垧"), ("5孔", "孔")]
    assert scan_quantities("开垦3垧") == []


@pytest.mark.parametrize(
    "pack,needle",
    [
        ({"units": [{"name": "x", "dimension": "nope", "factor": "1"}]}, "unknown dimension"),
        ({"units": [{"name": "亩", "dimension": "area", "factor": "1"}]}, "defined twice"),
        ({"units": [{"name": "y", "dimension": "area", "factor": 0.5}]}, "never floats"),
        ({"units": [{"name": "z", "dimension": "area", "factor": "abc"}]}, "exact rational"),
        ({"units": [{"name": "z", "dimension": "area", "factor": "-1"}]}, "positive"),
        ({"units": [{"name": "万z", "dimension": "area", "factor": "1"}]}, "numerals"),
        ({"unitz": []}, "Extra inputs"),
        ({"dimensions": {"area": {"canonical": "亩"}}}, "already exists"),
    ],
)
def test_extend_rejects_bad_packs(pack, needle):
    with pytest.raises(UnitRegistryError, match=needle):
        default_registry().extend(pack)


def test_yaml_errors_name_file_and_line(tmp_path):
    p = tmp_path / "units.yaml"
    p.write_text(
        "version: 1\ndimensions:\n  area: {canonical: 平方米}\nunits:\n"
        '  - {name: 平方米, dimension: area, factor: "1"}\n'
        '  - {name: 亩, dimension: area, factor: "1/0"}\n',
        encoding="utf-8",
    )
    with pytest.raises(UnitRegistryError) as info:
        UnitRegistry.from_yaml(p)
    assert info.value.line == 6 and str(p) in str(info.value)


def test_builtin_yaml_is_the_repo_file():
    r = UnitRegistry.builtin()
    assert r is default_registry() is UnitRegistry.default()
    assert Path(r.source) == ROOT / "rules" / "units.yaml"


# ----------------------------------------------------------------------------- robustness


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text):
    for q in scan_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.raw == text[q.start : q.end]


_NUMBERY = st.text(
    alphabet=st.sampled_from(
        list(
            "0123456789０１２.．,%％‰～—-至、:∶+万亿千百十零〇一二两三四五六七八九几数余多点约近超过以上下内"
            '左右不足满个项亩元公顷平方米吨分两度人次届第“”《》" \n年月日号Gkm/'
        )
    ),
    max_size=40,
)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(_NUMBERY)
def test_never_raises_on_number_soup(text):
    qs = scan_quantities(text)
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    parse_number(text)


def test_seeds_scan_cleanly():
    # Speed is measured in bench/run.py, not asserted here.
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert seeds
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        qs = scan_quantities(text)
        assert qs
        for q in qs:
            assert text[q.start : q.end] == q.raw


def test_seed_003_reads_as_expected():
    text = (ROOT / "seeds" / "003_149b7bd26b88f865.txt").read_text(encoding="utf-8")
    qs = scan_quantities(text)
    by_raw = {q.raw: q for q in qs}
    q = by_raw["4.8万亩"]
    assert (q.value, q.low, q.high, q.indicator) == (D(48000), D(47500), D(48500), "新增建设用地指标")
    assert by_raw["2009.6亩"].low == D("2009.55")
    assert by_raw["240%"].indicator == "完成率"
    assert not any(q.raw.startswith("09") for q in qs)  # 09-23年 is a year span
