"""Part sets: a total tied to its parts by 其中/包括, a bracket after the total, a 按…统计 sentence,
分别为 name–value pairs or "…，合计T"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .dimensions import add_sets, dimension_of
from .reading import eligible, is_change, item_name, not_additive, placeholder, split_pieces
from .respectively import respective_indices
from .subsets import read_subset

if TYPE_CHECKING:
    from ..intervals import Measure
    from ..textindex import TextIndex
    from .model import Fact, Statements


def find_part_sets(st: Statements, ix: TextIndex) -> None:
    text = st.text
    respective = respective_indices(st)
    for m in st.words.subset.finditer(text):
        if ix.quoted.overlaps(m.start(), m.end()) or text[m.end() : m.end() + 1] in ("的", "之"):
            continue
        read_subset(st, ix, m)
    _brackets(st, ix)
    _by_dimension(st, ix)
    _listed_after(st, ix, respective)
    _sum_after(st, ix)


def _opens_with_by(st: Statements, pos: int) -> bool:
    text = st.text
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    return bool(st.words.by.match(text, pos))


def _by_dimension(st: Statements, ix: TextIndex) -> None:
    """全年社会消费品零售总额12853.5亿元，增长5.3%。按经营地统计，城镇…10813亿元，…；乡村…2040.5亿元…:
    a sentence opened by 按…统计/分 splits the total of the sentence before it. Only a dimension
    the parts cover completely (城镇/乡村, 商品零售/餐饮收入) becomes a part set."""
    text = st.text
    for m in st.words.by.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in "。；;\n":
            continue  # only a sentence that opens with 按…
        total = _total_before_by(st, ix, m.start())
        if total is None:
            continue
        items = _by_items(st, ix, m.end(), st.measure(total).key)  # type: ignore[union-attr]
        if len(items) < 2:
            continue
        dim, labels = dimension_of(st.words, [name for _, _, name in items])
        if dim and dim in st.words.complete and st.words.complete[dim] <= set(labels):
            add_sets(st, total, items, "按", exhaustive=True)


def _total_before_by(st: Statements, ix: TextIndex, start: int) -> Fact | None:
    """The first additive figure of the sentence a 按… sentence splits."""
    text = st.text
    before = ix.sentence(start - 1) if start > 0 and text[start - 1] != "\n" else None
    # 按经营地统计…。按消费类型统计…: the second split is of the same total
    # (and 其中，限额以上…。 between the total and the split is a subset, not the total)
    while (
        before is not None
        and (_opens_with_by(st, before[0]) or st.words.opens_subset.match(text, before[0]))
        and before[0] > 0
        and text[before[0] - 1] != "\n"
    ):
        before = ix.sentence(before[0] - 1)
    if before is None:
        return None
    for f in st.between(*before):
        if f.quantity is not None and not is_change(st, f) and not not_additive(st, f):
            if st.measure(f) is not None:
                return f
    return None


def _by_items(st: Statements, ix: TextIndex, start: int, key) -> list[tuple[Fact, Measure | None, str]]:
    """One part per piece of the 按… sentence: the figure of the total's unit the piece opens with."""
    end = ix.sentence(start)[1]
    items: list[tuple[Fact, Measure | None, str]] = []
    for a, b, _ in split_pieces(ix, start, end, None):
        for f in st.between(a, b):
            mf = eligible(st, ix, f, None) if f.quantity is not None else None
            if mf is not None and mf.key == key:
                items.append((f, mf, item_name(st.text, a, f)))
                break
    return items


def _brackets(st: Statements, ix: TextIndex) -> None:
    """村庄18个（凤桥10个、新丰7个、余新1个）: every item of a bracket right after a figure."""
    text = st.text
    for f in st.facts:
        q = f.quantity
        if q is None:
            continue
        after = q.qualifier_span[1] if q.qualifier_span and q.qualifier_span[0] >= q.end else q.end
        bracket = ix.bracket_after(after)
        mt = st.measure(f) if bracket is not None else None
        if bracket is None or mt is None:
            continue
        inner = text[bracket[0] + 1 : bracket[1] - 1]
        if st.words.open_words.search(inner) or placeholder(text, bracket[0], bracket[1]):
            continue
        if any(ch in inner for ch in '（(“”《》"：:'):
            continue
        items = _bracket_items(st, bracket[0] + 1, inner, mt.key)
        if items is not None:
            add_sets(st, f, items, "（", exhaustive=True)


