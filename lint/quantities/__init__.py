"""Quantity extraction: numerals, the unit registry, and a scanner returning Quantity spans.

Pure functions over ``str``: no file I/O (except loading the built-in ``rules/units.yaml`` once)
and no dependency on the rest of gwlint.
"""

from lint.text.numerals import Numeral, last_nonzero_exponent, parse_number, rounding_interval

from .scan import QUALIFIERS, Quantity, scan_quantities
from .units import Unit, UnitError, UnitMatch, UnitRegistry, UnitRegistryError, default_registry

__all__ = [
    "Numeral",
    "parse_number",
    "rounding_interval",
    "last_nonzero_exponent",
    "Quantity",
    "QUALIFIERS",
    "scan_quantities",
    "Unit",
    "UnitMatch",
    "UnitRegistry",
    "UnitError",
    "UnitRegistryError",
    "default_registry",
]
