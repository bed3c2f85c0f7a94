"""Each target of a plan matched to the summary's figure for the same indicator and period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.audit.compare import Verdict, compare
from lint.audit.indicators import fact_key, known_indicator
from lint.audit.model import AuditResult, Outcome, Row
from lint.audit.periods import CUMULATIVE, Period, Scope, period_of, plan_scope, same_period, summary_scope
from lint.audit.sides import explained, in_target_section, plan_targets, summary_results

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.quantities.statements import Fact


def audit(plan: Analysis, summary: Analysis) -> AuditResult:
    """One row per target of ``plan`` (the first statement of each indicator and period)."""
    out = AuditResult(plan.doc.path, summary.doc.path)
    plan_period, summary_period = plan_scope(plan), summary_scope(summary)
    out.mismatch = mismatch(plan_period, summary_period)
    if out.mismatch:
        return out
    results = [(fact_key(f, summary), period_of(f.period, summary_period), f) for f in summary_results(summary)]
    seen: set[tuple[str, Period]] = set()
    for target in plan_targets(plan):
        key = fact_key(target, plan)
        period = period_of(target.period, plan_period)
        if not key or (key, period) in seen or not _within(period, plan_period):
            continue
        seen.add((key, period))
        candidates = [f for k, p, f in results if k == key and same_period(p, period) and _comparable(target, f)]
        out.rows.append(_row(plan, summary, target, key, candidates))
    return out


def mismatch(plan: Scope, summary: Scope) -> str:
    """Why a summary does not answer a plan figure by figure ("" when it does)."""
    if plan.year is not None and summary.year is not None and plan.year != summary.year:
        return f"计划针对{plan.year}年，总结报告的是{summary.year}年"
    if (plan.year is None) != (summary.year is None):  # one says its year, the other does not
        said = f"计划针对{plan.year}年" if plan.year else f"总结报告的是{summary.year}年"
        return f"{said}，另一份的标题和一级标题未写明年份，无法确认两者对应"
    if plan.part != summary.part:
        return f"计划针对{plan.label()}，总结报告的是{summary.label()}"
    return ""


def _within(period: Period, plan: Scope) -> bool:
    """A target for the plan's own year (or a part of it, or a running total); not one for
    a later year (2027年…) stated in passing."""
    return period.part == CUMULATIVE or period.year is None or plan.year is None or period.year == plan.year


def _comparable(target: Fact, result: Fact) -> bool:
    """A part (其中…) answers only a part; a rate only a rate."""
    if result.role == "part" and target.role != "part":
        return False
    return target.is_percent == result.is_percent


def _row(plan: Analysis, summary: Analysis, target: Fact, key: str, candidates: list[Fact]) -> Row:
    line = plan.doc.line_col(target.start)[0]
    written = as_written(plan.doc.text, target)
    if not candidates:
        certain = in_target_section(plan, target) or known_indicator(plan, target)
        return Row(key, target, line, written, Outcome.NOT_REPORTED, certain=certain)
    result, verdict = _best(summary, target, candidates)
    outcome = verdict.outcome
    if outcome is Outcome.SHORT and explained(summary, result, key):
        outcome = Outcome.SHORT_EXPLAINED
    return Row(
        key,
        target,
        line,
        written,
        outcome,
        result,
        summary.doc.line_col(result.start)[0],
        as_written(summary.doc.text, result),
        gap=verdict.gap,
        converted=verdict.converted,
    )


def _best(summary: Analysis, target: Fact, candidates: list[Fact]) -> tuple[Fact, Verdict]:
    """The first figure whose unit converts to the target's (else the first figure)."""
    registry = summary.unit_registry
    assert target.quantity is not None
    first: tuple[Fact, Verdict] | None = None
    for fact in candidates:
        assert fact.quantity is not None
        verdict = compare(target.quantity, fact.quantity, registry)
        if verdict.outcome is not Outcome.UNIT_CHANGED:
            return fact, verdict
        first = first or (fact, verdict)
    assert first is not None
    return first


def as_written(text: str, fact: Fact) -> str:
    """The figure with the bound word written around it (不低于45万亩, 900亩以上)."""
    q = fact.quantity
    start, end = fact.start, fact.end
    if q is not None and q.qualifier_span is not None:
        start, end = min(start, q.qualifier_span[0]), max(end, q.qualifier_span[1])
    return text[start:end]
