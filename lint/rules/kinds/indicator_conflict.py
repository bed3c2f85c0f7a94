"""indicator-conflict: one indicator, one period, one role — one value (the CONS family).

The indicator values of a document (lint.quantities.consistency: figures whose words the indicator lexicon
knows, with their period, role and place) are grouped; a later claim whose interval cannot
overlap the first claim of its group is a finding on the later figure, naming both figures and
lines. Intervals carry the written precision, so 4.8万亩 and 48000亩 agree and rounding is never
reported.

Each conflict belongs to exactly one rule: the units decide first (``units``), then where the
two figures stand (``pairs``):
  units      same: both written in the same unit (亩 and 万亩 are one unit, scaled);
             converted: two units of one dimension (亩 and 公顷) whose values do not convert
             to the same amount.
  pairs      the places of the two figures this rule reports (any of):
             target-vs-task: a plan's 目标 section against a figure outside it;
             overview-vs-body: a summary's opening overview against its body;
             same-place: every other pair.
  skip-words regexes: a figure with one of them earlier in its sentence is not compared
             (其中 subsets, 分别为 values, 人均, 累计, milestones such as 突破).
  era-words  regexes: one of them earlier in the figure's paragraph or in a heading above it puts
             the figure in another span of time (这五年, 五年来, “十四五”时期): not compared.
  target-words regexes: one of them earlier in the figure's sentence makes it a target; earlier in
             its paragraph only, the figure's role is unsure and it is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._structure import say
from lint.spec import derived, option

if TYPE_CHECKING:
    from lint.quantities.consistency import Conflict, IndicatorValue, ValueWords

Pair = Literal["target-vs-task", "overview-vs-body", "same-place"]


class IndicatorConflictRule(RuleSpec):
    kind: Literal["indicator-conflict"]
    units: Literal["same", "converted"] = "same"
    pairs: list[Pair] = option(default_factory=lambda: list[Pair](["same-place"]))
    skip_words: list[str] = option(default_factory=list, alias="skip-words")
    era_words: list[str] = option(default_factory=list, alias="era-words")
    target_words: list[str] = option(default_factory=list, alias="target-words")

    _words: ValueWords = derived()

    def __post_init__(self) -> None:
        from lint.quantities.consistency import ValueWords

        self._words = ValueWords(
            _one_pattern(self.skip_words, "skip-words"),
            _one_pattern(self.era_words, "era-words"),
            _one_pattern(self.target_words, "target-words"),
        )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        from lint.quantities.consistency import conflicts, indicator_values

        kind = ctx.analysis.kind
        for conflict in conflicts(indicator_values(ctx.analysis, self._words)):
            if conflict.same_unit != (self.units == "same") or pair_of(conflict, kind) not in self.pairs:
                continue
            yield self._finding(ctx, conflict)

    def _finding(self, ctx: Context, conflict: Conflict) -> Diagnostic:
        first, later = conflict.first, conflict.later
        doc = ctx.doc
        first_line = doc.line_col(first.fact.start)[0]
        converted = _converted(ctx, later, first) if self.units == "converted" else ""
        return ctx.diagnostic(
            self,
            later.fact.start,
            later.fact.end,
            related=[(say(ctx, f"前文：{first.fact.raw}", f"stated first: {first.fact.raw}"), first.fact.start)],
            indicator=later.key.name,
            first=first.fact.raw,
            first_line=first_line,
            value=later.fact.raw,
            line=doc.line_col(later.fact.start)[0],
            converted=converted,
        )


def _one_pattern(words: list[str], what: str) -> re.Pattern | None:
    return compile_regex("|".join(f"(?:{w})" for w in words), what) if words else None


def pair_of(conflict: Conflict, kind: str) -> str:
    """Which rule a conflict belongs to, by where its two figures stand."""
    places = conflict.places
    if kind == "plan" and "target-section" in places and len(places) == 2:
        return "target-vs-task"
    if kind == "summary" and places == {"overview", "body"}:
        return "overview-vs-body"
    return "same-place"


def _converted(ctx: Context, claim: IndicatorValue, like: IndicatorValue) -> str:
    """The later figure written in the first figure's unit: 3万公顷 → 45万亩."""
    from lint.quantities.intervals import canonical_interval, show

    q = claim.fact.quantity
    target = like.fact.quantity
    if q is None or target is None:
        return ""
    value = canonical_interval(q, ctx.unit_registry, q.value, q.value)
    if value is None or value[0] is None:
        return ""
    return show(value[0], target, ctx.unit_registry)


RULE = IndicatorConflictRule
