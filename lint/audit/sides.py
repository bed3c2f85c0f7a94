"""The two sides of an audit: the targets a plan sets and the results a summary reports.

A target is a figure the statement model marks as one (under a 目标 heading, or with 力争,
确保, 不低于 … before it) or one written with a bound (900亩以上, 控制在20宗以内) in a plan. A
result is a figure of the summary's reporting part: not under its plan-half headings (2026年工作
思路, 下步打算) and not itself a promise (力争, 确保).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.outline.model import Node
    from lint.quantities.statements import Fact

_PLAN_HALF = re.compile(r"思路|打算|计划|安排|下步|下一步|要点|展望|今后|明年|目标|任务")
_RESULT_HALF = re.compile(r"情况|成效|成绩|回顾|完成|做法|亮点|问题|不足|困难|经验|体会|过去")
_PROMISE = re.compile(r"力争|确保|争取|预期|计划|拟")
_BOUNDS = ("at_least", "at_most", "under", "over")


def _root(node: Node | None) -> Node | None:
    while node is not None and node.parent is not None:
        node = node.parent
    return node


def _in_plan_half(analysis: Analysis, fact: Fact) -> bool:
    """Under a top-level heading of the forward-looking part (2026年工作思路, 下步打算)."""
    root = _root(analysis.statements.clauses[fact.clause].node)
    if root is None or root.style == "inline-cn":
        return False
    return bool(_PLAN_HALF.search(root.title)) and not _RESULT_HALF.search(root.title)


def _bounded(fact: Fact) -> bool:
    return fact.quantity is not None and fact.quantity.qualifier in _BOUNDS


def plan_targets(plan: Analysis) -> list[Fact]:
    """The plan's targets in document order (facts with a value and a unit)."""
    from lint.quantities.statements import describe

    st = plan.statements
    describe(st)
    return [f for f in st.facts if f.quantity is not None and f.unit and (f.target or _bounded(f))]


def summary_results(summary: Analysis) -> list[Fact]:
    """The figures the summary reports as done, in document order."""
    from lint.quantities.statements import describe

    st = summary.statements
    describe(st)
    return [
        f
        for f in st.facts
        if f.quantity is not None
        and f.unit
        and not _PROMISE.search(f.qualifier or "")
        and not _in_plan_half(summary, f)
    ]


# Words that say a shortfall is known: 未完成, 主要原因, 差距, 受…影响, 滞后 …
_EXPLAINED = re.compile(
    r"未完成|未能完成|没有完成|未达到|未达|尚未完成|差距|主要原因|原因是|原因在于|由于|受[^，。；]{0,12}影响"
    r"|滞后|缓慢|低于预期|不及预期|缺口|短板"
)
_PROBLEM_TITLE = re.compile(r"问题|不足|差距|困难|短板")


def explained(summary: Analysis, fact: Fact, key: str) -> bool:
    """Whether the summary explains a shortfall: in the result's own paragraph or the next one,
    or in a 存在问题/不足 section that names the indicator."""
    doc = summary.doc
    line = doc.line_col(fact.start)[0]
    lines = doc.text.split("\n")
    nearby = "\n".join(lines[line - 1 : line + 1])
    if _EXPLAINED.search(nearby):
        return True
    for node in summary.outline.walk():
        if _PROBLEM_TITLE.search(node.title) and key in _section_text(summary, node):
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
