"""totals: a stated total against its parts, read from the statement model.

The statement model (``lint.quantities.statements``) finds the totals and their part sets: a
其中/包括 list (some parts only), each dimension of one total as its own part set (性别, 城乡,
年龄, 产业 — never added together), a bracketed breakdown, 分别为 name–value pairs and
"…，合计T". Values that 分别为 maps to named groups are never parts. Every number is the interval
its digits allow (4.8万亩 → [47500, 48500]); a finding needs the intervals to be disjoint.

Options (YAML):
  check         parts-exceed: parts that are not the whole (其中) must not exceed the total: one
                part above it at the rule's severity, the parts' sum above it at
                ``sum-severity`` (parts may overlap).
                breakdown: parts that are the whole (a bracketed list, 分别为 pairs, 合计, a
                dimension covered completely such as 男/女 or 0—14/15—64/65岁及以上) must add up.
                growth-parts: a total's stated growth against the growth its complete parts
                imply (Σparts / Σ(part / (1 + g)) − 1).
                shares-100: a complete share breakdown (三次产业结构为7.6:44.8:47.6) must make 100%.
  sum-severity  parts-exceed: severity when only the sum of the parts exceeds the total.
  floor-severity  parts-exceed: severity when a target total written as a floor (4万亩以上,
                不少于3.5万亩) is below the floor or value of one of its parts (其中住宅用地6万亩
                以上): not impossible, but the total's floor cannot be the one meant. A report's
                floor (接待游客超11亿人次) is left alone: its parts may exceed a rounded-down floor.
  growth-slack  growth-parts: percentage points allowed beyond the written precision (growth at
                comparable prices is chain-linked, so it drifts from the parts' nominal weights).
  messages      secondary messages by key (sum, sum-en).
  sets          shares-100: [{trigger: regex ending right before the list, count: n}] — the list
                is a ratio (7.6:44.8:47.6) or percentages (7.6%、44.8%和47.6%).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.quantities.intervals import disjoint, fmt
from lint.quantities.statements import (
    Fact,
    PartSet,
    Statements,
    implied_growth,
    is_target,
    part_set_text,
)
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._quantity import variant
from lint.rules.kinds._structure import say
from lint.spec import Options, derived, option
from lint.text.numerals import CTX, plain, rounding_interval

# Secondary messages (zh, en); a pack may override them under ``messages:``.
_MESSAGES = {
    "sum": (
        "所列{count}个分项之和超过总数：{arithmetic}（分项可能重叠，请核对）",
        "the {count} parts listed add up to more than the total: {arithmetic} (parts may overlap)",
    ),
    "floor": (
        "分项“{part}”高于总数的下限“{total}”：总数按下限写，却低于其中一项（请核对总数）",
        "the part “{part}” is above the floor of its total “{total}”: the total's floor is below one of its parts",
    ),
}


class ShareSet(Options):
    trigger: str
    count: int | None = option(default=None, ge=2)


class TotalsRule(RuleSpec):
    kind: Literal["totals"]
    check_: Literal["parts-exceed", "breakdown", "growth-parts", "shares-100"] = option(alias="check")
    sum_severity: Literal["error", "warning", "info"] = option(default="warning", alias="sum-severity")
    floor_severity: Literal["error", "warning", "info"] = option(default="warning", alias="floor-severity")
    sets: list[ShareSet] = option(default_factory=list)
    growth_slack: Decimal = option(default=Decimal(0), ge=0, alias="growth-slack")
    messages: dict[str, str] = option(default_factory=dict)

    _sets: list[tuple[re.Pattern, int | None]] = derived(default_factory=list)

    def __post_init__(self) -> None:
        if self.check_ == "shares-100" and not self.sets:
            raise ValueError("check shares-100 needs `sets`")
        self._sets = [(compile_regex(s.trigger, "sets.trigger"), s.count) for s in self.sets]

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.check_ == "shares-100":
            yield from self._shares(ctx)
            return
        st = ctx.analysis.statements
        for ps in st.part_sets:
            if any(st.facts[i].unit is None for i in (ps.total, *ps.parts)):
                continue  # a figure without its unit is UNIT's finding, not a sum
            if self.check_ == "parts-exceed" and not ps.exhaustive:
                yield from self._exceeds(ctx, st, ps)
            elif self.check_ == "breakdown" and ps.exhaustive:
                yield from self._mismatch(ctx, st, ps)
            elif self.check_ == "growth-parts" and ps.exhaustive:
                yield from self._growth(ctx, st, ps)

    def _related(self, ctx: Context, st: Statements, ps: PartSet) -> list[tuple[str, int]]:
        return [(say(ctx, "总数", "the total"), st.facts[ps.total].start)]

    # -- parts-exceed ------------------------------------------------------------------------
    def _exceeds(self, ctx: Context, st: Statements, ps: PartSet) -> Iterator[Diagnostic]:
        total = st.facts[ps.total]
        mt = st.measure(total)
        if mt is not None and mt.high is None:
            yield from self._above_floor(ctx, st, ps, mt.low)
        if mt is None or mt.high is None:
            return
        for i in ps.parts:
            part = st.facts[i]
            mp = st.measure(part)
            if mp is not None and mp.low is not None and mp.low > mt.high:
                yield ctx.diagnostic(
                    self, part.start, part.end, related=self._related(ctx, st, ps), part=part.raw, total=total.raw
                )
                return
        if len(ps.parts) < 2:
            return
        arithmetic, ok = part_set_text(st, ps)
        if ok is False:
            first, last = st.facts[ps.parts[0]], st.facts[ps.parts[-1]]
            yield ctx.diagnostic(
                self,
                first.start,
                last.end,
                related=self._related(ctx, st, ps),
                severity=self.sum_severity,
                message=variant(
                    ctx, self, "sum", _MESSAGES, arithmetic=arithmetic, count=len(ps.parts), total=total.raw
                ),
            )

    def _above_floor(self, ctx: Context, st: Statements, ps: PartSet, floor: Decimal | None) -> Iterator[Diagnostic]:
        """A target total written as a floor (4万亩以上) below one of its parts (6万亩以上)."""
        total = st.facts[ps.total]
        if floor is None or not is_target(st, total):
            return
        for i in ps.parts:
            part = st.facts[i]
            mp = st.measure(part)
            if mp is not None and mp.low is not None and mp.low > floor:
                yield ctx.diagnostic(
                    self,
                    part.start,
                    part.end,
                    related=self._related(ctx, st, ps),
                    severity=self.floor_severity,
                    message=variant(
                        ctx, self, "floor", _MESSAGES, part=_with_bound(st, part), total=_with_bound(st, total)
                    ),
                )
                return

    # -- breakdown ---------------------------------------------------------------------------
    def _mismatch(self, ctx: Context, st: Statements, ps: PartSet) -> Iterator[Diagnostic]:
        arithmetic, ok = part_set_text(st, ps)
        if ok is not False:
            return
        others = [
            part_set_text(st, other)[0]
            for other in st.part_sets
            if other is not ps and other.total == ps.total and other.exhaustive
        ]
        first, last = st.facts[ps.parts[0]], st.facts[ps.parts[-1]]
        yield ctx.diagnostic(
            self,
            first.start,
            last.end,
            related=self._related(ctx, st, ps),
            arithmetic="；".join([arithmetic, *others]),
            total=st.facts[ps.total].raw,
        )

    # -- growth-parts ------------------------------------------------------------------------
    def _growth(self, ctx: Context, st: Statements, ps: PartSet) -> Iterator[Diagnostic]:
        stated = st.growth_of(ps.total)
        if stated is None:
            return
        implied = implied_growth(st, ps)
        rate = st.facts[stated.rate]
        q = rate.quantity
        if implied is None or q is None or q.low is None or q.high is None:
            return
        sign = Decimal(-1) if stated.down else Decimal(1)
        low, high = sorted((sign * q.low, sign * q.high))
        slack = self.growth_slack
        if not disjoint((low, high), (implied[0] - slack, implied[1] + slack)):
            return
        middle = plain(CTX.divide(CTX.add(implied[0], implied[1]), Decimal(2)))
        parts = "、".join(f"{st.facts[i].raw}{_growth_text(st, i)}" for i in ps.parts)
        yield ctx.diagnostic(
            self,
            rate.start,
            rate.end,
            related=self._related(ctx, st, ps),
            stated=rate.raw,
            computed=fmt(middle) + "%",
            parts=parts,
            total=st.facts[ps.total].raw,
        )

    # -- shares-100 ------------------------------------------------------------------------------
    _NUMBER = re.compile(r"\d+(?:\.\d+)?")
    _RATIO = re.compile(r"\s*(\d+(?:\.\d+)?)(?:\s*[:：∶]\s*(\d+(?:\.\d+)?))+")
    _PERCENTS = re.compile(r"\s*\d+(?:\.\d+)?\s*[%％](?:\s*(?:、|，|,|和|及|与)\s*\d+(?:\.\d+)?\s*[%％])+")

    def _shares(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        for regex, count in self._sets:
            for m in regex.finditer(text):
                listed = self._RATIO.match(text, m.end()) or self._PERCENTS.match(text, m.end())
                if listed is None:
                    continue
                numbers = [n for n in self._NUMBER.finditer(text, listed.start(), listed.end())]
                if count is not None and len(numbers) != count:
                    continue
                low = high = Decimal(0)
                for n in numbers:
                    written = n.group()  # digits with an optional ASCII point: its decimals are its precision
                    v_low, v_high = rounding_interval(Decimal(written), -len(written.partition(".")[2]))
                    low, high = CTX.add(low, v_low), CTX.add(high, v_high)
                if low <= 100 <= high:
                    continue
                total = plain(CTX.add(sum((Decimal(n.group()) for n in numbers), Decimal(0)), 0))
                start = numbers[0].start()
                yield ctx.diagnostic(self, start, listed.end(), sum=fmt(total))


def _with_bound(st: Statements, f: Fact) -> str:
    """The figure with its bound word as written: 4万亩以上, 不少于5.3万亩."""
    q = f.quantity
    if q is None or q.qualifier_span is None:
        return f.raw
    return st.text[min(q.qualifier_span[0], f.start) : max(q.qualifier_span[1], f.end)]


def _growth_text(st: Statements, index: int) -> str:
    g = st.growth_of(index)
    if g is None:
        return ""
    return ("下降" if g.down else "增长") + st.facts[g.rate].raw


RULE = TotalsRule
