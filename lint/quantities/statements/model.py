"""The statement model's data: clauses, facts and the relations between them (see the package doc)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from lint.text.numerals import plain

from ..intervals import Measure, measure

if TYPE_CHECKING:
    from lint.outline.model import Node

    from ..scan import Quantity
    from ..units import UnitRegistry
    from .clauses import Clauses
    from .words import Words


class TargetItem(NamedTuple):
    """One item of a 目标 section: a child heading with its body, or a sentence of a section
    without children; ``section`` is the 目标 heading it belongs to."""

    start: int
    end: int
    title_end: int  # end of the text shown as the item (its heading, or the sentence)
    section: Node


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int  # the delimiter's offset (exclusive end of the clause text)
    mark: str  # the delimiter before the clause ("" at a paragraph start)
    node: Node | None  # the outline item the clause sits under
    target_section: bool  # under a 目标 heading (not 指导思想/总体要求)


@dataclass(slots=True)
class Fact:
    index: int
    start: int
    end: int
    raw: str
    quantity: Quantity | None  # None: a bare number with no unit (a dropped unit?)
    indicator: str
    name: str  # text from the clause or list item start up to the number
    unit: str | None
    unit_shared: bool = False  # unit taken from the last item of a 、-list
    qualifier: str | None = None  # the word as written: 不低于, 以上, 约, 左右, 力争, 确保 …
    polarity: str | None = None  # up | down (增长/下降 before the number)
    period: str | None = None
    role: str = "value"  # value | total | part | respective | growth | share
    target: bool = False
    clause: int = 0
    relations: list[tuple[str, int]] = field(default_factory=list)

    @property
    def low(self) -> Decimal | None:
        return self.quantity.low if self.quantity is not None else self._bare[0]

    @property
    def high(self) -> Decimal | None:
        return self.quantity.high if self.quantity is not None else self._bare[1]

    _bare: tuple[Decimal | None, Decimal | None] = (None, None)

    @property
    def is_percent(self) -> bool:
        return self.quantity is not None and self.quantity.is_percent


@dataclass
class PartSet:
    total: int
    parts: list[int]
    dimension: str  # 性别, 城乡, 年龄, 产业, 所有制, or "" for a plain list
    exhaustive: bool  # the parts must add up to the total
    trigger: str  # 其中, 包括, （, 分别为, 合计
    names: list[str] = field(default_factory=list)


@dataclass
class Respectively:
    groups: list[str]
    values: list[int]
    anchor: int | None  # the figure before 分别 the values are NOT parts of


@dataclass
class Growth:
    rate: int  # the percentage fact
    of: int  # the value it is the growth of
    down: bool


@dataclass
class Share:
    rate: int
    part: int | None


@dataclass
class Change:
    """由A增至B，增长p%: a figure changed from one stated value to another, and by how much."""

    before: int  # the value changed from
    after: int  # the value changed to
    by: int  # the stated change (a percentage)
    down: bool  # the verb says it went down


@dataclass
class Conversion:
    """3000亩（200公顷）, 12公里，折合1200米: a figure restated in another unit of its dimension."""

    source: int
    stated: int


@dataclass
class Statements:
    text: str
    clauses: Clauses
    facts: list[Fact]
    part_sets: list[PartSet]
    respectively: list[Respectively]
    growths: list[Growth]
    shares: list[Share]
    registry: UnitRegistry
    words: Words
    # each item of a 目标 section: a child heading with its body, or a sentence of a section
    # without children
    target_items: list[TargetItem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    conversions: list[Conversion] = field(default_factory=list)
    _described: bool = False
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [f.start for f in self.facts]

    def between(self, start: int, end: int) -> list[Fact]:
        return self.facts[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def measure(self, fact: Fact) -> Measure | None:
        return measure(fact.quantity, self.registry, additive_only=True) if fact.quantity is not None else None

    def growth_of(self, index: int) -> Growth | None:
        for g in self.growths:
            if g.of == index:
                return g
        return None

    def to_dicts(self, line_col) -> Iterator[dict]:
        """Each fact as a plain dict (for ``gwlint facts``)."""
        from .facts import describe  # facts imports the model

        describe(self)
        for f in self.facts:
            line, column = line_col(f.start)
            item: dict = {
                "line": line,
                "column": column,
                "text": f.raw,
                "indicator": f.indicator,
                "value": _interval_text(f.low, f.high),
                "unit": f.unit,
                "role": f.role,
            }
            if f.unit_shared:
                item["unit_shared"] = True
            for key in ("qualifier", "polarity", "period"):
                if getattr(f, key):
                    item[key] = getattr(f, key)
            if f.target:
                item["target"] = True
            if f.relations:
                item["relations"] = [
                    {"relation": rel, "with": self.facts[other].raw, "line": line_col(self.facts[other].start)[0]}
                    for rel, other in f.relations
                ]
            yield item


def _interval_text(low: Decimal | None, high: Decimal | None) -> str:
    def show(x: Decimal | None) -> str:
        return "∞" if x is None else format(plain(x), "f")

    if low is not None and low == high:
        return show(low)
    return f"[{show(low) if low is not None else '-∞'}, {show(high)}]"
