"""unit-check: units of measurement — legal units, one unit per indicator, conversions, missing
units, and percentage points.

Options (YAML):
  check        non-legal: a quantity in a non-legal unit (亩, 斤, 里 …; 法定计量单位).
               indicator-unit: one indicator written in two units of one dimension (公顷 / 亩).
               conversion: the statement model's conversions ("3000亩（200公顷）", "…，折合200公顷";
               the words in the `statements:` section of rules/units-rules.yaml) whose numbers
               disagree beyond their precision.
               missing-unit: a money or area figure written with a bare 万/亿 (800亿以上,
               给予15万奖励, 土地3.68万), a figure without the unit its siblings carry (the
               statement model's missing_units; 超500亿元的3个，超300亿的8个), or a rate with no %
               next to sibling rates that have one (完成率55.5).
               percent-point: the statement model's changes of a rate ("由30%提高到35%，提高5%")
               whose change, a difference of rates, is written as %.
  severities   non-legal: unit → severity (亩: info); the rule's severity for the others.
  suggest      non-legal: unit → legal unit named in the message (亩: 公顷).
  allow        regexes: a quantity inside a match is left alone (18亿亩耕地红线, 千亩方).
  composite    non-legal: also report composite units (万元/亩); default false.
  dimensions   indicator-unit and conversion: the dimensions compared.
  min-indicator  indicator-unit: shortest indicator compared (in characters).
  generic      indicator-unit: indicators too general to identify one figure (面积, 总面积).
  money-words  missing-unit: regex; a bare 万/亿 figure is reported only when its indicator is money.
  rate-words   missing-unit: regex for the end of a rate's name (率, 占比) right before a bare number.
  not-rates    missing-unit: regex for names ending like a rate that are not percentages (容积率).
  area-words   missing-unit: regex; a bare 万/亿 figure whose indicator ends with one is land (土地3.68万).
  money-nouns  missing-unit: regex; a bare 万/亿 figure followed within a few characters by one is
               money (给予15万奖励), unless a person noun comes first (10万群众…补贴).
  messages     secondary messages by key (bare-scale, bare-scale-en).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Context as DecimalContext
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.quantities.approx import approx_range
from lint.quantities.indicators import IndicatorKey, aspect_of
from lint.quantities.intervals import disjoint, fmt, growth_percent, interval, scaled
from lint.quantities.scan import Quantity
from lint.quantities.statements import Fact, Statements, missing_units
from lint.quantities.statements.queries import sentence_group
from lint.quantities.units import UnitError
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._quantity import segment_before, variant
from lint.rules.kinds._structure import say
from lint.spec import derived, option
from lint.text.numerals import CTX
from lint.text.spans import SpanSet, merged_spans

_MESSAGES = {
    "bare-scale": (
        "“{match}”缺少计量单位，应写明“{scale}元”等单位",
        "“{match}” has no unit; write “{scale}元” or the unit meant",
    ),
    "bare-scale-area": (
        "“{match}”缺少计量单位，应写明“{scale}亩”“公顷”“平方米”等面积单位",
        "“{match}” has no unit; write the area unit meant (“{scale}亩”, 公顷, 平方米)",
    ),
    "dropped": (
        "“{match}”缺少计量单位（同组数字“{sibling}”带有单位）",
        "“{match}” has no unit, while “{sibling}” beside it has one",
    ),
}
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+$")
_SENTENCE_END = re.compile(r"[。；;\n]")
_POINT_CHANGE_LEAD = re.compile(
    r"[，,]?(?:比上年|比去年|较上年|同比|比年初)?(?:提高|下降|上升|降低|增加|减少|回落|上涨|下滑|扩大|缩小)了?"
)
_SEVERITY = Literal["error", "warning", "info"]


class UnitCheckRule(RuleSpec):
    kind: Literal["unit-check"]
    check_: Literal["non-legal", "indicator-unit", "conversion", "missing-unit", "percent-point", "variants"] = option(
        alias="check"
    )
    severities: dict[str, _SEVERITY] = option(default_factory=dict)
    suggest: dict[str, str] = option(default_factory=dict)
    allow: list[str] = option(default_factory=list)
    composite: bool = False
    dimensions: list[str] = option(default_factory=list)
    min_indicator: int = option(default=4, alias="min-indicator", ge=1)
    generic: list[str] = option(default_factory=list)
    money_words: str | None = option(default=None, alias="money-words")
    rate_words: str | None = option(default=None, alias="rate-words")
    not_rates: str | None = option(default=None, alias="not-rates")
    area_words: str | None = option(default=None, alias="area-words")
    money_nouns: str | None = option(default=None, alias="money-nouns")
    capacity_dimensions: list[str] = option(default_factory=list, alias="capacity-dimensions")
    messages: dict[str, str] = option(default_factory=dict)

    _allow: list[re.Pattern] = derived(default_factory=list)
    _money: re.Pattern | None = derived(default=None)
    _area: re.Pattern | None = derived(default=None)
    _money_after: re.Pattern | None = derived(default=None)
    _rate: re.Pattern | None = derived(default=None)
    _rate_end: re.Pattern | None = derived(default=None)
    _not_rate: re.Pattern | None = derived(default=None)

    def __post_init__(self) -> None:
        self._allow = [compile_regex(p, "allow") for p in self.allow]
        if self.money_words:
            self._money = compile_regex(self.money_words, "money-words")
        if self.area_words:
            self._area = compile_regex(f"(?:{self.area_words})$", "area-words")
        if self.money_nouns:
            # a few characters of the noun phrase (no 的, no person: 10万群众的资金), then money
            self._money_after = compile_regex(
                f"(?:(?![的人民众户])[\u4e00-\u9fff]){{0,4}}?(?:{self.money_nouns})", "money-nouns"
            )
        if self.rate_words:
            # the end of a rate's name, an optional linking verb, then a bare number with no unit
            self._rate = compile_regex(
                f"(?P<tail>{self.rate_words})(?:为|达|达到|是|约|约为)?(?P<num>\\d+(?:\\.\\d+)?)"
                # a sign after stray spaces (9.86 ‰, 18 ％) is the rate's unit, not a missing one
                r"(?=[，,；;。、）)]|\s++(?![%％‰])|$)",
                "rate-words",
            )
            self._rate_end = compile_regex(f"(?:{self.rate_words})$", "rate-words")
        if self.not_rates:
            self._not_rate = compile_regex(f"(?:{self.not_rates})$", "not-rates")
        if self.check_ == "missing-unit" and not (self.money_words or self.rate_words):
            raise ValueError("check missing-unit needs `money-words` or `rate-words`")

    def is_fixable(self) -> bool:
        return self.check_ in ("missing-unit", "percent-point")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        handler = {
            "non-legal": self._non_legal,
            "indicator-unit": self._indicator_unit,
            "conversion": self._conversion,
            "missing-unit": self._missing_unit,
            "percent-point": self._percent_point,
            "variants": self._variants,
        }[self.check_]
        yield from handler(ctx)

    def _allowed_spans(self, text: str) -> SpanSet | None:
        if not self._allow:
            return None
        return merged_spans(sorted(m.span() for regex in self._allow for m in regex.finditer(text)))

    # -- non-legal -----------------------------------------------------------------------------
    def _non_legal(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        reg = ctx.unit_registry
        allowed: SpanSet | None = None
        allowed_known = False  # the allow patterns run once, at the first candidate
        for q in _measured(ctx):
            if q.legal or q.unit is None:
                continue
            composite = "/" in q.unit
            if composite and not self.composite:
                continue
            if not allowed_known:
                allowed, allowed_known = self._allowed_spans(text), True
            if allowed is not None and allowed.overlaps(q.start, q.end):
                continue
            if re.match(r"[0０][0-9０-９]", q.numeral):
                continue  # ２，０００万马力: a fragment after a thousands comma, not a number
            base = q.unit.split("/")[-1] if composite else q.unit
            severity = self.severities.get(base)
            legal = self.suggest.get(base)
            hint = ""
            if legal and not composite:
                try:  # both ends of a range: 100—500亩 → 约合6.67～33.33公顷
                    converted = [reg.convert(v, q.unit, legal) for v in (q.range_pair or (q.value,))]
                except UnitError:
                    converted = None
                if converted is not None:
                    hint = say(
                        ctx,
                        f"（约合{approx_range(converted, 'zh')}{legal}）",
                        f" (about {approx_range(converted, 'en')} {legal})",
                    )
            yield ctx.diagnostic(
                self, q.start, q.end, severity=severity, unit=q.unit_raw or q.unit, legal=legal or "", hint=hint
            )

    # -- indicator-unit ----------------------------------------------------------------------------
    def _indicator_unit(self, ctx: Context) -> Iterator[Diagnostic]:
        """One indicator in two units of one dimension. The indicator is the lexicon's (耕地保有量
        and 耕地保有面积 are one, 某镇耕地保有量 another) or, for words the lexicon does not know,
        the fact's own indicator phrase when it is specific enough."""
        dims = set(self.dimensions)
        lexicon = _LexiconLookup(ctx)
        named = _respective_names(ctx.analysis.statements)
        first: dict[tuple[str, str | None], Quantity] = {}
        reported: set[tuple[str, str | None, str | None]] = set()
        for fact in ctx.analysis.statements.facts:
            q = fact.quantity
            if q is None or q.unit is None or q.dimension not in dims or "/" in q.unit:
                continue
            phrase = named.get(fact.index, fact.indicator)
            indicator = self._indicator_of(fact, phrase, lexicon.key_of(phrase))
            if indicator is None:
                continue
            seen = first.setdefault((indicator, q.dimension), q)
            mark = (indicator, seen.unit, q.unit)
            if seen.unit == q.unit or mark in reported:
                continue
            reported.add(mark)
            yield ctx.diagnostic(
                self,
                q.start,
                q.end,
                indicator=indicator,
                unit=q.unit_raw or q.unit,
                first=seen.raw,
                related=[(say(ctx, "前文", "earlier"), seen.start)],
            )

    def _indicator_of(self, fact: Fact, phrase: str, key: IndicatorKey | None) -> str | None:
        if key is not None and aspect_of(fact, key) != "other":
            return key.label()
        if len(phrase) < self.min_indicator or phrase in self.generic:
            return None
        return phrase

    # -- conversion -----------------------------------------------------------------------------
    def _conversion(self, ctx: Context) -> Iterator[Diagnostic]:
        """The statement model's conversions (3000亩（200公顷）, 12公里，折合1200米) whose figures
        disagree beyond the precision written."""
        st = ctx.analysis.statements
        dims = set(self.dimensions)
        for conversion in st.conversions:
            a, b = st.facts[conversion.source].quantity, st.facts[conversion.stated].quantity
            if a is None or b is None or a.unit is None or b.unit is None or a.dimension not in dims:
                continue
            try:
                f = ctx.unit_registry.factor(a.unit, b.unit)
            except UnitError:
                continue  # 元 and 美元 never convert
            low, high = interval(a)
            if not disjoint((scaled(low, f), scaled(high, f)), interval(b)):
                continue
            yield ctx.diagnostic(
                self,
                b.start,
                b.end,
                stated=b.raw,
                source=a.raw,
                expected=_short(scaled(a.value, f)) + (b.unit_raw or b.unit),
                related=[(say(ctx, "原数", "converted from"), a.start)],
            )

    # -- missing-unit ---------------------------------------------------------------------------
    def _missing_unit(self, ctx: Context) -> Iterator[Diagnostic]:
        reported: set[int] = set()
        lexicon = _LexiconLookup(ctx)
        for fact, key, sibling in self._bare_scales(ctx, lexicon):
            reported.add(fact.start)
            yield self._bare_scale_finding(ctx, fact, key, sibling)
        for fact, sibling in missing_units(ctx.analysis.statements):
            if fact.start in reported or _people_in_wan(fact, lexicon.key(fact)):
                continue
            yield self._bare_scale_finding(ctx, fact, "dropped", sibling)
        if self._rate is not None and self._rate_end is not None:  # compiled together from rate-words
            yield from self._bare_rates(ctx, self._rate, self._rate_end)

    def _bare_scale_finding(self, ctx: Context, fact: Fact, key: str, sibling: Fact | None) -> Diagnostic:
        scale = fact.quantity.scale if fact.quantity is not None else ""
        if sibling is None:
            message = variant(ctx, self, key, _MESSAGES, match=fact.raw, scale=scale)
            return ctx.diagnostic(self, fact.start, fact.end, scale=scale, message=message)
        return ctx.diagnostic(
            self,
            fact.start,
            fact.end,
            related=[(say(ctx, "带单位的数字", "with its unit"), sibling.start)],
            message=variant(ctx, self, "dropped", _MESSAGES, match=fact.raw, sibling=sibling.raw),
        )

    def _bare_scales(self, ctx: Context, lexicon: _LexiconLookup) -> Iterator[tuple[Fact, str, Fact | None]]:
        """Figures written with a bare 万/亿 whose statement says what the unit must be: a money
        or area indicator before them (出让收入800亿以上, 批而未供土地3.68万), a money noun after
        them (给予15万奖励), or a sibling of the same sentence written the same way with its unit
        (超500亿元的3个，超300亿的8个). (fact, message key, sibling or None)."""
        st = ctx.analysis.statements
        text = ctx.text
        listed_until = -1  # end of the last reported figure: 7万亿、8万亿 share one context
        for fact in st.facts:
            q = fact.quantity
            if q is None or not q.bare_scale or q.range_pair is not None:
                continue
            after = q.written_end
            in_list = listed_until >= 0 and text[listed_until : q.start] in ("、", "和", "及", "，")
            found = lexicon.key(fact)
            dimensions = found.indicator.dimensions if found is not None else ()
            key = self._bare_scale_kind(text, fact, after, in_list, dimensions)
            sibling = None if key is not None else self._sibling_with_unit(st, text, fact, after)
            if key is None and sibling is None:
                continue
            listed_until = after
            yield fact, key or "dropped", sibling

    def _sibling_with_unit(self, st: Statements, text: str, fact: Fact, after: int) -> Fact | None:
        """A figure of the same sentence or list written like ``fact`` but with its unit."""
        return _parallel_sibling(st, text, fact, after) or _capacity_sibling(
            st, text, fact, after, self.capacity_dimensions
        )

    def _bare_scale_kind(
        self, text: str, fact: Fact, after: int, in_list: bool, dimensions: tuple[str, ...]
    ) -> str | None:
        """The message key for a bare 万/亿 figure (bare-scale: money, bare-scale-area), or None.
        ``dimensions``: what its lexicon indicator measures, if the lexicon knows it."""
        nxt = text[after : after + 1]
        if not nxt or nxt in _VALUE_END or nxt.isspace() or nxt == "的":
            context = fact.indicator + segment_before(text, fact.start)
            if in_list or dimensions == ("money",) or (self._money is not None and self._money.search(context)):
                return "bare-scale"
            if dimensions == ("area",) or (self._area is not None and self._area.search(fact.indicator)):
                return "bare-scale-area"
            return None
        if self._money_after is not None and self._money_after.match(text, after):
            return "bare-scale"  # 给予15万奖励: the noun after it is money
        return None

    def _bare_rates(self, ctx: Context, rate: re.Pattern, rate_end: re.Pattern) -> Iterator[Diagnostic]:
        """完成率55.5 beside 完成率27%, 失业率为2.8，比上年下降0.2个百分点, 森林覆盖率达到62.3 (a
        percentage in the lexicon): the rate lost its %."""
        text = ctx.text
        ix = ctx.analysis.text_index
        not_rate = self._not_rate
        lexicon = _LexiconLookup(ctx)
        for m in rate.finditer(text):
            head = _CJK_RUN.search(text, max(0, m.start() - 6), m.start())
            name = (head.group() if head else "") + m.group("tail")
            if not_rate is not None and not_rate.search(name):
                continue
            if ix.quoted.overlaps(m.start(), m.end()):
                continue
            line_start, line_end = ix.line(m.start())
            siblings = [
                q
                for q in ix.between(line_start, line_end)
                if q.is_percent and q.unit == "%" and rate_end.search(q.indicator or "")
            ]
            start, end = m.span("num")
            if siblings:
                related = [(say(ctx, "同类比率", "sibling rate"), siblings[0].start)]
            elif (point := _point_change_after(ctx, end)) is not None:
                related = [(say(ctx, "以个百分点表示的变化", "its change in points"), point.start)]
            elif _is_percent_indicator(lexicon.key_of(name)):
                related = []
            else:
                continue
            yield ctx.diagnostic(self, start, end, fix=(end, end, "%"), name=name, related=related)

    # -- variants ---------------------------------------------------------------------------------
    def _variants(self, ctx: Context) -> Iterator[Diagnostic]:
        """千瓦时 here, 千瓦小时 there: one unit written two ways, reported once per pair."""
        reg = ctx.unit_registry
        first_seen: dict[tuple[str, ...], tuple[str, int]] = {}
        reported: set[tuple[str, ...]] = set()
        for q in _measured(ctx):
            spelling = q.unit_raw
            if not spelling:
                continue
            group = reg.variants_of(spelling)
            if group is None or group in reported:
                continue
            seen = first_seen.setdefault(group, (spelling, q.start))
            if seen[0] != spelling:
                reported.add(group)
                yield ctx.diagnostic(
                    self,
                    q.end - len(spelling),
                    q.end,
                    unit=spelling,
                    first=seen[0],
                    related=[(say(ctx, "前文写法", "first written"), seen[1])],
                )

    # -- percent-point ------------------------------------------------------------------------------
    def _percent_point(self, ctx: Context) -> Iterator[Diagnostic]:
        """The statement model's changes of a rate (由30%提高到35%，提高5%) whose stated change is
        the difference of the rates, not their relative change."""
        st = ctx.analysis.statements
        for change in st.changes:
            a, b, c = (st.facts[i].quantity for i in (change.before, change.after, change.by))
            if a is None or b is None or c is None:
                continue
            if not (a.is_percent and b.is_percent and a.unit == b.unit == "%"):
                continue
            points = _difference(interval(a), interval(b), change.down)
            if points is None or disjoint(points, interval(c)):
                continue
            relative = growth_percent(interval(a), interval(b), change.down)
            if relative is not None and not disjoint(relative, interval(c)):
                continue  # also right as a relative change: unsure
            unit_start = c.end - len(c.unit_raw or "%")
            yield ctx.diagnostic(
                self,
                c.start,
                c.end,
                fix=(unit_start, c.end, "个百分点"),
                stated=c.raw,
                related=[(say(ctx, "原比率", "from"), a.start), (say(ctx, "现比率", "to"), b.start)],
            )


