"""Converted figures as a reviewer writes them in a message: 约合6.67～33.33公顷, 约合6850亿千克.

A conversion is approximate by nature, so the figure is rounded for reading, not for accounting:
at most two decimals, whole numbers from 100 up, and 万 / 亿 / 万亿 for large values in Chinese
(6666667 → 667万). English messages group thousands instead (6,670,000).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SCALES = ((12, "万亿"), (8, "亿"), (4, "万"))


def _rounded(x: Decimal) -> Decimal:
    """Whole from 100 up, two decimals below, three significant digits below 0.01."""
    magnitude = abs(x)
    if magnitude >= 100:
        places = 0
    elif magnitude >= Decimal("0.01") or magnitude == 0:
        places = 2
    else:
        places = 2 - magnitude.adjusted()
    rounded = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded.normalize() if rounded != rounded.to_integral_value() else rounded.to_integral_value()


def _plain(x: Decimal) -> str:
    return format(x, "f")


def approx_figure(x: Decimal, lang: str = "zh") -> str:
    """One converted value: 6.6667 → 6.67; 6666667 → 667万 (zh) or 6,670,000 (en)."""
    if lang == "zh":
        for power, word in SCALES:
            if abs(x) >= Decimal(1).scaleb(power):
                return _plain(_rounded(x.scaleb(-power))) + word
        return _plain(_rounded(x))
    if abs(x) >= 10000:  # three significant digits, grouped: 685,000,000,000
        digits = x.adjusted() - 2
        return f"{x.quantize(Decimal(1).scaleb(digits), rounding=ROUND_HALF_UP):,f}".split(".")[0]
    return _plain(_rounded(x))


def approx_range(values: tuple[Decimal, ...] | list[Decimal], lang: str = "zh") -> str:
    """One value, or a range written with both ends: 6.67～33.33 (zh), 6.67–33.33 (en)."""
    shown = [approx_figure(v, lang) for v in values]
    if len(shown) == 2 and shown[0] != shown[1]:
        return ("～" if lang == "zh" else "–").join(shown)
    return shown[0]
