"""share: percentages recomputed from the numbers written next to them.

Every number is the interval its digits allow, so 117/126 = 92.86% agrees with "93%"; a finding
needs the recomputed interval and the written one to be disjoint. The base must be written out:
"占计划指标的41%" has no number for its base and is skipped, as is anything with a placeholder.

Options (YAML):
  check         share-recompute: "A，占B的p%" (A and B written), and a named rate (办结率93%)
                against the counts before it in its sentence ("收集126件，办结117件").
                share-over-100: a share (占…/占比/比重) above 100%.
                growth-recompute: "由A增至B，增长p%".
  of-words      share-recompute: regex for the word before the base in "A，占B的p%" (占, 相当于,
                完成…的).
  rates         share-recompute: verbs whose rate is recomputed (完成 → 完成率, 办结 → 办结率).
  base-words    share-recompute: a base of a rate must have one of these in its clause (目标,
                计划, 收集, 受理 …); the done count must follow the rate's verb directly.
  share-words   share-over-100: regex for the share wording that must end right before the number.
  change-words  share-over-100: a change between the share word and the number (占比提高120%)
                is not a share; share-recompute: a change is never the base or the part.
  skip-words    regexes: a statement containing one is skipped (年均, 累计 vs an annual base).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.quantities.intervals import disjoint, fmt, growth_percent, interval, measure, ratio_percent
from lint.quantities.textindex import TextIndex
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._quantity import segment_before
from lint.rules.kinds._structure import say
from lint.spec import derived, option
from lint.text.numerals import PLACEHOLDER

_AFTER_BASE = re.compile(r"^\s*(?:的)?(?:比重|比例)?(?:为|达|达到|约为)?\s*$")
_BETWEEN_PART_AND_SHARE = re.compile(r"^[，,\s]{0,2}(?:[\u4e00-\u9fff]{0,4})$")


class ShareRule(RuleSpec):
    kind: Literal["share"]
    check_: Literal["share-recompute", "share-over-100", "growth-recompute"] = option(alias="check")
    of_words: str = option(default="占(?!用|地|补|压|道|领|据|有)", alias="of-words")
    rates: list[str] = option(default_factory=list)
    base_words: list[str] = option(default_factory=list, alias="base-words")
    share_words: str | None = option(default=None, alias="share-words")
    change_words: list[str] = option(default_factory=list, alias="change-words")
    skip_words: list[str] = option(default_factory=list, alias="skip-words")

    _of: re.Pattern = derived()
    _rate: re.Pattern | None = derived(default=None)
    _base: re.Pattern | None = derived(default=None)
    _share: re.Pattern | None = derived(default=None)
    _change: re.Pattern | None = derived(default=None)
    _skip: re.Pattern | None = derived(default=None)

    def __post_init__(self) -> None:
        if self.check_ == "share-over-100" and not self.share_words:
            raise ValueError("check share-over-100 needs `share-words`")
        self._of = compile_regex(f"(?:{self.of_words})(?P<mid>[^，。；;,\\n%％0-9]{{0,16}}?)$", "of-words")
        if self.rates:
            verbs = "|".join(sorted(map(re.escape, self.rates), key=len, reverse=True))
            self._rate = re.compile(f"(?P<verb>{verbs})率$")
        if self.base_words:
            self._base = compile_regex("|".join(self.base_words), "base-words")
        if self.share_words:
            self._share = compile_regex(f"(?:{self.share_words})\\s*$", "share-words")
        if self.change_words:
            self._change = compile_regex("|".join(self.change_words), "change-words")
        if self.skip_words:
            self._skip = compile_regex("|".join(self.skip_words), "skip-words")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        ix = ctx.analysis.text_index
        if self.check_ == "share-recompute":
            yield from self._share_of(ctx, ix)
            yield from self._named_rates(ctx, ix)
        elif self.check_ == "share-over-100":
            yield from self._over_100(ctx, ix)
        else:
            yield from self._growth(ctx, ix)

    def _skipped(self, text: str, start: int, end: int) -> bool:
        return (self._skip is not None and bool(self._skip.search(text, start, end))) or bool(
            PLACEHOLDER.search(text, start, end)
        )

    def _is_change(self, text: str, q) -> bool:
        return self._change is not None and bool(self._change.search(segment_before(text, q.start)))

    def _report(self, ctx: Context, p, stated_low, stated_high, computed, related) -> Iterator[Diagnostic]:
        if computed is None or not disjoint((stated_low, stated_high), computed):
            return
        middle = (computed[0] + computed[1]) / 2
        yield ctx.diagnostic(
            self,
            p.start,
            p.end,
            related=related,
            stated=p.raw,
            computed=fmt(middle.quantize(1) if abs(middle) >= 10 else middle) + "%",
        )

    # -- 占 ----------------------------------------------------------------------------------
    def _share_of(self, ctx: Context, ix: TextIndex) -> Iterator[Diagnostic]:
        text = ctx.text
        reg = ctx.unit_registry
        qs = ix.quantities
        for i, p in enumerate(qs):
            if not p.is_percent or p.unit != "%" or i < 2:
                continue
            base = qs[i - 1]
            if not _AFTER_BASE.match(text[base.end : p.start]):
                continue
            head = self._of.search(text, max(0, base.start - 20), base.start)
            if head is None:
                continue
            part = qs[i - 2]
            occupy = head.start()
            if not _BETWEEN_PART_AND_SHARE.match(text[part.end : occupy]):
                continue
            mb = measure(base, reg)
            mp = measure(part, reg)
            if mb is None or mp is None or mb.key != mp.key:
                continue
            if self._skipped(text, part.start, p.end) or self._is_change(text, part):
                continue
            computed = ratio_percent((mp.low, mp.high), (mb.low, mb.high))
            yield from self._report(
                ctx,
                p,
                p.low,
                p.high,
                computed,
                [(say(ctx, "部分", "the part"), part.start), (say(ctx, "基数", "the base"), base.start)],
            )

    # -- 完成率, 办结率 -------------------------------------------------------------------------
    def _named_rates(self, ctx: Context, ix: TextIndex) -> Iterator[Diagnostic]:
        if self._rate is None or self._base is None:
            return
        for p in ix.quantities:
            if not p.is_percent or p.unit != "%" or "率" not in (p.indicator or ""):
                continue
            rate = self._rate.search(p.indicator or "")
            if rate is None:
                continue
            pair = self._done_and_base(ctx, ix, p, rate.group("verb"))
            if pair is None:
                continue
            (x, mx), (y, my) = pair
            if self._skipped(ctx.text, y.start, p.end):
                continue
            computed = ratio_percent((mx.low, mx.high), (my.low, my.high))
            yield from self._report(
                ctx,
                p,
                p.low,
                p.high,
                computed,
                [(say(ctx, "完成数", "the count done"), x.start), (say(ctx, "基数", "the base"), y.start)],
            )

    def _done_and_base(self, ctx: Context, ix: TextIndex, p, verb: str):
        """((count done, its measure), (base, its measure)) before a named rate in its sentence:
        exactly one figure the rate's verb completes (已完成120宗) and exactly one earlier figure of
        the same kind introduced as the base; None otherwise."""
        text, reg = ctx.text, ctx.unit_registry
        s_start, _ = ix.sentence(p.start)
        before = [q for q in ix.between(s_start, p.start) if not q.is_percent]
        done_re = re.compile(f"(?:已|共|累计)?{re.escape(verb)}了?\\s*$")
        done = [q for q in before if done_re.search(segment_before(text, q.start))]
        if len(done) != 1:
            return None
        x = done[0]
        mx = measure(x, reg)
        if mx is None:
            return None
        bases = []
        for q in before:
            if q is x or q.start > x.start:
                continue
            mq = measure(q, reg)
            if mq is None or mq.key != mx.key or self._is_change(text, q):
                continue
            if self._base is not None and self._base.search(segment_before(text, q.start)):
                bases.append((q, mq))
        if len(bases) != 1:
            return None
        return (x, mx), bases[0]

    # -- above 100% ----------------------------------------------------------------------------
    def _over_100(self, ctx: Context, ix: TextIndex) -> Iterator[Diagnostic]:
        text = ctx.text
        for p in ix.quantities:
            if not p.is_percent or p.unit != "%" or p.low is None or p.low <= 100:
                continue
            c_start = ix.clause(p.start)[0]
            lead = text[max(c_start, p.start - 30) : p.start]
            cut = max(lead.rfind("，"), lead.rfind(","))
            lead = lead[cut + 1 :]
            if self._share is None or not self._share.search(lead):
                continue
            if self._change is not None and self._change.search(lead):
                continue  # 占比提高120%: a change of a share, not a share
            if self._skipped(text, c_start, p.end):
                continue
            yield ctx.diagnostic(self, p.start, p.end, stated=p.raw)

    # -- growth ----------------------------------------------------------------------------------
    def _growth(self, ctx: Context, ix: TextIndex) -> Iterator[Diagnostic]:
        text = ctx.text
        reg = ctx.unit_registry
        st = ctx.analysis.statements
        for change in st.changes:
            a, b, c = (st.facts[i].quantity for i in (change.before, change.after, change.by))
            if a is None or b is None or c is None or a.is_percent or b.is_percent:
                continue  # a change of a rate: percentage points (UNIT005)
            ma, mb = measure(a, reg), measure(b, reg)
            if ma is None or mb is None or ma.key != mb.key:
                continue
            s_start = ix.sentence(a.start)[0]
            if self._skipped(text, s_start, c.end):
                continue
            computed = growth_percent((ma.low, ma.high), (mb.low, mb.high), change.down)
            yield from self._report(
                ctx, c, *interval(c), computed, [(say(ctx, "原值", "from"), a.start), (say(ctx, "现值", "to"), b.start)]
            )


RULE = ShareRule
