"""The plan-vs-result table of an audit, as report data (lint.report.tables.Table)."""

from __future__ import annotations

from lint.audit.model import AuditResult, Outcome, Row
from lint.report.tables import Table

_COLUMNS = {
    "zh": ("指标", "计划目标", "计划行", "总结结果", "总结行", "结论"),
    "en": ("indicator", "target", "plan line", "result", "summary line", "outcome"),
}
_TITLE = {"zh": "计划与完成情况对照（{plan} → {summary}）", "en": "Plan against results ({plan} → {summary})"}
_NOTE = {"zh": "未逐项对照：{why}", "en": "targets not compared: {why}"}
_OUTCOME_EN = {
    Outcome.MET: "met",
    Outcome.EXCEEDED: "exceeded",
    Outcome.SHORT: "short, not explained",
    Outcome.SHORT_EXPLAINED: "short, explained",
    Outcome.NOT_REPORTED: "not reported",
    Outcome.UNIT_CHANGED: "unit does not convert",
}


def audit_table(audit: AuditResult, lang: str = "zh") -> Table:
    lang = lang if lang in _COLUMNS else "zh"
    note = _NOTE[lang].format(why=audit.mismatch) if audit.mismatch else ""
    return Table(
        title=_TITLE[lang].format(plan=audit.plan_path, summary=audit.summary_path),
        columns=_COLUMNS[lang],
        rows=tuple(_cells(row, lang) for row in audit.rows),
        note=note,
    )


def _cells(row: Row, lang: str) -> tuple[str, ...]:
    outcome = row.outcome.label if lang == "zh" else _OUTCOME_EN[row.outcome]
    if row.gap:
        outcome += f"：差{row.gap}" if lang == "zh" else f": by {row.gap}"
    result = row.result_text + (f"（{row.converted}）" if row.converted else "")
    return (
        row.key,
        row.target_text,
        str(row.target_line),
        result or "—",
        str(row.result_line) if row.result_line else "—",
        outcome,
    )
