"""Interval arithmetic on quantities (C11 round-to-nearest): a written number is the interval
its digits allow, sums and ratios are intervals, and two statements disagree only when their
intervals are disjoint. Growth from two stated values ("由A增至B，增长p%") is computed here too
(the statement model finds where the text states one).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, overload

from lint.text.numerals import CTX, plain

from .units import UnitError

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