def _short(x: Decimal) -> str:
    """A converted value rounded for a message: 4 significant digits, at most 2 decimals."""
    if x == 0:
        return "0"
    digits = x.adjusted()
    places = max(0, min(2, 3 - digits))
    # Enough precision for every digit (the default 28 fails on a 31-digit figure).
    wide = DecimalContext(prec=max(CTX.prec, digits + places + 2))
    return fmt(x.quantize(Decimal(1).scaleb(-places), context=wide))


def _difference(a: tuple, b: tuple, down: bool) -> tuple[Decimal, Decimal] | None:
    """b − a (or a − b for a fall) in percentage points, as an interval."""
    a_low, a_high = a
    b_low, b_high = b
    if None in (a_low, a_high, b_low, b_high):
        return None
    if down:
        return CTX.subtract(a_low, b_high), CTX.subtract(a_high, b_low)
    return CTX.subtract(b_low, a_high), CTX.subtract(b_high, a_low)


class _LexiconLookup:
    """The lexicon's key for a fact's indicator phrase, looked up only for the facts a check
    asks about (the whole document's ``Analysis.indicators`` map costs ~7% of a full run)."""

    def __init__(self, ctx: Context):
        self._lexicon = ctx.analysis.lexicon
        self._keys: dict[str, IndicatorKey | None] = {}

    def key(self, fact: Fact) -> IndicatorKey | None:
        return self.key_of(fact.indicator)

    def key_of(self, phrase: str) -> IndicatorKey | None:
        if not phrase:
            return None
        if phrase not in self._keys:
            self._keys[phrase] = self._lexicon.normalise(phrase)
        return self._keys[phrase]


