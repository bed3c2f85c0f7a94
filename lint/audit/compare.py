"""A target against a result, both exact intervals (Decimal) in the target's unit.

The target's interval is what its writing allows with its bound word (900亩以上 → [900, ∞);
8%左右 → [7, 9]); the result's is its written precision (7.9% → [7.85, 7.95]). A result short of
the target is one that lies wholly below it — or, for a ceiling (控制在20宗以内), wholly above.
A result exceeds a target when it lies wholly above the target's upper end (for an open-ended
target: above the rounding of the number written). Rounding is never a shortfall.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from lint.audit.model import Outcome
from lint.quantities.intervals import fmt, rounding, scaled
from lint.quantities.units import UnitError
from lint.text.numerals import CTX, plain

if TYPE_CHECKING:
    from lint.quantities.scan import Quantity
    from lint.quantities.units import UnitRegistry

_CEILINGS = ("at_most", "under")
_TWO = Decimal(2)


class Span(NamedTuple):
    low: Decimal | None
    high: Decimal | None


class Verdict(NamedTuple):
    outcome: Outcome
    gap: str = ""
    converted: str = ""


def in_unit(q: Quantity, unit: str, registry: UnitRegistry) -> Span | None:
    """``q``'s interval in ``unit``, or None when the two units do not convert."""
    if q.unit is None or q.is_percent != (unit == "%"):
        return None
    try:
        f = registry.factor(q.unit, unit)
    except UnitError:
        return None
    return Span(scaled(q.low, f), scaled(q.high, f))


def _below(a: Span, b: Span) -> bool:
    """Whether every value of ``a`` is below every value of ``b``."""
    return a.high is not None and b.low is not None and a.high < b.low


def compare(target: Quantity, result: Quantity, registry: UnitRegistry) -> Verdict:
    """The outcome of ``result`` against ``target`` (SHORT: the caller decides if it is explained)."""
    unit = target.unit or ""
    got = in_unit(result, unit, registry)
    if got is None:
        return Verdict(Outcome.UNIT_CHANGED)
    converted = "" if result.unit == target.unit else f"≈{fmt(_point(got))}{unit}"
    wanted = Span(target.low, target.high)
    if target.qualifier in _CEILINGS:
        if _below(wanted, got):
            return Verdict(Outcome.SHORT, _gap(_point(got), target.high, target), converted)
        return Verdict(Outcome.MET, converted=converted)
    if _below(got, wanted):
        return Verdict(Outcome.SHORT, _gap(target.value, _point(got), target), converted)
    top = wanted.high if wanted.high is not None else rounding(target)[1]
    if _below(Span(top, top), got):
        return Verdict(Outcome.EXCEEDED, converted=converted)
    return Verdict(Outcome.MET, converted=converted)


def _point(span: Span) -> Decimal:
    """The middle of a closed interval (its written value), else its finite end."""
    if span.low is not None and span.high is not None:
        return plain(CTX.divide(CTX.add(span.low, span.high), _TWO))
    return span.low if span.low is not None else span.high or Decimal(0)


_SCALES = {"万": 4, "亿": 8, "万亿": 12}


def _gap(more: Decimal | None, less: Decimal | None, like: Quantity) -> str:
    """The difference written as the target is (3639万人, not 36390000人)."""
    if more is None or less is None:
        return ""
    gap = CTX.subtract(more, less)
    scale = like.scale if like.scale in _SCALES else ""
    if scale:
        gap = gap.scaleb(-_SCALES[scale])
    return fmt(gap) + scale + (like.unit or "")
