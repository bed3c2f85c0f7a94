"""The unit registry: which words after a number are units, their dimension and exact factor.

Data lives in ``rules/units.yaml`` (validated by pydantic when read, unknown keys rejected) so that a
user pack can add units without code. Factors are exact rationals ("10000/15" for 亩), held as
``fractions.Fraction`` and turned into ``Decimal`` only at the end of a conversion, so that
15 亩 → 1 公顷 is exactly 1 and UNIT003 never fails on float noise.

Design points (see rules.md "Unit registry"):

* 万/亿 are numerals, not units. 万元 is 万 × 元; the scanner applies the scale to the value.
* Each count classifier (个, 项, 户 …) is its own unit in dimension ``count`` with no factor:
  3个 and 4项 are never added together.
* Each foreign currency is its own dimension (``money_usd`` …): 元 and 美元 never convert.
* Composite units ("元/平方米", "万元/亩" → 元/亩) have dimension "money/area" and convert part
  by part.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

from lint.errors import UsageError
from lint.spec import Options, option
from lint.text.numerals import CTX, SCALE_POWERS, plain

__all__ = [
    "Unit",
    "UnitMatch",
    "UnitRegistry",
    "UnitError",
    "UnitRegistryError",
    "default_registry",
    "trie_pattern",
]

COUNT = "count"
_SCALE_CHARS = "百千万亿"
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")


class UnitError(ValueError):
    """An unknown unit, or a conversion between units that do not convert."""


class UnitRegistryError(UsageError, ValueError):
    """A unit pack is malformed (exit status 2). ``path`` and ``line`` say where, when known."""


# ---------------------------------------------------------------------------- schema (lint.spec)


def _factor_is_text(v: Any) -> Any:
    if isinstance(v, float):
        raise ValueError('write factors as strings ("10000/15"), never floats')
    if isinstance(v, int):
        return str(v)
    return v


def _factor_rational(v: str | None) -> str | None:
    if v is None:
        return v
    try:
        f = Fraction(v.strip())
    except (ValueError, ZeroDivisionError) as exc:
        raise ValueError(f'factor {v!r} is not an exact rational such as "10000/15"') from exc
    if f <= 0:
        raise ValueError(f"factor {v!r} must be positive")
    return v.strip()


class DimensionSpec(Options):
    canonical: str | None = None
    description: str | None = None


class UnitSpec(Options):
    name: str = option(min_length=1)
    dimension: str = option(min_length=1)
    # exact rational to the dimension's canonical unit; None = no conversion
    factor: str | None = option(None, prepare=_factor_is_text, check=_factor_rational)
    aliases: list[str] = option(default_factory=list)
    legal: bool = True
    standalone: bool = True
    arabic_only: bool = False
    needs_scale: bool = False
    word_final: bool = False
    note: str | None = None


class ClassifierSpec(Options):
    name: str = option(min_length=1)
    aliases: list[str] = option(default_factory=list)
    arabic_only: bool = False
    word_final: bool = False
    note: str | None = None


class RegistrySpec(Options):
    version: int = 1
    dimensions: dict[str, DimensionSpec] = option(default_factory=dict)
    units: list[UnitSpec] = option(default_factory=list)
    classifiers: list[ClassifierSpec | str] = option(default_factory=list)
    stop_words: list[str] = option(default_factory=list)
    not_quantities: list[str] = option(default_factory=list)
    # Spellings of one unit that one document should not mix (千瓦时/千瓦小时, 平方千米/平方公里).
    variants: list[list[str]] = option(default_factory=list)


# ---------------------------------------------------------------------------- runtime model


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit. ``factor`` converts to the dimension's canonical unit; None = not convertible."""

    name: str
    dimension: str
    factor: Fraction | None
    legal: bool = True
    standalone: bool = True
    arabic_only: bool = False
    needs_scale: bool = False
    aliases: tuple[str, ...] = ()
    word_final: bool = False

    @property
    def is_count(self) -> bool:
        return self.dimension == COUNT

    @property
    def is_percent(self) -> bool:
        return self.dimension == "percent"


