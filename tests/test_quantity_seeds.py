"""The UNIT/SUM/CNT/TGT findings a careful reader agrees with in the five seeds, found by reading
them and redoing the arithmetic by hand; and the consistent look-alikes that must stay silent.

Why each error or warning is expected:
- 001 line 25: "获得土地出让收入800亿以上" — a money figure with a bare 亿 and no 元 (UNIT004).
- 003 line 9: 新增建设用地指标4.8万亩 (at most 48 500亩), "其中" 城市分批次类3.02万亩 + 中小民营企业
  专项2009.6亩 + 省急需项目9800亩 + 重大基础设施类1.78万亩 ≥ 30 150 + 2 009.55 + 9 799.5 + 17 750
  = 59 709.05亩 > 48 500亩. No single part exceeds the total, so it is the sum case: a warning.
- 003 line 29: "储备资金总需求2186亿，债券资金需求1699亿" — two money figures without 元 (UNIT004).
- 003 line 85: "(三)十项重点改革" has three numbered children 1.–3. (CNT002); line 49's "深化十项
  改革" has no list next to it and is not a finding by itself.
- 004 line 5: "完成率27%;…完成率55.5; …完成率13.9%" — 55.5 lost its % (UNIT004).

Read and judged consistent (must not be reported):
- 003 line 41: 办结117件 of 收集126件 = 92.86%, which "办结率93%" allows (SUM003).
- 003: （一）六项重点指标 with 一是…六是, （二）七方面重要工作 with 1.–7., "节约集约用地4项指标"
  followed by four figures, and 生态警长1218人、生态共治队伍153人、生态义警队伍3963人三支队伍 (CNT).
- 004 line 4: 行政村18个（凤桥10个、新丰7个、余新1个）: 10 + 7 + 1 = 18 (SUM002).
- 004 line 6: 农转用6个批次，其中单独选址2个，增减挂4个: 2 + 4 = 6 (SUM001).
- 002 line 61: "其中计划指标保障673亩，占计划指标的41%": the base is the plan quota, not 806亩 (SUM003).
- 001 (a plan): 主要目标 restated in 重点工作 with the same values (4万亩, 500万平方米, 6000亩,
  2万亩, 1%) — no TGT003; its 其中 parts 8000亩以上 + 12000亩以上 ≤ 4万亩以上 (SUM001).
- 000: every figure is a placeholder (X亩, X亿元): no quantity rule may report anything above info.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.proc import ROOT, gwlint_process

FAMILIES = "UNIT,SUM,CNT,TGT"

# Errors and warnings, asserted exactly: prefix → {(code, line)}.
EXPECTED = {
    "000": set(),
    "001": {("UNIT004", 25)},
    "002": set(),
    "003": {("SUM001", 9), ("UNIT004", 29), ("CNT002", 85)},
    "004": {("UNIT004", 5)},
}
# Infos verified by reading; the rules may report more infos than these.
EXPECTED_INFO = {
    "001": {("UNIT001", 25)},  # 1.3万亩, 4万亩 … in 亩
    "003": {("UNIT001", 9)},  # 4.8万亩 …
}
# (prefix, code prefix, line): consistent look-alikes that must produce nothing.
SILENT = [
    ("003", "SUM", 41),
    ("003", "CNT", 33),
    ("003", "CNT", 49),
    ("003", "CNT", 51),
    ("003", "CNT", 53),
    ("003", "CNT", 55),
    ("004", "SUM", 4),
    ("004", "SUM", 6),
    ("002", "SUM", 61),
    ("001", "TGT003", None),
    ("001", "SUM", 25),
]


@pytest.fixture(scope="module")
def findings() -> dict[str, list[dict]]:
    result = gwlint_process(
        ["check", "seeds/", "--select", FAMILIES, "--format", "json", "--exit-zero", "--no-cache"], ROOT
    )
    assert result.returncode == 0, result.stderr
    out: dict[str, list[dict]] = {}
    for file in json.loads(result.stdout)["files"]:
        out[Path(file["path"]).name[:3]] = file["diagnostics"]
    return out


def test_errors_and_warnings_are_exactly_the_verified_ones(findings):
    found = {
        prefix: {(d["code"], d["line"]) for d in diags if d["severity"] in ("error", "warning")}
        for prefix, diags in findings.items()
    }
    assert found == EXPECTED


def test_verified_infos_are_reported(findings):
    for prefix, expected in EXPECTED_INFO.items():
        infos = {(d["code"], d["line"]) for d in findings[prefix] if d["severity"] == "info"}
        assert expected <= infos, prefix


def test_consistent_look_alikes_are_silent(findings):
    for prefix, code, line in SILENT:
        hits = [d for d in findings[prefix] if d["code"].startswith(code) and (line is None or d["line"] == line)]
        assert not hits, (prefix, code, line, hits)


def test_sum_finding_points_at_the_total(findings):
    sum001 = [d for d in findings["003"] if d["code"] == "SUM001"]
    assert len(sum001) == 1 and sum001[0]["severity"] == "warning"
    related = sum001[0]["related"]
    assert [(r["line"], r["column"]) for r in related] == [(9, 67)]  # 4.8万亩


def test_count_finding_lists_the_items(findings):
    cnt = [d for d in findings["003"] if d["code"] == "CNT002"][0]
    assert [r["line"] for r in cnt["related"]] == [87, 89, 91]
