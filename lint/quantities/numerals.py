"""Moved to :mod:`lint.text.numerals`; these names stay importable until no caller uses them."""

from lint.text.numerals import (  # noqa: F401  (re-exports)
    CN_DIGITS,
    CTX,
    SCALE_POWERS,
    Numeral,
    last_nonzero_exponent,
    parse_number,
    plain,
    rounding_interval,
    scale_power,
    to_ascii_digits,
)