class UnitMatch(NamedTuple):
    """A unit found in text: the resolved unit, the surface form written, and its span."""

    unit: Unit
    surface: str
    start: int
    end: int


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation that prefers the longest word, built as a character trie.

    Python's ``re`` tries alternatives one by one; a trie turns ~300 unit spellings into a few
    character tests per position. Words ending in an ASCII letter or digit get a guard so that
    "5m" matches 米 but "5min" and "5G" do not match anything.
    """
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = _ASCII_ALNUM.fullmatch(w[-1]) is not None

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("(?![A-Za-z0-9])" if node[""] else "")
        if len(alts) == 1:
            return alts[0] if not alts[0] or len(alts[0]) == 1 else "(?:" + alts[0] + ")"
        return "(?:" + "|".join(alts) + ")"

    return build(trie) if trie else "(?!)"


def _line_of(source_text: str | None, loc: tuple) -> int | None:
    """1-based YAML line of a pydantic error location, so pack errors name file:line."""
    if not source_text:
        return None
    import yaml  # here: a registry read from the rule-table cache needs no YAML

    try:
        node = yaml.compose(source_text)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == str(key):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
        if node is None:
            break
    return line


class UnitRegistry:
    """Units by spelling, with longest-match lookup in text and exact conversion.

    Build one with :meth:`builtin` (the shipped ``rules/units.yaml``), :meth:`from_yaml` or
    :meth:`from_mapping`; :meth:`extend` returns a *new* registry with a user pack merged in, so
    the shared built-in instance is never mutated.
    """

    def __init__(self, spec: RegistrySpec, source: str = "<memory>"):
        self.spec = spec
        self.source = source
        self._units: dict[str, Unit] = {}  # surface (name or alias) → Unit
        self._cache: dict[str, Any] = {}  # compiled tables for consumers (scan.py)
        for u in spec.units:
            self._add_unit(u)
        for c in spec.classifiers:
            self._add_classifier(ClassifierSpec(name=c) if isinstance(c, str) else c)
        for name, d in spec.dimensions.items():
            if d.canonical is not None:
                self._check_canonical(name, d.canonical)
        if any(not w for w in spec.stop_words):
            raise UnitRegistryError("empty stop word", source)
        self._variants: dict[str, tuple[str, ...]] = {}
        for group in spec.variants:
            self._add_variants(group)

    def _add_unit(self, u: UnitSpec) -> None:
        if u.dimension not in self.spec.dimensions:
            raise UnitRegistryError(f"unit {u.name!r}: unknown dimension {u.dimension!r}", self.source)
        if u.dimension == COUNT:
            raise UnitRegistryError(f"unit {u.name!r}: list count units under classifiers", self.source)
        unit = Unit(
            u.name,
            u.dimension,
            Fraction(u.factor) if u.factor else None,
            u.legal,
            u.standalone,
            u.arabic_only,
            u.needs_scale,
            tuple(u.aliases),
            u.word_final,
        )
        for surface in (u.name, *u.aliases):
            self._add(surface, unit)

    def _add_classifier(self, c: ClassifierSpec) -> None:
        unit = Unit(c.name, COUNT, None, aliases=tuple(c.aliases), arabic_only=c.arabic_only, word_final=c.word_final)
        for surface in (c.name, *c.aliases):
            self._add(surface, unit)

    def _check_canonical(self, name: str, canonical: str) -> None:
        canon = self._units.get(canonical)
        if canon is None or canon.dimension != name:
            raise UnitRegistryError(
                f"dimension {name!r}: canonical unit {canonical!r} is not a unit of it", self.source
            )
        if canon.factor != 1:
            raise UnitRegistryError(f"dimension {name!r}: canonical unit {canonical!r} must have factor 1", self.source)

    def _add_variants(self, group: list[str]) -> None:
        units = {self._units[w].name if w in self._units else None for w in group}
        if None in units or len(units) != 1 or len(group) < 2:
            raise UnitRegistryError(f"variants {group!r}: two or more spellings of one unit", self.source)
        for w in group:
            self._variants[w] = tuple(group)

    def variants_of(self, surface: str) -> tuple[str, ...] | None:
        """The spellings of the unit ``surface`` a document should not mix, or None."""
        return self._variants.get(surface)

    def _add(self, surface: str, unit: Unit) -> None:
        if not surface:
            raise UnitRegistryError(f"unit {unit.name!r}: empty spelling", self.source)
        if surface in self._units:
            raise UnitRegistryError(f"unit spelling {surface!r} is defined twice", self.source)
        if surface[0] in "万亿":
            raise UnitRegistryError(
                f"unit {surface!r}: 万 and 亿 are numerals, not units (write the base unit)", self.source
            )
        self._units[surface] = unit

    # ------------------------------------------------------------------ construction

    @staticmethod
    def _validate(mapping: Any, source: str, source_text: str | None = None) -> RegistrySpec:
        if not isinstance(mapping, Mapping):
            raise UnitRegistryError("a unit pack must be a mapping", source)
        from pydantic import ValidationError  # a registry read from the rule-table cache needs none

        from lint.validation import validate

        try:
            return validate(RegistrySpec, dict(mapping))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(p) for p in err["loc"])
            raise UnitRegistryError(f"{loc}: {err['msg']}", source, _line_of(source_text, err["loc"])) from None

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Any], source: str = "<memory>", source_text: str | None = None
    ) -> UnitRegistry:
        """Validate a mapping shaped like ``rules/units.yaml``."""
        return cls(cls._validate(mapping, source, source_text), source)

    @classmethod
    def from_yaml(cls, path: str | Path) -> UnitRegistry:
        import yaml  # here: a registry read from the rule-table cache needs no YAML

        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
            # libyaml's loader when present: 5× faster start-up for the built-in registry.
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except OSError as exc:
            raise UnitRegistryError(f"cannot read unit pack: {exc.strerror}", str(p)) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise UnitRegistryError(
                f"invalid YAML: {getattr(exc, 'problem', exc)}", str(p), mark.line + 1 if mark else None
            ) from None
        return cls.from_mapping(data or {}, str(p), text)

    @classmethod
    def builtin(cls) -> UnitRegistry:
        """The shipped registry (cached; treat it as read-only)."""
        return _builtin()

    @classmethod
    def default(cls) -> UnitRegistry:
        """Alias of :meth:`builtin` (the name ``lint.rules.base.Context`` uses)."""
        return _builtin()

    def extend(self, mapping: Mapping[str, Any], source: str = "<pack>") -> UnitRegistry:
        """A new registry with a user pack merged in (same keys as units.yaml).

        New dimensions, units, classifiers, stop words and not_quantities are added; redefining
        an existing dimension or unit spelling is an error rather than a silent override.
        """
        ext = self._validate(mapping, source)
        for name in ext.dimensions:
            if name in self.spec.dimensions:
                raise UnitRegistryError(f"dimension {name!r} already exists", source)
        merged = RegistrySpec(
            version=self.spec.version,
            dimensions={**self.spec.dimensions, **ext.dimensions},
            units=[*self.spec.units, *ext.units],
            classifiers=[*self.spec.classifiers, *ext.classifiers],
            stop_words=[*self.spec.stop_words, *ext.stop_words],
            not_quantities=[*self.spec.not_quantities, *ext.not_quantities],
            variants=[*self.spec.variants, *ext.variants],
        )
        return UnitRegistry(merged, f"{self.source}+{source}")

    # ------------------------------------------------------------------ lookup

    def __contains__(self, surface: object) -> bool:
        return isinstance(surface, str) and surface in self._units

    def lookup(self, surface: str) -> Unit | None:
        """The unit spelled ``surface`` (name or alias), or None."""
        return self._units.get(surface)

    def get(self, surface: str) -> Unit:
        unit = self._units.get(surface)
        if unit is None:
            raise UnitError(f"unknown unit {surface!r}")
        return unit

    def canonical(self, surface: str) -> str:
        """Alias → name: 公里 → 千米, ㎡ → 平方米, 公斤 → 千克, ％ → %. Composites part by part."""
        if "/" in surface and surface not in self._units:
            num, _, den = surface.partition("/")
            return f"{self.canonical(num)}/{self.canonical(den)}"
        return self.get(surface).name

    def units(self) -> list[Unit]:
        """Every distinct unit (classifiers included)."""
        seen: dict[str, Unit] = {}
        for u in self._units.values():
            seen.setdefault(u.name, u)
        return list(seen.values())

    def surfaces(self, *, standalone_only: bool = False) -> list[str]:
        return [s for s, u in self._units.items() if u.standalone or not standalone_only]

    def dimension(self, unit: str) -> str:
        """亩 → area, 个 → count, 美元 → money_usd, 元/平方米 → money/area."""
        if "/" in unit and unit not in self._units:
            num, _, den = unit.partition("/")
            return f"{self.dimension(num)}/{self.dimension(den)}"
        return self.get(unit).dimension

    def is_legal(self, unit: str) -> bool:
        """False for 市制 and other non-legal units (亩, 斤, 两, 里, 公分, 马力 …)."""
        if "/" in unit and unit not in self._units:
            num, _, den = unit.partition("/")
            return self.is_legal(num) and self.is_legal(den)
        return self.get(unit).legal

    def is_count(self, unit: str) -> bool:
        u = self._units.get(unit)
        return u is not None and u.is_count

    # ------------------------------------------------------------------ conversion

    def _resolve(self, spelled: str) -> tuple[Fraction, str]:
        """(factor to the canonical unit, dimension), accepting 万元-style scale prefixes."""
        if "/" in spelled and spelled not in self._units:
            num, _, den = spelled.partition("/")
            fn, dn = self._resolve(num)
            fd, dd = self._resolve(den)
            return fn / fd, f"{dn}/{dd}"
        unit = self._units.get(spelled)
        scale = Fraction(1)
        if unit is None:
            i = 0
            while i < len(spelled) and spelled[i] in _SCALE_CHARS:
                i += 1
            unit = self._units.get(spelled[i:]) if 0 < i < len(spelled) else None
            if unit is None:
                raise UnitError(f"unknown unit {spelled!r}")
            scale = Fraction(10) ** sum(SCALE_POWERS[c] for c in spelled[:i])
        if unit.factor is None:
            raise UnitError(f"{unit.name} ({unit.dimension}) does not convert")
        return unit.factor * scale, unit.dimension

    def factor(self, from_unit: str, to_unit: str) -> Fraction:
        """Exact factor f with value_in_to = value_in_from × f."""
        if from_unit == to_unit and from_unit in self._units:
            return Fraction(1)
        f1, d1 = self._resolve(from_unit)
        f2, d2 = self._resolve(to_unit)
        if d1 != d2:
            raise UnitError(f"cannot convert {from_unit} ({d1}) to {to_unit} ({d2})")
        return f1 / f2

    def convert(self, value: Decimal | int | str, from_unit: str, to_unit: str) -> Decimal:
        """Convert exactly: convert(15, "亩", "公顷") == 1; convert(1, "万元", "元") == 10000.

        Raises UnitError for different dimensions (元 → 美元, 个 → 项) or unknown units.
        Non-terminating results (1 亩 → 公顷) carry 60 significant digits.
        """
        if from_unit == to_unit and from_unit in self._units:
            return Decimal(value)
        f = Fraction(Decimal(value)) * self.factor(from_unit, to_unit)
        return plain(CTX.divide(Decimal(f.numerator), Decimal(f.denominator)))

    # ------------------------------------------------------------------ text matching

    def tables(self) -> ScanTables:
        """Compiled lookup tables for scanning text (built once per registry)."""
        t = self._cache.get("tables")
        if t is None:
            t = self._cache["tables"] = ScanTables(self)
        return t

    def match_unit(self, text: str, pos: int) -> UnitMatch | None:
        """Longest unit written at ``text[pos]`` (standalone units only), honouring stop words.

        "3个百分点" → 个百分点, "3个月" → 个月 (time), "10万吨级" → None (吨级 is a grade).
        """
        t = self.tables()
        m = t.unit_re.match(text, pos)
        if not m or m.end() == pos:
            return None
        if t.blocked(text, pos, m.end()):
            return None
        unit = self._units[m.group(0)]
        if unit.word_final and m.end() < len(text) and "\u4e00" <= text[m.end()] <= "\u9fff":
            return None
        surface = m.group(0)
        return UnitMatch(self._units[surface], surface, pos, m.end())


class ScanTables:
    """Regex fragments and word tables derived from a registry, compiled once."""

    def __init__(self, reg: UnitRegistry):
        self.unit_pattern = trie_pattern(reg.surfaces(standalone_only=True))
        self.denom_pattern = trie_pattern(reg.surfaces())
        self.unit_re = re.compile(self.unit_pattern)
        # A scale char that starts a unit is the unit (5千克 = 5 kg, not 5000 克).
        pieces = []
        for c in _SCALE_CHARS:
            rests = sorted({s[1:] for s in reg.surfaces() if len(s) > 1 and s[0] == c}, key=lambda r: (-len(r), r))
            if rests:
                pieces.append(re.escape(c) + "(?!" + "|".join(map(re.escape, rests)) + ")")
            else:
                pieces.append(re.escape(c))
        self.scale_pattern = "(?:" + "|".join(pieces) + ")"
        self.stops: dict[str, tuple[str, ...]] = {}
        for w in sorted(set(reg.spec.stop_words), key=len, reverse=True):
            self.stops.setdefault(w[0], ())
            self.stops[w[0]] += (w,)
        self.not_quantities: dict[str, tuple[str, ...]] = {}
        for w in sorted(set(reg.spec.not_quantities), key=len, reverse=True):
            self.not_quantities.setdefault(w[0], ())
            self.not_quantities[w[0]] += (w,)
        self.units = reg._units

    def blocked(self, text: str, start: int, end: int) -> bool:
        """True when a stop word longer than the unit match starts at ``start`` (吨级 vs 吨)."""
        words = self.stops.get(text[start : start + 1])
        if not words:
            return False
        n = end - start
        for w in words:
            if len(w) > n and text.startswith(w, start):
                return True
        return False

    def is_not_quantity(self, text: str, start: int) -> bool:
        words = self.not_quantities.get(text[start : start + 1])
        if not words:
            return False
        return any(text.startswith(w, start) for w in words)


def _packaged_yaml() -> Path | None:
    here = Path(__file__).resolve().parents[2] / "rules" / "units.yaml"
    if here.is_file():
        return here
    import importlib.resources  # an installed wheel: here only

    try:
        res = importlib.resources.files("lint.packs") / "units.yaml"
        if res.is_file():
            return Path(str(res))
    except (ModuleNotFoundError, FileNotFoundError, TypeError):
        pass
    return None


@functools.lru_cache(maxsize=1)
def _builtin() -> UnitRegistry:
    path = _packaged_yaml()
    if path is None:
        raise UnitRegistryError("built-in rules/units.yaml not found")
    return UnitRegistry.from_yaml(path)


def default_registry() -> UnitRegistry:
    """The built-in registry (same object as ``UnitRegistry.builtin()``)."""
    return _builtin()
