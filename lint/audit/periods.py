"""What period a document covers and what period each of its figures is for.

A plan's year is the last year in its title (2024年工作总结和2025年工作思路 plans 2025); a
summary's the first (it reports on 2024). A 政府工作报告 reports on the year before its own.
A figure with no period word is for the document's own period; 上半年/一季度 are parts of the
year, 累计 is never one year, a deadline inside the year (6月底前, 年底前) is the year itself.
"""

from __future__ import annotations

import re
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
_TITLE_LINES = 6


@dataclass(frozen=True)
class Scope:
    """The period a document covers: a year (None when it names none) and a part of it."""

    year: int | None
    part: str = YEAR

    def label(self) -> str:
        part = {YEAR: "全年", "H1": "上半年", "H2": "下半年"}.get(self.part, self.part)
        return f"{self.year}年{part}" if self.year else part


def _title(analysis: Analysis) -> str:
    doc = analysis.doc
    if doc.title:
        return doc.title
    return "\n".join(doc.text.split("\n", _TITLE_LINES)[:_TITLE_LINES])


def _part(text: str) -> str:
    for pattern, part in _PARTS:
        if pattern.search(text):
            return part
    return YEAR


def plan_scope(analysis: Analysis) -> Scope:
    title = _title(analysis)
    years = _YEAR.findall(title)
    return Scope(int(years[-1]) if years else None, _part(title))


def summary_scope(analysis: Analysis) -> Scope:
    title = _title(analysis)
    years = _YEAR.findall(title)
    if not years:
        return Scope(None, _part(title))
    year = int(years[0])
    if analysis.kind == "report":  # a 政府工作报告 reviews the year before it is given
        year -= 1
    return Scope(year, _part(title.split(years[0], 1)[-1][:12]))


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
