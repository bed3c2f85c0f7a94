"""Indicator values: the figures of a document that state an indicator, with what makes two of
them the same statement — indicator and scope, aspect, period, role — and where they stand.

Built on ``Analysis.indicators`` (the lexicon keys). A figure is such a value only when nothing
around it says it is something narrower: a 其中 subset, a 分别为 value, a share, a per-head or
cumulative figure, a table cell, a place named before the indicator. The words that say so
are the caller's (``skip``, from the rule's YAML); the structure (part, respective, share
roles; the scope of the key) is read here. Two values with the same ``group`` state the same
thing and must agree; ``conflicts`` yields the pairs whose intervals cannot overlap.

* ``period``: the period word of the figure's sentence (statements.describe), with 全年, 年内,
  年底 … and no word at all read as the year of the nearest heading or the title that names one
  (``2025`` for a 2025 summary), else ``year``; 上半年, 累计, 一季度 stay themselves.
* ``role``: ``target`` (a plan, a 目标 section, 力争/确保/目标 in the sentence, or a section on
  next year's work: 下步打算, 工作安排 …) or ``actual``.
* ``place``: ``target-section`` (an item of a 目标 section), ``overview`` (a summary's opening
  paragraphs before its first heading, or a 总体情况 section) or ``body``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .intervals import Measure, disjoint, measure

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.outline.model import Node

    from .indicators import IndicatorKey
    from .statements import Fact

_YEAR = re.compile(r"((?:19|20)\d{2})年")
_THIS_YEAR = frozenset({"全年", "年内", "当年", "今年", "本年", "年度", "年底", "年末", "年底前"})
_PLAN_HEADING = re.compile(r"打算|下步|下一步|计划|安排|思路|展望|目标|任务|要点|举措|重点工作")
_OVERVIEW_HEADING = re.compile(r"总体情况|基本情况|总体概况|工作概况|总体成效|主要成效|总体完成情况")
_ROLES_COMPARED = frozenset({"value", "total", "growth"})
# Right after a figure: a threshold or a range bound (投资1000万元及以上且…的项目, 1000万元至5000万元),
# not a value.
_THRESHOLD_AFTER = re.compile(r"\s*(?:及以上|及以下|(?:以上|以下)?\s*(?:的|至|到|且|或|～|~|—|－))")


class ValueWords(NamedTuple):
    """The words (from the rule's YAML) that decide what is compared. Each may be None."""

    skip: re.Pattern | None = None  # in the sentence before a figure: not a value (其中, 分别, 人均 …)
    era: re.Pattern | None = None  # in its paragraph or a heading above: another span of time (这五年, 十四五)
    target: re.Pattern | None = None  # in its sentence: a target; earlier in its paragraph only: unsure


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    fact: Fact
    key: IndicatorKey
    aspect: str  # level | growth (see indicators.aspect_of)
    period: str  # "2025", "year", 上半年, 累计 …
    role: str  # target | actual
    place: str  # target-section | overview | body
    measure: Measure

    @property
    def group(self) -> tuple:
        """Values with the same group state the same thing."""
        return (*self.key.identity, self.aspect, self.period, self.role, self.measure.key)


@dataclass(frozen=True, slots=True)
class Conflict:
    first: IndicatorValue
    later: IndicatorValue

    @property
    def same_unit(self) -> bool:
        return self.first.fact.unit == self.later.fact.unit

    @property
    def places(self) -> frozenset[str]:
        return frozenset((self.first.place, self.later.place))


def indicator_values(analysis: Analysis, words: ValueWords | None = None) -> list[IndicatorValue]:
    """Every figure of the document that states an indicator the lexicon knows, in order."""
    st = analysis.statements
    found = analysis.indicators
    reader = _Reader(analysis, words or ValueWords())
    out = []
    for index in sorted(found):
        claim = reader.claim(st.facts[index], found[index].key, found[index].aspect)
        if claim is not None:
            out.append(claim)
    return out


def conflicts(items: list[IndicatorValue]) -> Iterator[Conflict]:
    """Each value whose interval cannot overlap the first value of its group, with that first value."""
    first: dict[tuple, IndicatorValue] = {}
    for value in items:
        reference = first.setdefault(value.group, value)
        if reference is value:
            continue
        a, b = reference.measure, value.measure
        if disjoint((a.low, a.high), (b.low, b.high)):
            yield Conflict(reference, value)


class _Reader:
    """Reads period, role and place around one figure (the document's years found once)."""

    def __init__(self, analysis: Analysis, words: ValueWords):
        self.analysis = analysis
        self.st = analysis.statements
        self.text = analysis.doc.text
        self.words = words
        self.kind = analysis.kind
        title_year = _YEAR.search(analysis.doc.title or "")
        self.title_year = title_year.group(1) if title_year else None
        roots = [n for n in analysis.outline.roots if n.style != "inline-cn"]
        self.first_heading = roots[0].start if roots else len(self.text)

    def claim(self, fact: Fact, key: IndicatorKey, aspect: str) -> IndicatorValue | None:
        if aspect not in ("level", "growth") or key.scope or fact.quantity is None:
            return None
        if fact.role not in _ROLES_COMPARED or self._narrowed(fact) or self._narrowed(self._level_of(fact)):
            return None
        m = measure(fact.quantity, self.st.registry)
        node = self.st.clauses[fact.clause].node
        role = self._role(fact, node)
        if m is None or role is None or self._other_era(fact, node):
            return None
        return IndicatorValue(fact, key, aspect, self._period(fact, node), role, self._place(fact), m)

    def _level_of(self, fact: Fact) -> Fact | None:
        """The figure a growth rate is the growth of (its words decide the rate's scope too)."""
        of = next((other for rel, other in fact.relations if rel == "growth-of"), None)
        return self.st.facts[of] if of is not None else None

    def _narrowed(self, fact: Fact | None) -> bool:
        """A table cell, a place or bracket right before the indicator, a threshold, or a skip
        word (其中, 分别, 人均, 累计 …) in the sentence before the figure."""
        if fact is None:
            return False
        text = self.text
        line_start, line_end = self._line(fact.start)
        if "\t" in text[line_start:line_end] or _THRESHOLD_AFTER.match(text, self._after(fact)):
            return True
        at = fact.name.rfind(fact.indicator) if fact.indicator else -1
        before = fact.name[:at] if at >= 0 else fact.name
        if before.rstrip(" \u3000").endswith(("）", ")", "】", "》", "”")):
            return True  # （市级、袁州区）一般公共预算收入: the bracket names the scope
        if self._counted_before(fact):
            return True  # 5个乡镇一般公共预算收入超过5000万元: a figure of some of the places
        skip = self.words.skip
        return skip is not None and bool(skip.search(text, self._sentence_start(fact), fact.start))

    def _counted_before(self, fact: Fact) -> bool:
        """A count earlier in the figure's clause (5个乡镇…, 3个项目…): the figure is about those."""
        earlier = self.st.facts[fact.index - 1] if fact.index > 0 else None
        while earlier is not None and earlier.clause == fact.clause:
            if earlier.quantity is not None and earlier.quantity.is_count:
                return True
            earlier = self.st.facts[earlier.index - 1] if earlier.index > 0 else None
        return False

    def _other_era(self, fact: Fact, node: Node | None) -> bool:
        """这五年, 五年来, “十四五”时期 in the paragraph before the figure or a heading above it."""
        era = self.words.era
        if era is None:
            return False
        if era.search(self.text, self._line(fact.start)[0], fact.start):
            return True
        return _under(node, era)

    def _role(self, fact: Fact, node: Node | None) -> str | None:
        """target, actual, or None when a target word earlier in the paragraph leaves it unsure
        (主要预期目标是：……；城镇新增就业50万人 — or a result that mentions its target)."""
        if self.kind == "plan" or _under(node, _PLAN_HEADING):
            return "target"
        target = self.words.target
        if target is None:
            return "target" if fact.target else "actual"
        sentence = self._sentence_start(fact)
        if target.search(self.text, sentence, fact.start):
            return "target"
        if target.search(self.text, self._line(fact.start)[0], sentence):
            return None
        return "actual"

    def _period(self, fact: Fact, node: Node | None) -> str:
        word = fact.period
        if word is not None and word not in _THIS_YEAR:
            year = _YEAR.match(word)
            if year is None or year.end() != len(word) and not word.endswith(("底", "末", "底前")):
                return word
            return year.group(1)
        heading_year = _heading_year(node)
        return heading_year or self.title_year or "year"

    def _place(self, fact: Fact) -> str:
        clause = self.st.clauses[fact.clause]
        if clause.target_section:
            return "target-section"
        if self.kind == "summary" and (fact.start < self.first_heading or _under(clause.node, _OVERVIEW_HEADING)):
            return "overview"
        return "body"

    def _line(self, pos: int) -> tuple[int, int]:
        end = self.text.find("\n", pos)
        return self.text.rfind("\n", 0, pos) + 1, end if end >= 0 else len(self.text)

    def _sentence_start(self, fact: Fact) -> int:
        return self.st.clauses.sentence_start(fact.clause)

    def _after(self, fact: Fact) -> int:
        q = fact.quantity
        if q is not None and q.qualifier_span and q.qualifier_span[0] >= q.end:
            return q.qualifier_span[1]
        return fact.end


def _heading_year(node: Node | None) -> str | None:
    while node is not None:
        m = _YEAR.search(node.title)
        if m:
            return m.group(1)
        node = node.parent
    return None


def _under(node: Node | None, pattern: re.Pattern) -> bool:
    while node is not None:
        if pattern.search(node.title):
            return True
        node = node.parent
    return False


__all__ = ["Conflict", "IndicatorValue", "ValueWords", "conflicts", "indicator_values"]
