"""How a figure reads in its text: a change or a stock, additive or not, a modifier of the noun
after it, a part's name; shared by the part-set finders and the queries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.text.numerals import PLACEHOLDER

if TYPE_CHECKING:
    from ..intervals import Measure
    from ..textindex import TextIndex
    from .model import Fact, Statements


def is_change(st: Statements, f: Fact) -> bool:
    return bool(st.words.change.search(_segment_before(st.text, f.start)))


def is_comparison(st: Statements, f: Fact) -> bool:
    """比上年增收1.4亿元, or a piece that is only a change word and its amount (277.48亿元，增收
    23.25亿元，同比增长9.1%): a change against an earlier figure, not a stock or a flow of its own."""
    segment = _segment_before(st.text, f.start)
    if not st.words.change.search(segment):
        return False
    return bool(st.words.comparison.search(segment)) or bool(st.words.change.fullmatch(segment.strip(" \u3000")))


def not_additive(st: Statements, f: Fact) -> bool:
    """A per-head, average or 累计 figure: never a part of another figure."""
    segment = _segment_before(st.text, f.start)
    return bool(st.words.not_additive.search(segment) or st.words.cumulative.search(segment))


def per_unit(st: Statements, f: Fact) -> bool:
    """A per-head or average figure (人均, 年均, 每万人): never a total either."""
    return bool(st.words.not_additive.search(_segment_before(st.text, f.start)))


def _segment_before(text: str, pos: int, limit: int = 40) -> str:
    start = max(0, pos - limit)
    chunk = text[start:pos]
    cut = max(chunk.rfind(ch) for ch in "，,；;。：:、（(）)\n！？")
    return chunk[cut + 1 :]


_PART_END = set("，,；;。、（()）\n：:和及与")


def eligible(st: Statements, ix: TextIndex, f: Fact, bracket) -> Measure | None:
    """f's measure when f can be a part: additive, not a change, not a modifier (10亿元项目)."""
    text = st.text
    if f.quantity is None or f.role == "respective":
        return None
    inner = ix.bracket(f.start)
    if inner is not None and inner != bracket:
        return None  # 医师579人（其中执业医师493人）: parts of a part
    if is_change(st, f) or not_additive(st, f):
        return None
    q = f.quantity
    after = q.qualifier_span[1] if q.qualifier_span and q.qualifier_span[0] >= q.end else q.end
    while after < len(text) and text[after] in " \u3000":
        after += 1
    if after < len(text) and text[after] not in _PART_END:
        return None  # followed by a noun: an attribute (亿元以上项目), not a part
    return st.measure(f)


def split_pieces(ix: TextIndex, start: int, end: int, bracket) -> list[tuple[int, int, str]]:
    """[start, end) split at ，/； outside inner brackets, with the mark before each piece."""
    text = ix.text
    out: list[tuple[int, int, str]] = []
    cursor, mark = start, ""
    for i in range(start, end):
        ch = text[i]
        if ch in "，,；;":
            inner = ix.bracket(i)
            if inner is not None and inner != bracket:
                continue
            out.append((cursor, i, mark))
            cursor, mark = i + 1, ch
    out.append((cursor, end, mark))
    return out


def item_name(text: str, piece_start: int, f: Fact) -> str:
    name = text[piece_start : f.start]
    cut = max(name.rfind(ch) for ch in "、：:，,；;（(")
    return name[cut + 1 :].strip(" \u3000")


def is_modifier(text: str, f: Fact) -> bool:
    """A figure followed by a noun modifies it (0—14岁人口, 10亿元以上项目): not a value."""
    q = f.quantity
    after = f.end
    if q is not None and q.qualifier_span and q.qualifier_span[0] >= q.end:
        after = q.qualifier_span[1]
    elif q is None and f.qualifier:
        after += len(f.qualifier)
    while after < len(text) and text[after] in " \u3000":
        after += 1
    if text.startswith(("及以上", "及以下"), after):
        after += 3  # 65岁及以上人口
    return after < len(text) and text[after] not in _PART_END


def placeholder(text: str, start: int, end: int) -> bool:
    return bool(PLACEHOLDER.search(text, start, end))
