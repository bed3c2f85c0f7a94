"""Growth (a percentage after 增长/下降… bound to the value it qualifies) and shares (占…%)."""

from __future__ import annotations

from .model import Fact, Growth, Share, Statements
from .reading import is_comparison


def bind_growth_and_shares(st: Statements) -> None:
    text = st.text
    facts = st.facts
    for f in facts:
        if not f.is_percent:
            continue
        clause = st.clauses[f.clause]
        lead = text[clause.start : f.start]
        if st.words.share.search(lead):
            f.role = "share"
            part = _previous_value(st, f)
            st.shares.append(Share(f.index, part.index if part else None))
            if part is not None:
                f.relations.append(("share-of", part.index))
            continue
        g = st.words.growth.search(lead)
        if g is None or "年均" in lead or "分别" in lead:
            continue
        of = _previous_value(st, f, past_comparisons=True)
        if of is None:
            continue
        f.role = "growth"
        st.growths.append(Growth(f.index, of.index, g.group("down") is not None))
        f.relations.append(("growth-of", of.index))


def _previous_value(st: Statements, f: Fact, past_comparisons: bool = False) -> Fact | None:
    """The figure a rate right after it is about: the last non-percent fact of the same
    sentence, with no ；/。 between; with ``past_comparisons`` a change against last year is
    passed over (17.9亿元，比上年增收1.4亿元，增长8.6%: the growth of 17.9亿元)."""
    text = st.text
    i = f.index - 1
    passed_rate = False
    while i >= 0:
        prev = st.facts[i]
        gap = text[prev.end : f.start]
        if any(ch in gap for ch in "；;。！？!?\n") or len(gap) > 30:
            return None
        if past_comparisons and prev.quantity is not None and not prev.is_percent and is_comparison(st, prev):
            past_comparisons = False  # one change between the stock and its rate, no more
            i -= 1
            continue
        if not prev.is_percent and prev.quantity is not None:
            # 20亿元，增长12%: nothing but the growth words between them; a second rate
            # (同比增长9.1%（同口径增长10.5%）) is not the value's growth as stated
            return None if passed_rate else prev
        passed_rate = passed_rate or prev.is_percent
        i -= 1
    return None


def bind_respective_growths(st: Statements) -> None:
    """第一产业…，第二产业…，第三产业…，分别比上年增长4.0%、9.2%、12.3%: one rate per part of a
    part set, in order, right after its last part."""
    for ps in st.part_sets:
        rates = _respective_rates(st, st.facts[ps.parts[-1]])
        if rates is None or len(rates[0]) != len(ps.parts):
            continue
        for i, rate in zip(ps.parts, rates[0], strict=True):
            if st.growth_of(i) is None and rate.role == "value":
                rate.role = "growth"
                st.growths.append(Growth(rate.index, i, rates[1]))
                rate.relations.append(("growth-of", i))


def _respective_rates(st: Statements, last: Fact) -> tuple[list[Fact], bool] | None:
    """The percentages of a 分别…增长a%、b%… right after ``last`` (nothing but words between,
    within its sentence), and whether they are falls."""
    text = st.text
    first = last.index + 1
    if first >= len(st.facts) or not st.facts[first].is_percent:
        return None
    lead = text[last.end : st.facts[first].start]
    g = st.words.growth.search(lead)
    if g is None or "分别" not in lead or any(ch in lead for ch in "；;。！？!?\n") or len(lead) > 30:
        return None
    rates = [st.facts[first]]
    for f in st.facts[first + 1 :]:
        if not f.is_percent or text[rates[-1].end : f.start].strip(" \u3000") not in ("、", "和", "，", ","):
            break
        rates.append(f)
    return rates, g.group("down") is not None