def _bracket_items(st: Statements, start: int, inner: str, key) -> list[tuple[Fact, Measure, str]] | None:
    """Each item of a bracket as name + one figure of the total's unit; None unless every item is."""
    pieces = re.split(r"[、，,；;]", inner)
    if len(pieces) < 2:
        return None
    items: list[tuple[Fact, Measure, str]] = []
    cursor = start
    for piece in pieces:
        a, b = cursor, cursor + len(piece)
        cursor = b + 1
        item = _bracket_item(st, a, b, key)
        if item is None:
            return None
        items.append(item)
    return items


def _bracket_item(st: Statements, a: int, b: int, key) -> tuple[Fact, Measure, str] | None:
    """凤桥10个: a short name and one figure of the total's unit, nothing after it."""
    text = st.text
    found = [p for p in st.between(a, b) if p.quantity is not None]
    if len(found) != 1 or found[0].end > b:
        return None
    p = found[0]
    if text[p.end : b].strip(" \u3000") not in ("", "以上", "左右"):
        return None
    name = text[a : p.start].strip(" \u3000")
    if not name or len(name) > 12 or re.search(r"[0-9０-９]", name):
        return None
    mp = st.measure(p)
    if mp is None or mp.key != key or is_change(st, p):
        return None
    return p, mp, name


def _listed_after(st: Statements, ix: TextIndex, respective: set[int]) -> None:
    """共3个，分别为A类1个、B类1个、C类1个: name–value pairs right after the total."""
    text = st.text
    for m in re.finditer(r"分别为|分别是", text):
        prev = [f for f in st.between(ix.sentence(m.start())[0], m.start()) if f.quantity is not None]
        if not prev:
            continue
        total = prev[-1]
        gap = text[total.end : m.start()]
        if re.search(r"[。；;\n0-9０-９]", gap) or len(gap.strip(" \u3000，,以上左右")) > 0:
            continue
        mt = st.measure(total)
        end = ix.clause(m.end())[1]
        if mt is None or placeholder(text, m.end(), end):
            continue
        items = _pairs(st, ix, m.end(), end, mt.key, respective)
        if items is not None and len(items) >= 2:
            add_sets(st, total, items, m.group(), exhaustive=True)


def _pairs(
    st: Statements, ix: TextIndex, start: int, end: int, key, respective: set[int]
) -> list[tuple[Fact, Measure, str]] | None:
    """The name–value pairs after 分别为 (figures in their own brackets skipped); None when a
    figure is a respective value, has no unit, is of another unit or is a change."""
    text = st.text
    items: list[tuple[Fact, Measure, str]] = []
    for p in st.between(start, end):
        if p.index in respective or p.quantity is None:
            return None
        inner = ix.bracket(p.start)
        if inner is not None and inner[0] >= start:
            continue
        mp = st.measure(p)
        if mp is None:
            continue
        if mp.key != key or is_change(st, p):
            return None
        items.append((p, mp, item_name(text, start, p)))
    return items


def _sum_after(st: Statements, ix: TextIndex) -> None:
    """a，b，c，合计T: the parts before the word, the total right after it."""
    text = st.text
    for m in st.words.sum_words.finditer(text):
        if ix.quoted.overlaps(m.start(), m.end()):
            continue
        total = _total_after(st, m.end())
        mt = st.measure(total) if total is not None else None
        if total is None or mt is None or mt.high is None:
            continue
        c_start = ix.clause(m.start())[0]
        lead = text[c_start : m.start()]
        if placeholder(text, c_start, m.start()) or st.words.open_words.search(lead):
            continue
        items = _summed(st, ix, c_start, m.start(), mt.key)
        if items is not None and len(items) >= 2:
            add_sets(st, total, items, m.group(), exhaustive=True)


def _total_after(st: Statements, pos: int) -> Fact | None:
    """合计1449人: the figure right after the word (为/达 allowed between)."""
    after = st.between(pos, pos + 6)
    if not after or after[0].quantity is None or st.text[pos : after[0].start].strip(" \u3000为达") != "":
        return None
    return after[0]


def _summed(st: Statements, ix: TextIndex, start: int, end: int, key) -> list[tuple[Fact, Measure, str]] | None:
    """The figures of the total's unit before 合计 (bracketed ones skipped); None when one of
    them is a change or not additive."""
    text = st.text
    items: list[tuple[Fact, Measure, str]] = []
    for p in st.between(start, end):
        if p.quantity is None or ix.bracket(p.start) is not None:
            continue
        mp = st.measure(p)
        if mp is None or mp.key != key:
            continue
        if is_change(st, p) or not_additive(st, p):
            return None
        items.append((p, mp, item_name(text, start, p)))
    return items