def _respective_names(st: Statements) -> dict[int, str]:
    """Fact index → the group a 分别为 list assigns it (耕地保有量和永久基本农田分别为120万亩、100万亩:
    120万亩 is the 耕地保有量), where groups and values pair one to one."""
    out: dict[int, str] = {}
    for r in st.respectively:
        if len(r.groups) == len(r.values):
            out.update(zip(r.values, r.groups, strict=True))
    return out


def _point_change_after(ctx: Context, end: int) -> Quantity | None:
    """The change in 个百分点 that follows a bare figure in its sentence (为2.8，比上年下降0.2个百分点):
    only a percentage changes by points. The next figure of the sentence must be that change, with
    nothing but the change's words between (not 死亡率下降0.2个百分点, another rate's change)."""
    text = ctx.text
    stop = _SENTENCE_END.search(text, end)
    following = ctx.analysis.text_index.between(end, stop.start() if stop else len(text))
    if following and following[0].unit == "个百分点" and _POINT_CHANGE_LEAD.fullmatch(text, end, following[0].start):
        return following[0]
    return None


def _is_percent_indicator(key: IndicatorKey | None) -> bool:
    """城镇调查失业率, 森林覆盖率: the lexicon says the indicator is a percentage."""
    return key is not None and key.indicator.dimensions == ("percent",)


