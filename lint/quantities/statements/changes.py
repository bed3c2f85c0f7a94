"""Changes (由A增至B，增长p%) and conversions (3000亩（200公顷）, 12公里，折合1200米): a figure
read against the figure right before it in the same sentence."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from .model import Change, Conversion

if TYPE_CHECKING:
    from .model import Fact, Statements


def bind_changes(st: Statements) -> None:
    """Three figures in a row written as 由A增至B，增长p%: the change from A to B is p%."""
    text = st.text
    words = st.words
    measured = _measured(st)
    for a, b, c in zip(measured, measured[1:], measured[2:], strict=False):
        qa, qb, qc = a.quantity, b.quantity, c.quantity
        if qa is None or qb is None or qc is None:
            continue
        if not qc.is_percent or qc.unit != "%" or qa.unit is None or qa.unit != qb.unit:
            continue
        if not words.change_from.search(text, max(0, a.start - 14), a.start):
            continue
        if not words.change_to.match(text[qa.written_end : b.start]):
            continue
        by = words.change_by.match(text[b.end : c.start])
        if by is None:
            continue
        st.changes.append(Change(a.index, b.index, c.index, by.group("down") is not None))
        c.relations += [("change-from", a.index), ("change-to", b.index)]


def bind_conversions(st: Statements) -> None:
    """A figure restated right after another in a unit of the same dimension: in brackets
    (3000亩（约200公顷）) or after a conversion word (12公里，折合1200米)."""
    text = st.text
    words = st.words
    for a, b in pairwise(_measured(st)):
        qa, qb = a.quantity, b.quantity
        if qa is None or qb is None or qa.unit is None or qb.unit is None:
            continue
        if qa.dimension is None or qa.dimension != qb.dimension or "/" in qa.unit or "/" in qb.unit:
            continue
        if qa.unit == qb.unit and qa.scale == qb.scale:
            continue  # the same figure again, or another one: nothing converted
        gap = text[qa.written_end : qb.start]
        if words.conversion_bracket.fullmatch(gap):
            if text[qb.written_end : qb.written_end + 1] not in ("）", ")"):
                continue
        elif not words.conversion.match(gap):
            continue
        st.conversions.append(Conversion(a.index, b.index))
        b.relations.append(("conversion-of", a.index))


def _measured(st: Statements) -> list[Fact]:
    """The facts with a scanned quantity (bare numbers left out), in order."""
    return [f for f in st.facts if f.quantity is not None]
