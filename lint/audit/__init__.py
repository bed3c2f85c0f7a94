"""Plans against results: each target of a plan matched to the summary's statement of it.

``audit`` (lint.audit.match) reads two analysed documents — the plan (工作要点, 计划, the 目标
part of a 政府工作报告) and the summary that answers it (工作总结) — and gives one row per
target: met, exceeded, short (with the gap, and whether the summary explains it), not reported,
or reported in a unit that does not convert. The CONS rules of kind ``plan-audit`` report the
rows on the summary; ``gwlint audit PLAN SUMMARY`` prints them with a plan-vs-result table.

Kept light: nothing is imported here, the command and the rule import what they use.
"""
