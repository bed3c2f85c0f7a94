"""Interval arithmetic on quantities (C11 round-to-nearest): a written number is the interval
its digits allow, sums and ratios are intervals, and two statements disagree only when their
intervals are disjoint. Growth from two stated values ("由A增至B，增长p%") lives here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple, overload

from lint.text.numerals import CTX, plain

from .units import UnitError

if TYPE_CHECKING:
    from .scan import Quantity
    from .textindex import TextIndex

# Dimensions whose values add up: the parts of a total (percentages and rates never add).
ADDITIVE = frozenset(
    {"area", "length", "mass", "volume", "money", "energy", "power", "coal_equivalent", "apparent_power"}
)


class Measure(NamedTuple):
    """A quantity in the canonical unit of its dimension: key says what may be compared."""

    key: str
    low: Decimal | None
    high: Decimal | None


@overload
def scaled(x: Decimal, f: Fraction) -> Decimal: ...
@overload
def scaled(x: None, f: Fraction) -> None: ...
@overload
def scaled(x: Decimal | None, f: Fraction) -> Decimal | None: ...
def scaled(x: Decimal | None, f: Fraction) -> Decimal | None:
    if x is None:
        return None
    if f == 1:
        return x
    return plain(CTX.divide(CTX.multiply(x, Decimal(f.numerator)), Decimal(f.denominator)))


def measure(q, registry, *, additive_only: bool = False) -> Measure | None:
    """The quantity's interval in its dimension's canonical unit, or None if it does not convert.

    Counts compare only with the same classifier (个 with 个); 元 and 美元 are different keys.
    """
    if q.unit is None:
        return None
    if q.is_count:
        return Measure("count:" + q.unit, q.low, q.high)
    dim = q.dimension or ""
    if "/" in dim or (additive_only and dim not in ADDITIVE):
        return None
    spec = registry.spec.dimensions.get(dim)
    canonical = spec.canonical if spec is not None else None
    if canonical is None:
        return None
    try:
        f = registry.factor(q.unit, canonical)
    except UnitError:
        return None
    return Measure(dim, scaled(q.low, f), scaled(q.high, f))


def rounding(q) -> tuple[Decimal, Decimal]:
    """The interval the written digits allow, before any bound word (以上, 不少于 …) is applied."""
    if q.qualifier in (None, "at_least", "at_most", "over", "under"):
        if q.is_count and q.exponent == 0 and not q.scale:
            return q.value, q.value
        half = Decimal("0.5").scaleb(q.exponent)
        return plain(CTX.subtract(q.value, half)), plain(CTX.add(q.value, half))
    return (q.low if q.low is not None else q.value), (q.high if q.high is not None else q.value)


def add_intervals(items: Iterable[tuple[Decimal | None, Decimal | None]]) -> tuple[Decimal | None, Decimal | None]:
    low: Decimal | None = Decimal(0)
    high: Decimal | None = Decimal(0)
    for lo, hi in items:
        low = None if low is None or lo is None else CTX.add(low, lo)
        high = None if high is None or hi is None else CTX.add(high, hi)
    return low, high


def disjoint(a: tuple[Decimal | None, Decimal | None], b: tuple[Decimal | None, Decimal | None]) -> bool:
    """Whether two closed intervals (None = unbounded) share no point (C11 inconsistency)."""
    a_low, a_high = a
    b_low, b_high = b
    if a_high is not None and b_low is not None and a_high < b_low:
        return True
    if b_high is not None and a_low is not None and b_high < a_low:
        return True
    return False


def ratio_percent(
    part: tuple[Decimal | None, Decimal | None], whole: tuple[Decimal | None, Decimal | None]
) -> tuple[Decimal, Decimal] | None:
    """100·part/whole as an interval; None when an end is open or the whole may be zero."""
    p_low, p_high = part
    w_low, w_high = whole
    if w_low is None or w_high is None or p_low is None or p_high is None or w_low <= 0:
        return None
    hundred = Decimal(100)
    return (CTX.divide(CTX.multiply(p_low, hundred), w_high), CTX.divide(CTX.multiply(p_high, hundred), w_low))


def fmt(x: Decimal) -> str:
    """A Decimal for a message: plain notation, at most 2 decimals, no trailing zeros."""
    x = plain(x)
    if x != x.to_integral_value():
        x = x.quantize(Decimal("0.01"))
    text = format(x, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def show(value: Decimal | None, like, registry) -> str:
    """A canonical-unit value written the way quantity ``like`` is (4.8万亩 → "5.98万亩")."""
    if value is None:
        return "∞"
    unit = like.unit_raw or like.unit or ""
    if like.is_count or like.unit is None:
        v = value
    else:
        spec = registry.spec.dimensions.get(like.dimension or "")
        try:
            f = registry.factor(like.unit, spec.canonical) if spec and spec.canonical else Fraction(1)
        except UnitError:
            f = Fraction(1)
        v = scaled(value, 1 / f) if f != 1 else value
    scale = like.scale if like.scale in ("万", "亿", "万亿") else ""
    if scale:
        v = v.scaleb(-{"万": 4, "亿": 8, "万亿": 12}[scale])
    return fmt(v) + scale + unit


# -- "由A增至B，增长p%" ----------------------------------------------------------------------

_FROM = re.compile(r"(?:由|从)(?:[^，。；;,]{0,12}?的)?\s*$")
_TO = re.compile(
    r"^\s*(?:增|提高|增加|增长|上升|扩大|提升|下降|降|减少|降低|缩小|回落|减)(?:至|到|为)"
    r"(?:[^，。；;,]{0,12}?的)?\s*$"
)
_BY = re.compile(
    r"^\s*[，,]?\s*(?P<verb>增长|增加|提高|上升|扩大|提升|增幅|下降|减少|降低|缩小|回落|降幅)"
    r"(?:了|为|达)?\s*$"
)
_DOWN = ("下降", "减少", "降低", "缩小", "回落", "降幅")


class Change(NamedTuple):
    before: Quantity  # the quantity changed from
    after: Quantity  # the quantity changed to
    by: Quantity  # the stated change (a percentage)
    down: bool  # the verb says it went down


def changes(ix: TextIndex) -> list[Change]:
    """Every "由A增至B，增长p%" written as three consecutive quantities (built once per document)."""
    if ix._changes is not None:
        return ix._changes
    text = ix.text
    out: list[Change] = []
    qs = ix.quantities
    for i in range(len(qs) - 2):
        a, b, c = qs[i], qs[i + 1], qs[i + 2]
        if not c.is_percent or c.unit != "%" or a.unit is None or a.unit != b.unit:
            continue
        if not _FROM.search(text, max(0, a.start - 14), a.start):
            continue
        a_end = a.qualifier_span[1] if a.qualifier_span and a.qualifier_span[0] >= a.end else a.end
        if not _TO.match(text[a_end : b.start]):
            continue
        by = _BY.match(text[b.end : c.start])
        if by is None:
            continue
        out.append(Change(a, b, c, by.group("verb") in _DOWN))
    ix._changes = out
    return out


def interval(q) -> tuple[Decimal | None, Decimal | None]:
    return q.low, q.high


def growth_percent(a: tuple, b: tuple, down: bool) -> tuple[Decimal, Decimal] | None:
    """The relative change from a to b in percent, as an interval (positive for the verb's direction)."""
    ratio = ratio_percent(b, a)
    if ratio is None:
        return None
    low, high = ratio
    hundred = Decimal(100)
    if down:
        return CTX.subtract(hundred, high), CTX.subtract(hundred, low)
    return CTX.subtract(low, hundred), CTX.subtract(high, hundred)


def canonical_interval(q, registry, low: Decimal | None, high: Decimal | None):
    """[low, high] given in q's unit, converted like ``measure`` converts q itself."""
    if q.is_count:
        return low, high
    spec = registry.spec.dimensions.get(q.dimension or "")
    if spec is None or spec.canonical is None:
        return None
    try:
        f = registry.factor(q.unit, spec.canonical)
    except UnitError:
        return None
    return scaled(low, f), scaled(high, f)
