"""The indicator lexicon: which words name which indicator (耕地保有量 / 全县耕地保有量 / 耕地保有面积).

Data lives in ``rules/indicators/*.yaml`` (validated by pydantic, unknown keys rejected); user
packs add indicators, or spellings of a shipped one, under ``indicators:``. The API:

* ``Lexicon.builtin()`` — the shipped lexicon (cached); ``lexicon.extend(entries, source)`` — a
  new lexicon with a pack's entries merged in.
* ``lexicon.normalise(text) -> IndicatorKey | None`` — the indicator an indicator phrase (a
  Fact's ``indicator``) names: the longest lexicon spelling that ends the phrase, optionally
  followed by a change word (增长, 比上年增加). What stood before it is the key's ``scope``, with
  neutral words (全县, 我市, 完成, 确保 …) removed: ``""`` means the whole area.
* ``indicator_map(statements, lexicon) -> dict[int, FactIndicator]`` — fact index → (key, aspect),
  computed once per document as ``Analysis.indicators``. ``aspect`` says what the figure measures:
  ``level`` (the indicator itself, in one of its dimensions), ``growth`` (a percentage change),
  ``change`` (比上年增加200亩), ``start`` (the A of 由A增至B, an earlier level) or ``other``.

Two figures state the same indicator only when their keys have the same ``identity`` (name and
scope) and the same aspect; period and role are the caller's to compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from lint.errors import UsageError
from lint.spec import Options, option

if TYPE_CHECKING:
    from .statements import Fact, Statements

# Words before an indicator that do not narrow it: the document's whole area, verbs, time words
# that the period already carries. Anything else left before the match is the key's scope.
_NEUTRAL = re.compile(
    r"(?:全(?:县|市|区|省|州|旗|镇|乡|国|盟)|我(?:县|市|区|省|州|旗|镇|乡)|本(?:县|市|区|省|州|旗|镇|乡)"
    r"|完成|实现|达到|确保|力争|争取|保持|预计|计划|全年|今年|当年|年内|本年|年度|年末|年底|目前|截至目前"
    r"|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|其|和|及|与|、)+$"
)
# After the indicator: a change (a growth rate or an increment), not the level itself.
_CHANGE_TAIL = re.compile(
    r"(?:比上年末|比上年|比去年|比年初|同比|较上年|较去年|较年初|同口径|可比价)?"
    r"(?:增长|增加|增收|提高|上升|下降|减少|降低|回落|净增|增幅|降幅|增速)$"
)
# A benign word after an indicator: 新增耕地面积 is 新增耕地.
_TAILS = ("总面积", "面积", "总规模", "规模", "总量", "总额", "数量")
_REACHED = re.compile(r"(?:增|提高|增加|增长|上升|提升|下降|降|减少|降低|达)(?:至|到)\s*$")
_FROM = re.compile(r"(?:由|从)\s*$")


def _one_or_many(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


def _no_short_alias(value: tuple[str, ...]) -> tuple[str, ...]:
    for alias in value:
        if len(alias) < 2:
            raise ValueError(f"alias {alias!r} is too short (at least two characters)")
    return value


class IndicatorSpec(Options):
    """One lexicon entry as written in YAML."""

    name: str = option(min_length=2)
    dimension: tuple[str, ...] = option(prepare=_one_or_many)
    kind: Literal["stock", "flow"] = "flow"
    aliases: tuple[str, ...] = option((), check=_no_short_alias)
    patterns: tuple[str, ...] = ()
    note: str | None = None


class LexiconSpec(Options):
    """A lexicon file (rules/indicators/*.yaml)."""

    version: int = 1
    domain: str | None = None
    indicators: list[IndicatorSpec]


@dataclass(frozen=True, slots=True)
class Indicator:
    """A lexicon entry after merging: every spelling of one indicator."""

    name: str
    dimensions: tuple[str, ...]
    kind: str  # stock | flow
    domain: str | None
    source: str


@dataclass(frozen=True, slots=True)
class IndicatorKey:
    """What an indicator phrase names, and how it matched."""

    name: str  # the canonical name: 耕地保有量
    how: str  # "name" | "alias" | "pattern"
    text: str  # the words that matched, as written: 耕地保有面积
    scope: str  # words before the match that narrow it (某镇, 城镇, 人均); "" for the whole
    change: str  # a change word after it (增长, 比上年增加); "" for the level
    indicator: Indicator

    @property
    def identity(self) -> tuple[str, str]:
        """Two keys with the same identity name the same indicator of the same place."""
        return self.name, self.scope

    def label(self) -> str:
        """耕地保有量, or 某镇·耕地保有量 with its scope."""
        return f"{self.scope}·{self.name}" if self.scope else self.name


class FactIndicator(NamedTuple):
    key: IndicatorKey
    aspect: str  # level | growth | change | start | other


class LexiconError(UsageError, ValueError):
    """A malformed lexicon file or pack section (names the file and, when known, the line)."""


class Lexicon:
    """Spellings → indicators. Build with :meth:`builtin`, :meth:`from_specs` or :meth:`extend`."""

    def __init__(self, indicators: dict[str, Indicator], spellings: dict[str, tuple[str, str]], patterns: list):
        self._indicators = indicators
        self._spellings = spellings  # spelling → (name, how)
        self._patterns = patterns  # (compiled, name), in load order
        self._longest = max((len(s) for s in spellings), default=0)

    # -- building --------------------------------------------------------------------------
    @classmethod
    def from_specs(cls, specs: Iterable[tuple[LexiconSpec, str]]) -> Lexicon:
        lexicon = cls({}, {}, [])
        for spec, source in specs:
            lexicon = lexicon._merged(spec, source)
        return lexicon

    @classmethod
    def builtin(cls) -> Lexicon:
        """The shipped lexicon (cached; never mutated: extend returns a new one)."""
        return _builtin()

    def extend(self, entries: Any, source: str = "<pack>") -> Lexicon:
        """A new lexicon with a pack's ``indicators:`` list (entries as in the YAML files) merged in.
        An entry with a known name adds spellings to it; its dimensions must then agree."""
        if not isinstance(entries, list):
            raise LexiconError("`indicators` must be a list of {name, dimension, aliases, …}", source)
        return self._merged(validate({"indicators": entries}, source), source)

    def _merged(self, spec: LexiconSpec, source: str) -> Lexicon:
        indicators = dict(self._indicators)
        spellings = dict(self._spellings)
        patterns = list(self._patterns)
        for entry in spec.indicators:
            known = indicators.get(entry.name)
            if known is not None and set(known.dimensions) != set(entry.dimension):
                raise LexiconError(
                    f"indicator {entry.name!r}: dimension {list(entry.dimension)} differs from "
                    f"{list(known.dimensions)} in {known.source}",
                    source,
                )
            if known is None:
                indicators[entry.name] = Indicator(entry.name, entry.dimension, entry.kind, spec.domain, source)
            for spelling, how in ((entry.name, "name"), *((a, "alias") for a in entry.aliases)):
                _claim(spellings, spelling, entry.name, how, source)
            patterns.extend((_compile(p, entry.name, source), entry.name) for p in entry.patterns)
        return Lexicon(indicators, spellings, patterns)

    # -- queries ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._indicators)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._indicators.values())

    def get(self, name: str) -> Indicator | None:
        return self._indicators.get(name)

    def spellings(self, name: str) -> list[str]:
        """Every literal spelling of one indicator (its name first)."""
        return [s for s, (n, how) in sorted(self._spellings.items(), key=lambda p: p[1][1] != "name") if n == name]

    def normalise(self, text: str) -> IndicatorKey | None:
        """The indicator a phrase names, or None. ``text`` is the words before a figure
        (``Fact.indicator``): 全县耕地保有量, 某镇新增建设用地面积, 地区生产总值增长."""
        text = text.strip(" \u3000")
        change = _CHANGE_TAIL.search(text)
        stem = text[: change.start()] if change else text
        found = self._match(stem)
        if found is None:
            return None
        start, matched, name, how = found
        scope = _NEUTRAL.sub("", stem[:start]) if start else ""
        return IndicatorKey(name, how, matched, scope, change.group() if change else "", self._indicators[name])

    def _match(self, stem: str) -> tuple[int, str, str, str] | None:
        """(start, matched words, name, how) of the longest spelling ending ``stem``."""
        for body in _without_tail(stem):
            for start in range(max(0, len(body) - self._longest), len(body) - 1):
                hit = self._spellings.get(body[start:])
                if hit is not None:
                    return start, stem[start:], hit[0], hit[1]
        for compiled, name in self._patterns:
            m = compiled.search(stem)
            if m is not None and m.end() == len(stem) and m.end() > m.start():
                return m.start(), m.group(), name, "pattern"
        return None


def _without_tail(stem: str) -> Iterator[str]:
    """The phrase, then the phrase minus one benign tail word (面积, 规模 …)."""
    yield stem
    for tail in _TAILS:
        if stem.endswith(tail) and len(stem) > len(tail) + 1:
            yield stem[: -len(tail)]
            return


def _claim(spellings: dict[str, tuple[str, str]], spelling: str, name: str, how: str, source: str) -> None:
    owner = spellings.get(spelling)
    if owner is not None and owner[0] != name:
        raise LexiconError(f"spelling {spelling!r} of {name!r} already names {owner[0]!r}", source)
    if owner is None or how == "name":
        spellings[spelling] = (name, how)


def _compile(pattern: str, name: str, source: str):
    from lint.rules.regexguard import compile_guarded

    try:
        return compile_guarded(f"(?:{pattern})$", f"indicator {name!r} pattern")
    except (ValueError, UsageError) as exc:
        raise LexiconError(f"indicator {name!r}: bad pattern {pattern!r}: {exc}", source) from None


def validate(mapping: Any, source: str, located=None) -> LexiconSpec:
    """A mapping shaped like rules/indicators/*.yaml → LexiconSpec, or a LexiconError naming the line."""
    if not isinstance(mapping, Mapping):
        raise LexiconError("an indicator lexicon must be a mapping with an `indicators:` list", source)
    from pydantic import ValidationError  # a lexicon read from the rule-table cache needs none

    from lint.validation import validate as validate_options

    try:
        return validate_options(LexiconSpec, dict(mapping))
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        where = ".".join(str(p) for p in loc)
        line = located.line_of(loc) if located is not None else None
        raise LexiconError(f"{where}: {err['msg']}", source, line) from None


def lexicon_files() -> list[Path]:
    """rules/indicators/*.yaml in a source checkout, lint/packs/indicators inside a wheel."""
    from lint.rules.packs import builtin_dir

    return sorted((builtin_dir() / "indicators").glob("*.yaml"))


@lru_cache(maxsize=1)
def _builtin() -> Lexicon:
    from lint.yamlio import load_yaml, read_text

    specs = []
    for path in lexicon_files():
        located = load_yaml(read_text(path, "indicator lexicon"), path.name)
        specs.append((validate(located.data, path.name, located), path.name))
    return Lexicon.from_specs(specs)


# -- one document ---------------------------------------------------------------------------


def indicator_map(st: Statements, lexicon: Lexicon) -> dict[int, FactIndicator]:
    """Fact index → its indicator key and aspect, for every fact whose phrase the lexicon knows.
    A growth rate with no indicator of its own (``262.6亿元，同比增长5.3%``) takes the key of the
    figure it is the growth of."""
    out: dict[int, FactIndicator] = {}
    cache: dict[str, IndicatorKey | None] = {}
    for fact in st.facts:
        phrase = _phrase(fact)
        if phrase not in cache:
            cache[phrase] = lexicon.normalise(phrase) if phrase else None
        key = cache[phrase]
        if key is not None:
            out[fact.index] = FactIndicator(key, aspect_of(fact, key))
            continue
        inherited = _inherited(st, fact, out)
        if inherited is not None:
            out[fact.index] = inherited
    return out


def _inherited(st: Statements, fact: Fact, known: dict[int, FactIndicator]) -> FactIndicator | None:
    """A figure whose words name no indicator but whose neighbour does: the growth rate of a
    known level (262.6亿元，同比增长5.3%), the B of 由A增加到B."""
    if fact.role == "growth":
        of = next((other for rel, other in fact.relations if rel == "growth-of"), None)
        found = known.get(of) if of is not None else None
        if found is not None and found.aspect == "level":
            return FactIndicator(found.key, "growth")
        return None
    before = known.get(fact.index - 1)
    if (
        before is not None
        and before.aspect == "start"
        and st.facts[fact.index - 1].clause == fact.clause
        and _REACHED.search(fact.name)
    ):
        return FactIndicator(before.key, "level")
    return None


# 生产总值(GDP)262.6亿元: a Latin gloss in brackets hides the words before it from the scanner.
_GLOSS = re.compile(r"[（(][A-Za-z ]+[）)]\s*$")
_TRAILING_WORDS = re.compile(r"[\u4e00-\u9fff]+$")


def _phrase(fact: Fact) -> str:
    if fact.indicator:
        return fact.indicator
    gloss = _GLOSS.search(fact.name)
    if gloss is None:
        return ""
    words = _TRAILING_WORDS.search(fact.name, 0, gloss.start())
    return words.group() if words else ""


def aspect_of(fact: Fact, key: IndicatorKey) -> str:
    """What ``fact`` measures of its indicator: level, growth, change, start or other."""
    q = fact.quantity
    if q is None:
        return "other"
    if _FROM.search(fact.name):
        return "start"  # 由874.6亿元增加到1100亿元: the earlier level
    reached = bool(_REACHED.search(fact.name))
    if q.is_percent and "percent" not in key.indicator.dimensions:
        return "growth" if key.change or fact.role == "growth" or fact.polarity else "other"
    dimension = "count" if q.is_count else q.dimension
    if dimension not in key.indicator.dimensions:
        return "other"
    if key.change and not reached:
        return "growth" if q.is_percent else "change"
    return "level"


__all__ = [
    "FactIndicator",
    "Indicator",
    "IndicatorKey",
    "IndicatorSpec",
    "Lexicon",
    "LexiconError",
    "LexiconSpec",
    "aspect_of",
    "indicator_map",
    "validate",
]
