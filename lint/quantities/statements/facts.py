"""Facts: each written number of a clause (a scanned quantity, or a bare number that may have
lost its unit) with its indicator, name, unit (own or shared from a list's last item), qualifier
and polarity; ``describe`` adds what only a reader needs (period, target)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from lint.text.numerals import parse_number

from .model import Fact

if TYPE_CHECKING:
    from ..scan import Quantity
    from ..textindex import TextIndex
    from .clauses import Clauses
    from .model import Statements
    from .words import Words


# A bare number: Arabic, not part of a code, date or scanned quantity (checked later).
_BARE = re.compile(r"(?<![0-9０-９.．A-Za-z第/\-－])[0-9]+(?:\.[0-9]+)?(?![0-9.．A-Za-z%％‰])")


# A bound word may follow after one stray space (垦造耕地 5000 以上), and an aside may open
# after it (5000亩以上（其中…）).
_BARE_QUALIFIER_AFTER = re.compile(r"[ \u3000]?(?:以上|以下|以内|左右)(?=[，,；;。、）)（(])|(?=[，,；;。、）)])")


def read_facts(text: str, ix: TextIndex, clauses: Clauses, words: Words) -> list[Fact]:
    quantities = ix.quantities
    out: list[tuple[int, Fact]] = [(q.start, _fact_of(text, q, clauses, words)) for q in quantities]
    q_starts = [q.start for q in quantities]
    for m in _BARE.finditer(text):
        s = m.start()
        i = bisect_right(q_starts, s) - 1
        if i >= 0 and quantities[i].start <= s < quantities[i].end:
            continue
        fact = _bare_fact(text, m, ix, clauses)
        if fact is not None:
            out.append((s, fact))
    out.sort(key=lambda pair: pair[0])
    facts = [f for _, f in out]
    for index, f in enumerate(facts):
        f.index = index
    _share_units(text, facts)
    return facts


class _SentenceWords:
    """Period words and target words of each sentence, found once per sentence."""

    def __init__(self, text: str, clauses: Clauses, words: Words):
        self.text = text
        self.clauses = clauses
        self.words = words
        self._cache: dict[int, tuple[list[tuple[int, str]], list[int]]] = {}

    def at(self, clause: int, pos: int) -> tuple[str | None, bool]:
        """(the last period word before ``pos`` in its sentence, a target word before it)."""
        start = self.clauses.sentence_start(clause)
        found = self._cache.get(start)
        if found is None:
            end = self.clauses.ends[clause]
            while end < len(self.text) and self.text[end] in "，,":
                end = self.clauses.ends[self.clauses.index_of(end + 1)]
            periods = [(m.start(), m.group()) for m in self.words.period.finditer(self.text, start, end)]
            targets = [m.start() for m in self.words.target_words.finditer(self.text, start, end)]
            found = self._cache[start] = (periods, targets)
        periods, targets = found
        period = None
        for at, word in periods:
            if at >= pos:
                break
            period = word
        return period, bool(targets) and targets[0] < pos


def _polarity(lead: str, words: Words) -> str | None:
    m = words.growth.search(lead)
    if m is None:
        return None
    return "down" if m.group("down") is not None else "up"


def _fact_of(text: str, q: Quantity, clauses: Clauses, words: Words) -> Fact:
    ci = clauses.index_of(q.start)
    lead = text[clauses.starts[ci] : q.start]
    fact = Fact(
        index=0,
        start=q.start,
        end=q.end,
        raw=q.raw,
        quantity=q,
        indicator=q.indicator,
        name=lead.strip(" \u3000"),
        unit=q.unit,
        clause=ci,
    )
    if q.qualifier_span is not None:
        fact.qualifier = text[q.qualifier_span[0] : q.qualifier_span[1]]
    fact.polarity = _polarity(lead, words) if q.is_percent else None
    return fact


def describe(st: Statements) -> None:
    """Fill in what only a reader needs (the rules do not): each fact's period, whether it is a
    target, and a modal (力争, 确保) as its qualifier when no bound word was written."""
    if st._described:
        return
    st._described = True
    context = _SentenceWords(st.text, st.clauses, st.words)
    for f in st.facts:
        clause = st.clauses[f.clause]
        if f.qualifier is None and f.quantity is not None:
            words = st.words.modal.findall(st.text, clause.start, f.start)
            f.qualifier = words[-1] if words else None
        f.period, modal = context.at(f.clause, f.start)
        f.target = clause.target_section or modal


def is_target(st: Statements, f: Fact) -> bool:
    """What ``describe`` marks as a target, for one fact: under a 目标 heading, or after a
    target word (力争, 确保, 目标, 不少于…) in its sentence."""
    if st.clauses[f.clause].target_section:
        return True
    return st.words.target_words.search(st.text, st.clauses.sentence_start(f.clause), f.start) is not None


def _bare_fact(text: str, m: re.Match, ix: TextIndex, clauses: Clauses) -> Fact | None:
    """A number with no unit after it, where a unit could have been dropped."""
    s, e = m.span()
    after = _BARE_QUALIFIER_AFTER.match(text, e)
    if after is None:
        return None
    written = m.group()
    qualifier = text[e : after.end()] or None
    if "." not in written and 1900 <= int(written) <= 2100 and qualifier is None:
        return None  # a year (新增耕地2000以上 is not one)
    if s and text[s - 1] in "（(第" or "第" in text[max(0, s - 6) : s]:
        return None  # （1）, 第3、4条: markers and ordinals
    if _in_quoted(ix, s):
        return None
    num = parse_number(written)
    if num is None:
        return None
    ci = clauses.index_of(s)
    lead = text[clauses.starts[ci] : s]
    if not _HAN.search(lead):
        return None  # a number alone in its clause: a list marker or a table cell
    from ..scan import _indicator  # the scanner's indicator rule, for the same answer

    fact = Fact(
        index=0,
        start=s,
        end=e,
        raw=written,
        quantity=None,
        indicator=_indicator(text, s),
        name=lead.strip(" \u3000"),
        unit=None,
        clause=ci,
        qualifier=qualifier,
    )
    fact._bare = (num.low, num.high)
    return fact


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _in_quoted(ix: TextIndex, pos: int) -> bool:
    return ix.quoted.overlaps(pos, pos + 1)


def _share_units(text: str, facts: list[Fact]) -> None:
    """3.5、4.2、5万亩 and 1.28万亿、8200亿元: the members of a 、/和-list (or the first end of a
    range) that carry no unit take the unit of the list's last item."""
    i = 0
    while i < len(facts):
        j = i
        while (
            j + 1 < len(facts)
            and facts[j].unit is None
            and text[facts[j].end : facts[j + 1].start].strip(" \u3000") in _LIST_GLUE
        ):
            j += 1
        last = facts[j]
        if j > i and last.quantity is not None and last.unit is not None:
            for f in facts[i:j]:
                f.unit = last.unit
                f.unit_shared = True
        i = j + 1


_LIST_GLUE = ("、", "和", "与", "及", "至", "到", "～", "~", "-", "—", "－")
