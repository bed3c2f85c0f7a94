"""plan-audit: a summary against the plan it answers (`gwlint audit PLAN SUMMARY`, `pairs:`).

Reads ``Analysis.audit`` (lint.audit): one row per target of the plan, with its outcome in the
summary. Each rule reports one outcome on the summary; without a plan it reports nothing.

Options (YAML):
  outcome   not-reported: a target the summary never states (on the summary's first line).
            short: a result below its target with no explanation nearby (未完成, 主要原因 …).
            short-explained: a result below its target that the summary explains.
            unit-changed: a result in a unit that does not convert to the target's.
            period-mismatch: the summary covers another year or part of the year than the plan.
Message fields: {indicator} {target} {plan} {plan_line} {result} {gap} {converted} {why}.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec

if TYPE_CHECKING:
    from lint.audit.model import AuditResult, Row


class PlanAuditRule(RuleSpec):
    kind: Literal["plan-audit"]
    outcome: Literal["not-reported", "short", "short-explained", "unit-changed", "period-mismatch"]

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        audit = ctx.analysis.audit
        if audit is None:
            return
        if self.outcome == "period-mismatch":
            if audit.mismatch:
                yield self._first_line(ctx, why=audit.mismatch, plan=_name(audit))
            return
        from lint.audit.model import Outcome  # here: a document without a plan never needs it

        wanted = Outcome(self.outcome)
        for row in audit.rows:
            if row.outcome is wanted and row.certain:
                yield self._report(ctx, audit, row)

    def _report(self, ctx: Context, audit: AuditResult, row: Row) -> Diagnostic:
        values: dict[str, Any] = {
            "indicator": row.key,
            "target": row.target_text,
            "plan": _name(audit),
            "plan_line": row.target_line,
            "result": row.result_text,
            "gap": row.gap,
            "converted": row.converted,
        }
        if row.result is None:
            return self._first_line(ctx, **values)
        return ctx.diagnostic(self, row.result.start, row.result.end, **values)

    def _first_line(self, ctx: Context, **values: Any) -> Diagnostic:
        end = ctx.text.find("\n")
        return ctx.diagnostic(self, 0, len(ctx.text) if end < 0 else end, **values)


def _name(audit: AuditResult) -> str:
    return PurePath(audit.plan_path).name


RULE = PlanAuditRule