def _people_in_wan(fact: Fact, key: IndicatorKey | None) -> bool:
    """常住人口86.5万, 城镇新增就业1.2万: a count the lexicon knows, written with a bare 万/亿 as
    counts of people usually are; its siblings' units are not its own."""
    q = fact.quantity
    return q is not None and q.bare_scale and key is not None and key.indicator.dimensions == ("count",)


def _measured(ctx: Context) -> Iterator[Quantity]:
    """The quantities of the document's statements, in order (bare numbers left out)."""
    for fact in ctx.analysis.statements.facts:
        if fact.quantity is not None:
            yield fact.quantity


# After a bare 万/亿 figure these end it as a value (14亿中国人民: the noun after it is counted).
_VALUE_END = frozenset("，,；;。、）)\n：:和及等两三四五六七八九十")


def _parallel_sibling(st: Statements, text: str, fact: Fact, after: int) -> Fact | None:
    """A figure of the same sentence written like ``fact`` (same 万/亿) but with its unit: the
    other end of a change (从3826.5亿增长到4398.6亿元) or a parallel figure before the same 的
    (超500亿元的3个，超300亿的8个)."""
    q = fact.quantity
    if q is None:
        return None
    change = _CHANGE_TO.match(text, after)
    if change is not None:
        nxt = st.facts[fact.index + 1] if fact.index + 1 < len(st.facts) else None
        if nxt is not None and nxt.start == change.end() and _written_alike(nxt, q.scale):
            return nxt
        return None
    if text[after : after + 1] != "的":
        return None
    start, end = sentence_group(text, fact)
    for g in st.between(start, end):
        if g is not fact and g.quantity is not None and _written_alike(g, q.scale):
            if text[g.quantity.written_end : g.quantity.written_end + 1] == "的":
                return g
    return None


