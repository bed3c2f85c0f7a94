"""The rows of an audit: one per target of the plan, with its outcome in the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.quantities.statements import Fact


class Outcome(StrEnum):
    MET = "met"
    EXCEEDED = "exceeded"
    SHORT = "short"  # below the target and the summary says nothing about it nearby
    SHORT_EXPLAINED = "short-explained"  # below, with 未完成 / 主要原因 / 差距 … nearby
    NOT_REPORTED = "not-reported"
    UNIT_CHANGED = "unit-changed"  # reported in a unit that does not convert to the target's

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Outcome.MET: "完成",
    Outcome.EXCEEDED: "超额完成",
    Outcome.SHORT: "未完成（未说明）",
    Outcome.SHORT_EXPLAINED: "未完成（已说明）",
    Outcome.NOT_REPORTED: "未报告",
    Outcome.UNIT_CHANGED: "单位不同",
}


@dataclass(frozen=True)
class Row:
    """One target: where the plan states it, where the summary answers it, and how."""

    key: str  # the normalised indicator
    target: Fact
    target_line: int
    target_text: str  # as written, with its bound word: 900亩以上, 不低于45万亩
    outcome: Outcome
    result: Fact | None = None
    result_line: int | None = None
    result_text: str = ""
    gap: str = ""  # 40亩: how far short, in the target's unit
    converted: str = ""  # the result in the target's unit when it was written in another
    # The target is certainly one: stated under a 目标 heading, or its indicator is a known one.
    # Only such a target is reported as not reported (a figure written as 超过… in passing may
    # be no target at all).
    certain: bool = True


@dataclass
class AuditResult:
    plan_path: str
    summary_path: str
    rows: list[Row] = field(default_factory=list)
    # Why the two documents were not compared figure by figure (the summary covers another
    # year or only part of the plan's), or "" when they were.
    mismatch: str = ""
