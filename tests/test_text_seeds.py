"""The PH/PUNC/NUM/FMT findings in the five seeds, listed from reading them (not from the tool).

What was read, seed by seed:
- 000: a county summary whose figures were all masked with X before release. Every X before a
  unit or classifier (X亩, X亿元, X个批次, X%, 省委X届, X:X地形图, 近X年) is PH001; X standing for
  a name (X镇, X县, X湖, X北站, XX区, “数字X”, “X五”规划, 2022-X地块, 《X县…方案》) is PH002; X in a
  date (X年X月, 2021年X月X日, X月中旬, X年度) is PH003. Lines 4 and 18 hold names only, lines 10
  and 26 numbers only. Line 10 has a stray space after ” (“千亩方、万亩方” 建设).
- 001: a 印发 notice. Lines 27-37 and 91-97 switch to half-width , ( ) (PUNC001); the rest is
  full-width. Stray spaces: the title "规划 工作要点" (line 7, FMT001); "10000 亩", "2022 年", "1 万亩",
  "市级、60 个" between a figure and its unit or the word before it (FMT004, lines 27-117).
  PDF breaks join lines 25→27, 37→39, 47→49 … (FMT002). 1:500 and 1:2000 are real scales, and the
  印发 line "…办公室 2022年3月2日印发" separates issuer and date with a space on purpose.
- 002: a news feature. Half-width parens in lines 21, 49, 99, 127 (PUNC001). "(2020-2035)" sits
  inside 《》 (a title as issued: no NUM002). Headline lines separate phrases with spaces
  (锚定新征程 功到“自然”成) and take no FMT001; "2021， 逐梦新征程" has a space after a comma.
- 003: typed with half-width , : ; ( ) throughout: every line of prose is PUNC001, one finding per
  line. "09-23年" (line 9) is an abbreviated year span (NUM008); "2023-2027年" (line 33) a year
  span with a hyphen (NUM002). "“一件事’闭环" (line 41) and "“征迁精准化“保证" (line 63) are
  mismatched quotes (PUNC003). Trailing spaces end lines 9, 23, 25, 87, 89; "完成 130宗" (41, FMT004).
- 004: "专家评审,修改" and "(中央公园东)" (line 4), "27%;“三改”" and "55.5; 违法" (line 5),
  "办理上,实行" (line 7) are PUNC001; "注销登记和、历史遗留问题" (line 7) has a 和 left before 、
  (PUNC012). "1-57单元", "2-35、1-12" are codes, "批—征—储" a connector.
  Stray spaces: "推进 “三改一拆”" (5), "登记 45942 件" (7, FMT004), "到位， “两违”" (9), a blank line of
  one space (17).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from lint.config import Settings
from lint.document import load_path
from lint.engine import Engine, Overrides
from tests.conftest import seed

FAMILIES = ("PH", "PUNC", "NUM", "FMT")

# Every error and warning of these families, as (code, line).
EXPECTED = {
    "000": {("PH001", n) for n in (2, 6, 8, 10, 12, 14, 16, 20, 22, 24, 26)}
    | {("PH002", n) for n in (2, 4, 6, 8, 12, 14, 16, 18, 20, 22, 24)}
    | {("PH003", n) for n in (6, 8, 12, 14, 22)},
    "001": {("PUNC001", n) for n in (27, 31, 33, 35, 37, 91, 93, 95, 97)}
    | {("FMT004", n) for n in (27, 47, 49, 51, 53, 75, 79, 107, 111, 117)},
    "002": {("PUNC001", n) for n in (21, 49, 99, 127)},
    "003": {
        ("PUNC001", n)
        for n in (
            3,
            5,
            9,
            11,
            13,
            15,
            17,
            19,
            21,
            23,
            25,
            27,
            29,
            31,
            33,
            35,
            37,
            39,
            41,
            43,
            45,
            49,
            51,
            53,
            55,
            59,
            63,
            67,
            71,
            75,
            79,
            83,
            85,
            87,
            89,
            91,
        )
    }
    | {("PUNC003", 41), ("PUNC003", 63), ("NUM008", 9), ("NUM002", 33), ("FMT004", 41)},
    "004": {("PUNC001", 4), ("PUNC001", 5), ("PUNC001", 7), ("PUNC012", 7), ("FMT004", 7)},
}

# Info-level findings verified by reading (a subset: FMT001 is asserted where it was checked).
EXPECTED_INFO = {
    "000": {("FMT001", 10)},
    "001": {("FMT001", 7)} | {("FMT002", n) for n in (25, 37, 47, 57, 63, 71, 79, 89, 97, 111, 119)},
    "002": {("FMT001", 17), ("FMT002", 105)},
    "003": {("FMT001", n) for n in (9, 23, 25, 87, 89)},
    "004": {("FMT001", n) for n in (5, 7, 9, 17)},
}

# Lines read and judged clean for FMT001: headlines, bylines, the 印发 line, and quoted slogans
# whose phrases a space separates (“扩大有效投资 抓好重大项目”, “要素保障 空间优化”).
NO_STRAY_SPACE = {
    "001": {21, 125},
    "002": {5, 9, 19, 23, 27, 31, 35, 39, 43, 55, 65},
    "003": {3},
}


@lru_cache(maxsize=1)
def _engine() -> Engine:
    return Engine(Settings(), Overrides(select=list(FAMILIES)))


@lru_cache(maxsize=8)
def _findings(prefix: str) -> tuple:
    result = _engine().lint(load_path(seed(prefix)))
    return tuple((d.code, d.line, d.severity.label) for d in result.diagnostics)


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_errors_and_warnings_match_the_reading(prefix):
    found = {(code, line) for code, line, severity in _findings(prefix) if severity != "info"}
    assert found == EXPECTED[prefix]


@pytest.mark.parametrize("prefix", sorted(EXPECTED_INFO))
def test_layout_findings_verified_by_reading_are_reported(prefix):
    found = {(code, line) for code, line, severity in _findings(prefix) if severity == "info"}
    assert EXPECTED_INFO[prefix] <= found


@pytest.mark.parametrize("prefix", sorted(NO_STRAY_SPACE))
def test_headlines_and_the_issuer_line_keep_their_spaces(prefix):
    lines = {line for code, line, _ in _findings(prefix) if code == "FMT001"}
    assert not lines & NO_STRAY_SPACE[prefix]


def test_half_width_marks_come_one_finding_per_line():
    lines = [line for code, line, _ in _findings("003") if code == "PUNC001"]
    assert len(lines) == len(set(lines))
