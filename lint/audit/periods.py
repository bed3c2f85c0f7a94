"""What period a document covers and what period each of its figures is for.

The top-level headings say it first: 2021年工作回顾 is what a summary reports, 2022年政府工作任务
what a plan plans. Else the title: a plan's year is the last year in it (2024年工作总结和2025年
工作思路 plans 2025), a summary's the first (it reports on 2024), and a 政府工作报告 reviews the
year before the one in its title.
A figure with no period word is for the document's own period; 上半年/一季度 are parts of the
year, 累计 is never one year, a deadline inside the year (6月底前, 年底前) is the year itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from lint.analysis import Analysis

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PARTS = (
    (re.compile(r"上半年"), "H1"),
    (re.compile(r"下半年"), "H2"),
    (re.compile(r"前三季度"), "Q1-3"),
    (re.compile(r"一季度"), "Q1"),
    (re.compile(r"二季度"), "Q2"),
    (re.compile(r"三季度"), "Q3"),
    (re.compile(r"四季度"), "Q4"),
)
CUMULATIVE = "cumulative"
YEAR = "year"


@dataclass(frozen=True)
class Scope:
    """The period a document covers: a year (None when it names none) and a part of it."""

    year: int | None
    part: str = YEAR

    def label(self) -> str:
        part = {YEAR: "全年", "H1": "上半年", "H2": "下半年"}.get(self.part, self.part)
        return f"{self.year}年{part}" if self.year else part


def _title(analysis: Analysis) -> str:
    return unicodedata.normalize("NFKC", analysis.doc.title or "")  # ２０１０年 is 2010年


def _part(text: str) -> str:
    for pattern, part in _PARTS:
        if pattern.search(text):
            return part
    return YEAR


def _from_headings(analysis: Analysis, results: bool) -> Scope | None:
    """The year of the first top-level heading of the reporting part (2021年工作回顾) or, for
    ``results=False``, of the first other one (2022年政府工作任务)."""
    from lint.audit.sides import RESULT_HALF

    for node in analysis.outline.roots:
        years = _YEAR.findall(unicodedata.normalize("NFKC", node.title))
        if years and node.style != "inline-cn" and bool(RESULT_HALF.search(node.title)) == results:
            return Scope(int(years[0]), _part(node.title))
    return None


def plan_scope(analysis: Analysis) -> Scope:
    found = _from_headings(analysis, results=False)
    if found is not None:
        return found
    title = _title(analysis)
    years = _YEAR.findall(title)
    return Scope(int(years[-1]) if years else None, _part(title))


def summary_scope(analysis: Analysis) -> Scope:
    found = _from_headings(analysis, results=True)
    if found is not None:
        return found
    title = _title(analysis)
    years = _YEAR.findall(title)
    if not years:
        return Scope(None, _part(title))
    if analysis.kind == "report" or "政府工作报告" in title:  # it reviews the year before
        return Scope(int(years[0]) - 1)
    return Scope(int(years[0]), _part(title.split(years[0], 1)[-1][:12]))


class Period(NamedTuple):
    year: int | None  # None: unknown, or not one year (累计)
    part: str  # year | H1 | H2 | Q1 … | cumulative


def period_of(word: str | None, scope: Scope) -> Period:
    """The period a figure is for, from its period word (None: the document's own period)."""
    if not word:
        return Period(scope.year, scope.part)
    if "累计" in word:
        return Period(None, CUMULATIVE)
    years = _YEAR.findall(word)
    part = _part(word)
    if part == YEAR and not years and not _ANNUAL.search(word):
        part = scope.part  # 6月底前 in a half-year document: still that half
    return Period(int(years[0]) if years else scope.year, part)


def same_period(a: Period, b: Period) -> bool:
    return a.part == b.part and (a.year is None or b.year is None or a.year == b.year)


_ANNUAL = re.compile(r"全年|年底|年末|年内|当年")
