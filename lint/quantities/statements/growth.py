"""Growth (a percentage after 增长/下降… bound to the value it qualifies) and shares (占…%)."""

from __future__ import annotations

from .model import Fact, Growth, Share, Statements


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
        of = _previous_value(st, f)
        if of is None:
            continue
        f.role = "growth"
        st.growths.append(Growth(f.index, of.index, g.group("down") is not None))
        f.relations.append(("growth-of", of.index))


def _previous_value(st: Statements, f: Fact) -> Fact | None:
    """The figure a rate right after it is about: the last non-percent fact of the same
    sentence, with no ；/。 between."""
    text = st.text
    i = f.index - 1
    while i >= 0:
        prev = st.facts[i]
        gap = text[prev.end : f.start]
        if any(ch in gap for ch in "；;。！？!?\n") or len(gap) > 30:
            return None
        if not prev.is_percent and prev.quantity is not None:
            # 20亿元，增长12%: nothing but the growth words between them
            if len(st.facts) > i + 1 and st.facts[i + 1].is_percent and st.facts[i + 1] is not f:
                return None
            return prev
        i -= 1
    return None
