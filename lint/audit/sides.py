"""The two sides of an audit: the targets a plan sets and the results a summary reports.

A target is a figure the statement model marks as one (under a 目标 heading, or with 力争,
确保, 不低于 … before it) or one written with a bound or as a range (900亩以上, 控制在20宗以内,
3%左右) in a plan. A
result is a figure of the summary's reporting part: not under its plan-half headings (2026年工作
思路, 下步打算) and not itself a promise (力争, 确保).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.outline.model import Node
    from lint.quantities.statements import Fact

PLAN_HALF = re.compile(r"思路|打算|计划|安排|下步|下一步|要点|展望|今后|明年|目标|任务")
RESULT_HALF = re.compile(r"情况|成效|成绩|回顾|完成|做法|亮点|问题|不足|困难|经验|体会|过去")
_PROMISE = re.compile(r"力争|确保|争取|预期|计划|拟")
_BOUNDS = ("at_least", "at_most", "under", "over")


def _root(analysis: Analysis, fact: Fact) -> Node | None:
    """The top-level heading a figure sits under; the first one for the text before it (the
    opening of a report that begins with 过去一年工作回顾 is part of that review)."""
    node = analysis.statements.clauses[fact.clause].node
    while node is not None and node.parent is not None:
        node = node.parent
    if node is None:
        roots = [n for n in analysis.outline.roots if n.style != "inline-cn"]
        return roots[0] if roots else None
    return None if node.style == "inline-cn" else node


def _half(analysis: Analysis, fact: Fact, words: re.Pattern, other: re.Pattern) -> bool:
    root = _root(analysis, fact)
    return root is not None and bool(words.search(root.title)) and not other.search(root.title)


def in_plan_half(analysis: Analysis, fact: Fact) -> bool:
    """Under a top-level heading of the forward-looking part (2026年工作思路, 下步打算)."""
    return _half(analysis, fact, PLAN_HALF, RESULT_HALF)


def in_result_half(analysis: Analysis, fact: Fact) -> bool:
    """Under a top-level heading of the reporting part (2024年工作回顾, 主要成效)."""
    return _half(analysis, fact, RESULT_HALF, PLAN_HALF)


def _bounded(fact: Fact) -> bool:
    """Written as a target: with a bound (以上, 以内, 不低于) or as 左右 (8%左右)."""
    return fact.quantity is not None and (fact.quantity.qualifier in _BOUNDS or fact.qualifier == "左右")


def _measured(fact: Fact) -> bool:
    """A figure with a unit, not a count in words (重点抓好五项, 打造一批: a list, not a target)."""
    q = fact.quantity
    return q is not None and bool(fact.unit) and not (q.is_count and q.form != "arabic")


# In the sentence before a bound figure: it reports what was done (过去五年…超过18%), not a target.
_PAST = re.compile(r"过去|去年|上年|以来|已经|已|取得|了|累计")


# In the sentence before a figure: it is for several years (今后五年, “十四五”时期, 到2027年), not one.
_YEARS = re.compile(r"[十][一二三四五六七八九]五|五年|今后|期间|到(?:19|20)\d{2}年|年均|平均每年|每年平均")
# In a summary's sentence before a figure: a target or a forecast, not a result.
_FUTURE = re.compile(r"预期|目标是|目标为|目标定|力争|确保|争取|预计|计划|拟")


def _before(analysis: Analysis, fact: Fact, words: re.Pattern) -> bool:
    """Whether ``words`` occur in the figure's sentence (back to 。 or the line start: a
    ；-list of targets shares its 主要预期目标是) before it."""
    text = analysis.doc.text
    start = max(text.rfind(mark, 0, fact.start) for mark in "。！？\n") + 1
    return bool(words.search(text, start, fact.start))


def _under(analysis: Analysis, fact: Fact, words: re.Pattern) -> bool:
    """Whether the figure's top-level heading says ``words`` (“十三五”时期主要目标任务)."""
    root = _root(analysis, fact)
    return root is not None and bool(words.search(root.title))


def _past(plan: Analysis, fact: Fact) -> bool:
    return _before(plan, fact, _PAST)


def plan_targets(plan: Analysis) -> list[Fact]:
    """The plan's targets in document order (facts with a value and a unit)."""
    from lint.quantities.statements import describe

    st = plan.statements
    describe(st)
    return [
        f
        for f in st.facts
        if _measured(f)
        and (f.target or (_bounded(f) and not _past(plan, f)))
        and not in_result_half(plan, f)
        and not _before(plan, f, _YEARS)
        and not _under(plan, f, _YEARS)
    ]


def in_target_section(analysis: Analysis, fact: Fact) -> bool:
    """Under a 目标 heading (主要目标, 2025年工作目标): stated as a target by the plan's outline."""
    return analysis.statements.clauses[fact.clause].target_section


def summary_results(summary: Analysis) -> list[Fact]:
    """The figures the summary reports as done, in document order."""
    from lint.quantities.statements import describe

    st = summary.statements
    describe(st)
    reporting = _reporting_part(summary)
    return [
        f
        for f in st.facts
        if f.quantity is not None
        and f.unit
        and not _PROMISE.search(f.qualifier or "")
        and reporting(f)
        and not _before(summary, f, _FUTURE)
        and not _before(summary, f, _YEARS)
    ]


def _reporting_part(summary: Analysis) -> Callable[[Fact], bool]:
    """Where results are: under the reporting headings (and before the first heading) when
    the summary has any — a 政府工作报告's 总体要求 holds next year's targets —, else anywhere
    but under its plan-half headings."""
    roots = [n for n in summary.outline.roots if n.style != "inline-cn"]
    if not any(RESULT_HALF.search(n.title) and not PLAN_HALF.search(n.title) for n in roots):
        return lambda f: not in_plan_half(summary, f)
    first = roots[0].start
    return lambda f: f.start < first or in_result_half(summary, f)


# Words that say a shortfall is known: 未完成, 主要原因, 差距, 受…影响, 滞后 …
_EXPLAINED = re.compile(
    r"未完成|未能完成|没有完成|未达到|未达|尚未完成|差距|主要原因|原因是|原因在于|由于|受[^，。；]{0,12}影响"
    r"|滞后|缓慢|低于预期|不及预期|缺口|短板"
)
_PROBLEM_TITLE = re.compile(r"问题|不足|差距|困难|短板")


def explained(summary: Analysis, fact: Fact, key: str) -> bool:
    """Whether the summary explains a shortfall: in the result's own paragraph or the next one,
    or in a 存在问题/不足 section that names the indicator (by its key or as the result wrote it)."""
    doc = summary.doc
    line = doc.line_col(fact.start)[0]
    nearby = "\n".join(doc.text.split("\n")[line - 1 : line + 1])
    if _EXPLAINED.search(nearby):
        return True
    names = {name for name in (key.rsplit("·", 1)[-1], fact.indicator) if len(name) >= 2}
    for node in summary.outline.walk():
        if _PROBLEM_TITLE.search(node.title) and any(name in _section_text(summary, node) for name in names):
            return True
    return False


def _section_text(summary: Analysis, node: Node) -> str:
    """The heading's text up to its next sibling (or its parent's next sibling)."""
    end = len(summary.doc.text)
    here: Node | None = node
    while here is not None:
        siblings = here.parent.children if here.parent is not None else summary.outline.roots
        later = [n.start for n in siblings if n.start > here.start]
        if later:
            end = min(later)
            break
        here = here.parent
    return summary.doc.text[node.start : end]
