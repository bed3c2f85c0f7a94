"""totals: a stated total against its parts, with C11 round-to-nearest interval arithmetic.

Every number stands for the interval its digits allow (4.8万亩 → [47500, 48500]; a count such as
18个 is exact; 以上 opens the upper end). A total and its parts are inconsistent only when the
parts' summed interval and the total's interval are disjoint. Percentages, rates, per-head values
and changes (比上年增加…) never add up and are left out; a placeholder (X亩) anywhere in the
statement skips it.

Options (YAML):
  check         parts-exceed: a non-exhaustive list opened by a trigger (其中) must not exceed
                its total. One part above the total is reported at the rule's severity; the parts'
                sum above it (parts may overlap) at ``sum-severity``.
                breakdown: an exhaustive breakdown must add up to its total — a bracketed list right
                after the total (村庄18个（凤桥10个、新丰7个、余新1个）), "T，分别为a、b、c", or
                "a，b，c，合计T".
                shares-100: a complete share breakdown (三次产业结构为7.6:44.8:47.6) must make 100%.
  triggers      parts-exceed: words opening the list of parts (其中).
                breakdown: words announcing the parts after a total (分别为).
  sum-words     breakdown: words announcing a total after its parts (合计, 共计, 总计).
  open-words    breakdown: words that make a bracketed list non-exhaustive (其中, 包括, 等, 主要 …).
  change-words  a quantity whose clause has one of these before it is a change (比上年增加10万人),
                not a total or a part.
  skip-words    a total or part whose clause has one of these is left out (累计, 年均, 人均, 每千人).
  stop-words    parts-exceed: a later piece (after ， or ；) matching one starts a new statistic,
                which ends the list of parts (立案45件，其中土地38件；结案40件).
                One part above the total is an error only for the parts in the first piece after
                其中; the pieces after it count for the sum (a warning) while each is one bare part.
  sum-severity  parts-exceed: severity when only the sum of the parts exceeds the total.
  messages      secondary messages by key (sum, sum-en): the sum case of parts-exceed.
  sets          shares-100: [{trigger: regex ending right before the list, count: n}] — the list
                is a ratio (7.6:44.8:47.6) or percentages (7.6%、44.8%和47.6%).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._quantity import (
    PLACEHOLDER,
    TextIndex,
    add_intervals,
    compile_words,
    disjoint,
    fmt,
    measure,
    segment_before,
    show,
    text_index,
    variant,
)
from lint.rules.kinds._structure import say
from lint.text.numerals import CTX, plain


# Secondary messages (zh, en); a pack may override them under ``messages:``.
_MESSAGES = {
    "sum": ("所列{count}个分项之和至少为{sum}，超过总数“{total}”（分项可能重叠，请核对）",
            "the {count} parts listed add up to at least {sum}, more than the total “{total}” (parts may overlap)"),
}


class ShareSet(BaseModel):
    model_config = ConfigDict(extra="forbid")
    trigger: str
    count: int | None = Field(default=None, ge=2)


class TotalsRule(RuleSpec):
    kind: Literal["totals"]
    check_: Literal["parts-exceed", "breakdown", "shares-100"] = Field(alias="check")
    triggers: list[str] = Field(default_factory=list)
    sum_words: list[str] = Field(default_factory=list, alias="sum-words")
    open_words: list[str] = Field(default_factory=list, alias="open-words")
    change_words: list[str] = Field(default_factory=list, alias="change-words")
    skip_words: list[str] = Field(default_factory=list, alias="skip-words")
    stop_words: list[str] = Field(default_factory=list, alias="stop-words")
    sum_severity: Literal["error", "warning", "info"] = Field(default="warning", alias="sum-severity")
    sets: list[ShareSet] = Field(default_factory=list)
    messages: dict[str, str] = Field(default_factory=dict)

    _trigger: re.Pattern | None = PrivateAttr(default=None)
    _sum: re.Pattern | None = PrivateAttr(default=None)
    _open: re.Pattern | None = PrivateAttr(default=None)
    _change: re.Pattern | None = PrivateAttr(default=None)
    _skip: re.Pattern | None = PrivateAttr(default=None)
    _stop: re.Pattern | None = PrivateAttr(default=None)
    _sets: list[tuple[re.Pattern, int | None]] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _compile(self) -> "TotalsRule":
        if self.check_ == "parts-exceed" and not self.triggers:
            raise ValueError(f"check {self.check_} needs `triggers`")
        if self.check_ == "shares-100" and not self.sets:
            raise ValueError("check shares-100 needs `sets`")
        self._trigger = compile_words(self.triggers, "triggers")
        self._sum = compile_words(self.sum_words, "sum-words")
        self._open = compile_words(self.open_words, "open-words")
        self._change = compile_regex("|".join(self.change_words), "change-words") if self.change_words else None
        self._skip = compile_regex("|".join(self.skip_words), "skip-words") if self.skip_words else None
        self._stop = compile_regex("|".join(self.stop_words), "stop-words") if self.stop_words else None
        self._sets = [(compile_regex(s.trigger, "sets.trigger"), s.count) for s in self.sets]
        return self

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.check_ == "parts-exceed":
            yield from self._parts_exceed(ctx)
        elif self.check_ == "breakdown":
            yield from self._breakdown(ctx)
        else:
            yield from self._shares(ctx)

    # -- shared ----------------------------------------------------------------------------
    def _is_change(self, text: str, q) -> bool:
        return self._change is not None and bool(self._change.search(segment_before(text, q.start)))

    def _is_skipped(self, text: str, q) -> bool:
        return self._skip is not None and bool(self._skip.search(segment_before(text, q.start)))

    # -- parts-exceed ------------------------------------------------------------------------
    def _parts_exceed(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if self._trigger is None or not self._trigger.search(text):
            return
        ix = text_index(ctx)
        reg = ctx.unit_registry
        for m in self._trigger.finditer(text):
            if ix.quoted.overlaps(m.start(), m.end()) or text[m.end():m.end() + 1] in ("的", "之"):
                continue  # 找出其中的规律: a pronoun, not a list of parts
            found = self._scope(ix, m.start(), m.end())
            if found is None:
                continue
            totals, parts_span, bracket = found
            if PLACEHOLDER.search(text, totals[0], parts_span[1]):
                continue
            sure, more = self._parts(ix, reg, parts_span, bracket)
            if not sure:
                continue
            key = sure[0][1].key
            candidates = []
            for q in ix.between(*totals):
                if not self._outside_brackets(ix, q, totals[0]) or self._is_change(text, q) \
                        or self._is_skipped(text, q):
                    continue
                mq = measure(q, reg, additive_only=True)
                if mq is not None and mq.key == key:
                    candidates.append((q, mq))
            if len(candidates) != 1:
                continue  # no total, or two that could be it: unsure, so silent
            yield from self._judge(ctx, reg, candidates[0], sure, more)

    @staticmethod
    def _outside_brackets(ix: TextIndex, q, since: int) -> bool:
        inner = ix.bracket(q.start)
        return inner is None or inner[0] < since

    def _scope(self, ix: TextIndex, start: int, end: int):
        """(span holding the total, span of the parts, enclosing bracket or None)."""
        text = ix.text
        bracket = ix.bracket(start)
        if bracket is not None:
            if text[bracket[0] + 1:start].strip(" \u3000") != "":
                return None  # （…其中…）: the bracket is not the list of parts
            line_start = ix.line(start)[0]
            # The total is the quantity the bracket is attached to: 1.5万亩（其中复垦1万亩以上）.
            before = ix.between(line_start, bracket[0])
            if not before or text[before[-1].end:bracket[0]].strip(" \u3000以上左右") != "":
                return None
            return (before[-1].start, bracket[0]), (end, bracket[1] - 1), bracket
        s_start, s_end = ix.sentence(start)
        lead = text[s_start:start]
        if lead.strip(" \u3000，,：:") == "":
            if s_start == 0 or text[s_start - 1] == "\n":
                return None  # 其中 opens a paragraph: its total is out of reach
            t_start = ix.sentence(s_start - 1)[0]
            return (t_start, s_start - 1), (end, s_end), None
        return (s_start, start), (end, s_end), None

    _PART_END = set("，,；;。、）)\n：:和及与")

    def _eligible(self, ix: TextIndex, reg, q, bracket) -> tuple | None:
        """(q, measure) when q can be a part: additive, not a change, not a modifier (10亿元项目)."""
        text = ix.text
        inner = ix.bracket(q.start)
        if inner is not None and inner != bracket:
            return None  # 医师579人（其中执业医师493人）: parts of a part
        if self._is_change(text, q) or self._is_skipped(text, q):
            return None
        after = q.qualifier_span[1] if q.qualifier_span and q.qualifier_span[0] >= q.end else q.end
        while after < len(text) and text[after] in " \u3000":
            after += 1
        if after < len(text) and text[after] not in self._PART_END:
            return None  # followed by a noun: an attribute (亿元以上项目), not a part
        mq = measure(q, reg, additive_only=True)
        return (q, mq) if mq is not None else None

    def _subsegments(self, ix: TextIndex, start: int, end: int, bracket) -> list[tuple[int, int, str]]:
        """Pieces of [start, end) split at ，/； outside inner brackets, with the mark before each."""
        text = ix.text
        out: list[tuple[int, int, str]] = []
        cursor, mark = start, ""
        for i in range(start, end):
            ch = text[i]
            if ch in "，,；;":
                inner = ix.bracket(i)
                if inner is not None and inner != bracket:
                    continue
                out.append((cursor, i, mark))
                cursor, mark = i + 1, ch
        out.append((cursor, end, mark))
        return out

    def _parts(self, ix: TextIndex, reg, span: tuple[int, int], bracket) -> tuple[list, list]:
        """The parts surely listed (up to the first ，), and those that continue the same list.

        The list goes on past a comma only while each piece is one bare part ("，创业板公司20家");
        a piece that only describes the part before it (，全省占比14.6%；比上年增加…) suspends it
        until the next ；, and a piece that starts a new statistic (新增…, 共…) ends it.
        """
        text = ix.text
        pieces = self._subsegments(ix, span[0], span[1], bracket)
        sure: list = []
        more: list = []
        index = 0
        while index < len(pieces) and not text[pieces[index][0]:pieces[index][1]].strip(" \u3000：:"):
            index += 1  # 其中，城市分批次类…: the list starts after the comma
        if index >= len(pieces):
            return [], []
        a, b, _ = pieces[index]
        if self._stop is not None and self._stop.search(text, a, b) and index > 0:
            return [], []
        again = self._trigger.search(text, a, b) if self._trigger is not None else None
        cut = again.start() if again is not None else b
        qs = ix.between(a, cut)
        for q in qs:
            item = self._eligible(ix, reg, q, bracket)
            if item is None:
                if q.start == qs[0].start:
                    return [], []  # the first number is not a part: not a list of parts
                continue
            if sure and item[1].key != sure[0][1].key:
                continue
            sure.append(item)
        if len(sure) != 1:
            return sure, []  # a 、-list complete in itself, or nothing
        key = sure[0][1].key
        describing = False
        for a, b, mark in pieces[index + 1:]:
            if mark in "；;":
                describing = False
                semi_end = min([i for i in (text.find("；", b, span[1]), text.find(";", b, span[1]))
                                if i >= 0] or [span[1]])
                if self._trigger is not None and self._trigger.search(text, a, semi_end):
                    break  # "；全县在校学生131391人，其中…": a new total with its own parts
            if describing:
                continue
            qs = ix.between(a, b)
            items = [self._eligible(ix, reg, q, bracket) for q in qs]
            items = [it for it in items if it is not None and it[1].key == key]
            if not items:
                describing = True  # ，全省占比14.6%，排名第一: about the part before
                continue
            if self._stop is not None and self._stop.search(text[a:b]):
                break
            q = items[0][0]
            tail = text[q.end:b].strip(" \u3000以上左右")
            if len(items) != 1 or len(qs) != 1 or tail:
                break
            more.append(items[0])
        return sure, more

    def _judge(self, ctx: Context, reg, total_item, sure: list, more: list) -> Iterator[Diagnostic]:
        total, mt = total_item
        if mt.high is None:
            return
        related = [(say(ctx, "总数", "the total"), total.start)]
        for q, mq in sure:
            if mq.low is not None and mq.low > mt.high:
                yield ctx.diagnostic(self, q.start, q.end, related=related, part=q.raw, total=total.raw)
                return
        members = sure + more
        if len(members) < 2:
            return
        low, _ = add_intervals((mq.low, mq.high) for _, mq in members)
        if low is not None and low > mt.high:
            first, last = members[0][0], members[-1][0]
            yield ctx.diagnostic(
                self, first.start, last.end, related=related, severity=self.sum_severity,
                message=self._message(ctx, "sum", sum=show(low, total, reg), total=total.raw,
                                      count=len(members)))

    def _message(self, ctx: Context, which: str, **values) -> str:
        return variant(ctx, self, which, _MESSAGES, **values)

    # -- breakdown -----------------------------------------------------------------------------
    def _breakdown(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        ix = text_index(ctx)
        reg = ctx.unit_registry
        trigger = self._trigger
        first_chars = {w[0] for w in self.triggers}
        for q in ix.quantities:
            after = q.qualifier_span[1] if q.qualifier_span and q.qualifier_span[0] >= q.end else q.end
            bracket = ix.bracket_after(after)
            listed = trigger is not None and any(ch in first_chars for ch in text[after:after + 10])
            if bracket is None and not listed:
                continue
            mq = measure(q, reg, additive_only=True)
            if mq is None:
                continue
            if bracket is not None:
                found = self._bracket_parts(ix, reg, bracket, mq.key)
            else:
                found = self._listed_after(ix, reg, trigger, q, after, mq.key)
            if found:
                yield from self._compare(ctx, reg, q, mq, found)
        sum_words = self._sum
        if sum_words is not None:
            for m in sum_words.finditer(text):
                found = self._sum_after(ix, reg, m)
                if found:
                    total, mt, parts = found
                    yield from self._compare(ctx, reg, total, mt, parts)

    def _bracket_parts(self, ix: TextIndex, reg, bracket: tuple[int, int], key: str) -> list | None:
        """Every item of （name q、name q…） when the bracket holds nothing else."""
        text = ix.text
        inner = text[bracket[0] + 1:bracket[1] - 1]
        if (self._open is not None and self._open.search(inner)) or PLACEHOLDER.search(inner):
            return None
        if any(ch in inner for ch in "（(“”《》\"：:"):
            return None
        items = re.split(r"[、，,；;]", inner)
        if len(items) < 2:
            return None
        parts = []
        cursor = bracket[0] + 1
        for item in items:
            a, b = cursor, cursor + len(item)
            cursor = b + 1
            qs = ix.between(a, b)
            if len(qs) != 1:
                return None
            p = qs[0]
            tail = text[p.end:b].strip(" \u3000")
            if tail not in ("", "以上", "左右") or p.end > b:
                return None
            name = text[a:p.start].strip(" \u3000")
            if not name or len(name) > 12 or re.search(r"[0-9０-９]", name):
                return None
            mp = measure(p, reg, additive_only=True)
            if mp is None or mp.key != key:
                return None
            parts.append((p, mp))
        return parts

    def _listed_after(self, ix: TextIndex, reg, trigger: re.Pattern, q, after: int, key: str) -> list | None:
        """T，分别为 a、b、c: the parts listed right after the total."""
        text = ix.text
        m = trigger.search(text, after, min(len(text), after + 10))
        if m is None:
            return None
        gap = text[after:m.start()]
        if re.search(r"[。；;\n0-9０-９]", gap) or ix.between(after, m.start()):
            return None
        end = ix.clause(m.end())[1]
        if PLACEHOLDER.search(text, m.end(), end):
            return None
        parts = []
        for p in ix.between(m.end(), end):
            if ix.bracket(p.start) is not None and ix.bracket(p.start)[0] >= m.end():
                continue
            mp = measure(p, reg, additive_only=True)
            if mp is None:
                continue
            if mp.key != key or self._is_change(text, p):
                return None  # another kind of number among the parts: not a plain breakdown
            parts.append((p, mp))
        return parts if len(parts) >= 2 else None

    def _sum_after(self, ix: TextIndex, reg, m: re.Match):
        """a，b，c，合计T: the parts before the word, the total right after it."""
        text = ix.text
        if ix.quoted.overlaps(m.start(), m.end()):
            return None
        after = ix.between(m.end(), m.end() + 6)
        if not after or text[m.end():after[0].start].strip(" \u3000为达") != "":
            return None
        total = after[0]
        mt = measure(total, reg, additive_only=True)
        if mt is None or mt.high is None:
            return None
        c_start = ix.clause(m.start())[0]
        lead = text[c_start:m.start()]
        if PLACEHOLDER.search(lead) or (self._open is not None and self._open.search(lead)):
            return None
        parts = []
        for p in ix.between(c_start, m.start()):
            if ix.bracket(p.start) is not None:
                continue
            mp = measure(p, reg, additive_only=True)
            if mp is None or mp.key != mt.key:
                continue
            if self._is_change(text, p) or self._is_skipped(text, p):
                return None
            parts.append((p, mp))
        if len(parts) < 2:
            return None
        return total, mt, parts

    def _compare(self, ctx: Context, reg, total, mt, parts: list) -> Iterator[Diagnostic]:
        low, high = add_intervals((mp.low, mp.high) for _, mp in parts)
        if not disjoint((low, high), (mt.low, mt.high)):
            return
        shown = low if mt.high is not None and low is not None and low > mt.high else high
        first, last = parts[0][0], parts[-1][0]
        yield ctx.diagnostic(self, first.start, last.end,
                             related=[(say(ctx, "总数", "the total"), total.start)],
                             sum=show(shown, total, reg), total=total.raw)

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
                    v = Decimal(n.group())
                    half = Decimal("0.5").scaleb(v.as_tuple().exponent)
                    low, high = CTX.add(low, v - half), CTX.add(high, v + half)
                if low <= 100 <= high:
                    continue
                total = plain(CTX.add(sum((Decimal(n.group()) for n in numbers), Decimal(0)), 0))
                start = numbers[0].start()
                yield ctx.diagnostic(self, start, listed.end(), sum=fmt(total))


RULE = TotalsRule