def _capacity_sibling(st: Statements, text: str, fact: Fact, after: int, dimensions: list[str]) -> Fact | None:
    """青海辉源20万吨绿色高性能铝板带箔、青海广泰10万再生铝等项目: in one clause's 、-list of projects, a
    capacity before its product written like a sibling's (same 万/亿, a unit of ``dimensions``,
    a product after it) but without the unit. A person or household noun after the bare figure
    (5万群众, 3万农户) is a count written as counts of people are, and stays silent."""
    if not dimensions or not _PRODUCT_START.match(text, after):
        return None
    clause = st.clauses[fact.clause]
    start, end = clause.start, clause.end
    if "、" not in text[start:end]:
        return None
    scale = fact.quantity.scale if fact.quantity is not None else ""
    for g in st.between(start, end):
        gq = g.quantity
        if g is fact or gq is None or not _written_alike(g, scale) or gq.dimension not in dimensions:
            continue
        if _PRODUCT_START.match(text, gq.written_end):
            return g
    return None


# a product's first character: CJK, but not 的 (handled as 超300亿的8个) nor a person or household
_PRODUCT_START = re.compile(r"(?![的人民群众户农居职学游家名位])[\u4e00-\u9fff]")


def _written_alike(g: Fact, scale: str) -> bool:
    """A figure with the same scale word and a unit of measure (not a count)."""
    q = g.quantity
    return q is not None and q.unit is not None and q.scale == scale and q.dimension not in (None, "count")


# A change from one figure to the next (the unit of the second is the first's too).
_CHANGE_TO = re.compile(r"(?:增长|增加|提高|提升|扩大|上升|减少|下降|降低|缩小|回落)(?:到|至|为)?|[增降]至")


RULE = UnitCheckRule
