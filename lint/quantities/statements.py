"""What the numbers of a document say: clauses, facts and the relations between them.

Built once per document (``Analysis.statements``) from the scanned quantities, the text index
and the outline; the quantity rules (SUM, UNIT, CNT, TGT) are queries over it and
``gwlint facts`` prints it.

* A **clause** is a stretch of text between 。；，！？ or a line break, or a run-in item
  (一是…); it knows the outline node it sits under and whether that is a 目标 section.
* A **fact** is one written number in a clause: a scanned quantity, or a bare number with no
  unit at all (``950，``) kept so a dropped unit can be seen. It carries its indicator (the noun
  phrase before it), its exact interval, its unit (own, or shared from the last item of a
  ``3.5、4.2、5万亩`` list), qualifier word, polarity, period and role.
* A **part set** ties a total to parts: ``其中``/``包括`` lists (never exhaustive, unless the
  parts cover one dimension completely — 男/女, 城镇/乡村, 0—14/15—64/65岁及以上, 三次产业),
  bracketed breakdowns, ``分别为`` name–value lists and ``…，合计T``. Each dimension of one total
  is its own part set: parts of two partitions are never added together.
* A **respectively** mapping (``工业、服务业分别为21.5亿元、9.8亿元``) assigns values to named
  groups; those values are never parts of the total before them.
* **Growth**: a percentage after 增长/下降… bound to the value it qualifies; **share**: 占…%.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from lint.text.numerals import CTX, parse_number, plain

from .intervals import Measure, add_intervals, disjoint, measure, ratio_percent

if TYPE_CHECKING:
    from lint.outline.model import Node, Outline

    from .scan import Quantity
    from .textindex import TextIndex
    from .units import UnitRegistry

# -- words --------------------------------------------------------------------------------------

_CLAUSE_MARKS = "，,；;。！？!?\n"
_CLAUSE_RE = re.compile(r"[，,；;。！？!?\n]")
# Before a number in its clause: the number is a change, not a stock (增加值 is a noun).
_CHANGE = re.compile(
    r"比上年|比年初|比去年|比上年末|同比|环比|较上年|较去年|较年初"
    r"|增加(?!值)|减少|增长|下降|增收|减收|增产|减产|提高|降低|上升|回落|净增|净减|扩大|缩小"
)
# 累计 totals and per-head values do not add up.
_NOT_ADDITIVE = re.compile(r"累计|历年|人均|户均|亩均|平均|年均|日均|每")
# A ，-piece after the parts that starts a new figure ends the list of parts.
_STOP = re.compile(r"共|合计|总|全年|年末|年内|另外|此外|同时|另有|余下|剩余|其余")
_STOP_START = re.compile(
    r"^\s*(?:全(?:县|市|省|区|国|镇|乡|年)|完成|实现|办结|结案|受理|立案|查处|新增|新建|建成|建设|实施|开展"
    r"|治理|修复|整治|改造|提升|推进|推动|争取|获得|引进|实际|办理|发放|拆除|处置|消化|盘活|供应|出让|征收"
    r"|收储|报批|保障|落实|组织|培训|接待|帮助|解决|清理|整改|销号|签约|开工|竣工|投产|招引|储备|创建|打造"
    r"|培育|累计|已)"
)
_SUBSET_TRIGGER = re.compile(r"其中|包括")
# Words in a bracket that make it a partial list.
_OPEN_WORDS = re.compile(r"其中|包括|包含|含|主要|等|如|例如|约|部分|另|不含|不包括|以上")
_SUM_WORDS = re.compile(r"合计|共计|总计")
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|占|增长|下降|减少|增加|提高)?")
_GROWTH_WORD = re.compile(
    r"(?:比上年|比去年|同比|较上年|比上年末|比年初)?(?:分别)?"
    r"(?P<verb>增长|增加|提高|上升|扩大|提升|下降|减少|降低|缩小|回落|负增长)"
    r"(?:了|为|达)?\s*$"
)
_DOWN = ("下降", "减少", "降低", "缩小", "回落", "负增长")
_SHARE_WORD = re.compile(
    r"占(?!用|地|补|压|道|领|据|有)[^，。；;]{0,20}?(?:的)?(?:比重|比例)?(?:为|达)?\s*$"
    r"|(?:占比|比重)(?:为|达)?\s*$"
)
_TARGET_WORDS = re.compile(r"力争|确保|目标|预期|争取|不低于|不少于|达到")
_MODAL = re.compile(r"力争|确保|争取")
_PERIOD = re.compile(
    r"(?:19|20)\d{2}年(?:底|末|上半年|下半年|[一二三四]季度|\d{1,2}月(?:底|末)?)?(?:前)?"
    r"|上半年|下半年|[一二三四]季度|前[一二三]季度|年底前|年底|年末|年内|全年|当年|累计|\d{1,2}月底前|\d{1,2}月(?:份)?"
)
_TARGET_TITLE = re.compile(r"目标")
_NOT_TARGET_TITLE = re.compile(r"指导思想|总体要求|基本原则|工作原则|保障措施|总体思路")
# A bare number: Arabic, not part of a code, date or scanned quantity (checked later).
_BARE = re.compile(r"(?<![0-9０-９.．A-Za-z第/\-－])[0-9]+(?:\.[0-9]+)?(?![0-9.．A-Za-z%％‰])")
_BARE_AFTER_OK = set("，,；;。、）)")
_BARE_QUALIFIER_AFTER = re.compile(r"(?:以上|以下|以内|左右)?(?=[，,；;。、）)])")

# Dimensions of a partition: each part's name (the text before its figure) tells which.
DIMENSIONS: dict[str, tuple[tuple[str, re.Pattern], ...]] = {
    "性别": (("男", re.compile(r"男")), ("女", re.compile(r"女"))),
    "城乡": (("城镇", re.compile(r"城镇|城市")), ("乡村", re.compile(r"乡村|农村"))),
    "产业": (
        ("第一产业", re.compile(r"第一产业|一产")),
        ("第二产业", re.compile(r"第二产业|二产")),
        ("第三产业", re.compile(r"第三产业|三产")),
    ),
    "年龄": (
        (
            "低龄",
            re.compile(r"(?:^|[^0-9])0\s*[—\-－～~至]\s*\d+\s*(?:周)?岁|\d+\s*(?:周)?岁以下|\d+\s*(?:周)?岁及以下"),
        ),
        ("中间", re.compile(r"\d+\s*[—\-－～~至]\s*\d+\s*(?:周)?岁")),
        ("高龄", re.compile(r"\d+\s*(?:周)?岁(?:及)?以上")),
    ),
    "所有制": (("国有", re.compile(r"国有")), ("民营", re.compile(r"民营|私营")), ("外资", re.compile(r"外资|外商"))),
    "消费类型": (("商品零售", re.compile(r"商品零售")), ("餐饮收入", re.compile(r"餐饮"))),
    "进出口": (("出口", re.compile(r"出口")), ("进口", re.compile(r"进口"))),
    "税收/非税": (("非税收入", re.compile(r"非税")), ("税收收入", re.compile(r"(?<!非)税收"))),
}
# Partitions whose every member must be present before the parts are taken as exhaustive.
_COMPLETE = {
    "性别": {"男", "女"},
    "城乡": {"城镇", "乡村"},
    "产业": {"第一产业", "第二产业", "第三产业"},
    "年龄": {"低龄", "高龄"},
    "消费类型": {"商品零售", "餐饮收入"},
    "进出口": {"出口", "进口"},
    "税收/非税": {"税收收入", "非税收入"},
}


# -- the model ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int  # the delimiter's offset (exclusive end of the clause text)
    mark: str  # the delimiter before the clause ("" at a paragraph start)
    node: Node | None  # the outline item the clause sits under
    target_section: bool  # under a 目标 heading (not 指导思想/总体要求)


class Clauses:
    """The clauses of a document as offsets; a Clause object is built only when asked for
    (a 1 MB report has ~100 000 clauses and a few thousand figures)."""

    def __init__(self, text: str, outline: Outline):
        nodes = sorted(outline.walk(), key=lambda n: n.start)
        self._nodes = nodes
        self._node_starts = [n.start for n in nodes]
        self._target: dict[int, bool] = {}
        ends = [m.start() for m in _CLAUSE_RE.finditer(text)]
        # A run-in item (一是…) starts a clause of its own.
        run_in = [n.start - 1 for n in nodes if n.style == "inline-cn" and n.start > 0]
        if run_in:
            ends = sorted(set(ends).union(run_in))
        self.starts = [0] + [e + 1 for e in ends]
        self.ends = ends + [len(text)]
        self.marks = [""] + [text[e] if text[e] in _SOFT_MARKS else "" for e in ends]
        self._built: dict[int, Clause] = {}

    def __len__(self) -> int:
        return len(self.starts)

    def index_of(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def __getitem__(self, i: int) -> Clause:
        clause = self._built.get(i)
        if clause is None:
            start = self.starts[i]
            j = bisect_right(self._node_starts, start) - 1
            node = self._nodes[j] if j >= 0 else None
            clause = self._built[i] = Clause(start, self.ends[i], self.marks[i], node, self._in_target(node))
        return clause

    def __iter__(self) -> Iterator[Clause]:
        return (self[i] for i in range(len(self.starts)))

    def sentence_start(self, i: int) -> int:
        """Start of the sentence holding clause ``i`` (back over ，-marks)."""
        marks = self.marks
        while i > 0 and marks[i] in ("，", ","):
            i -= 1
        return self.starts[i]

    def _in_target(self, node: Node | None) -> bool:
        if node is None:
            return False
        key = id(node)
        if key not in self._target:
            here = bool(_TARGET_TITLE.search(node.title)) and not _NOT_TARGET_TITLE.search(node.title)
            self._target[key] = here or self._in_target(node.parent)
        return self._target[key]


_SOFT_MARKS = frozenset("，,；;。！？!?")


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
class Statements:
    text: str
    clauses: Clauses
    facts: list[Fact]
    part_sets: list[PartSet]
    respectively: list[Respectively]
    growths: list[Growth]
    shares: list[Share]
    registry: UnitRegistry
    # (start, end, title end) of each item of a 目标 section: a child heading with its body, or
    # a sentence of a section without children
    target_items: list[tuple[int, int, int]] = field(default_factory=list)
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


# -- building -----------------------------------------------------------------------------------


def build_statements(text: str, ix: TextIndex, outline: Outline, registry: UnitRegistry) -> Statements:
    clauses = Clauses(text, outline)
    facts = _facts(text, ix, clauses)
    st = Statements(text, clauses, facts, [], [], [], [], registry, _target_items(text, outline))
    _growth_and_shares(st)
    _respectively(st, ix)
    _part_sets(st, ix)
    return st


_TARGET_SECTION = re.compile(r"目标")
_NOT_TARGET_SECTION = re.compile(
    r"指导思想|总体要求|基本原则|工作原则|保障措施|总体思路|完成情况|情况|成效|回顾"
    r"|评价目标|教学目标|学习目标|培养目标"
)
_ITEM_SENTENCE = re.compile(r"[^。！？!?；;\n]+")


def _target_items(text: str, outline: Outline) -> list[tuple[int, int, int]]:
    """The items of each 目标 section (主要目标, 发展目标, 2025年目标): its children with their
    bodies, or the sentences of its body when it has no children."""
    items: list[tuple[int, int, int]] = []

    def end_of(node: Node | None) -> int:
        while node is not None:
            siblings = node.parent.children if node.parent is not None else outline.roots
            later = [n.start for n in siblings if n.start > node.start]
            if later:
                return min(later)
            node = node.parent
        return len(text)

    def visit(nodes: list[Node]) -> None:
        for node in nodes:
            title = node.title
            if _TARGET_SECTION.search(title) and not _NOT_TARGET_SECTION.search(title) and node.style != "inline-cn":
                end = end_of(node)
                if node.children:
                    for child in node.children:
                        if _TARGET_SECTION.search(child.title):
                            visit([child])  # （一）耕地保护目标: a target section of its own
                        else:
                            items.append((child.start, end_of(child), child.title_end))
                else:
                    before = len(items)
                    for m in _ITEM_SENTENCE.finditer(text, node.title_end, end):
                        if m.group().strip(" \u3000\t，,。：:"):
                            items.append((m.start(), m.end(), m.end()))
                    if len(items) == before:
                        items.append((node.start, end, node.title_end))
                continue
            visit(node.children)

    visit(outline.roots)
    return items


def _facts(text: str, ix: TextIndex, clauses: Clauses) -> list[Fact]:
    quantities = ix.quantities
    out: list[tuple[int, Fact]] = [(q.start, _fact_of(text, q, clauses)) for q in quantities]
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

    def __init__(self, text: str, clauses: Clauses):
        self.text = text
        self.clauses = clauses
        self._cache: dict[int, tuple[list[tuple[int, str]], list[int]]] = {}

    def at(self, clause: int, pos: int) -> tuple[str | None, bool]:
        """(the last period word before ``pos`` in its sentence, a target word before it)."""
        start = self.clauses.sentence_start(clause)
        found = self._cache.get(start)
        if found is None:
            end = self.clauses.ends[clause]
            while end < len(self.text) and self.text[end] in "，,":
                end = self.clauses.ends[self.clauses.index_of(end + 1)]
            periods = [(m.start(), m.group()) for m in _PERIOD.finditer(self.text, start, end)]
            targets = [m.start() for m in _TARGET_WORDS.finditer(self.text, start, end)]
            found = self._cache[start] = (periods, targets)
        periods, targets = found
        period = None
        for at, word in periods:
            if at >= pos:
                break
            period = word
        return period, bool(targets) and targets[0] < pos


def _polarity(lead: str) -> str | None:
    m = _GROWTH_WORD.search(lead)
    if m is None:
        return None
    return "down" if m.group("verb") in _DOWN else "up"


def _fact_of(text: str, q: Quantity, clauses: Clauses) -> Fact:
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
    fact.polarity = _polarity(lead) if q.is_percent else None
    return fact


def describe(st: Statements) -> None:
    """Fill in what only a reader needs (the rules do not): each fact's period, whether it is a
    target, and a modal (力争, 确保) as its qualifier when no bound word was written."""
    if st._described:
        return
    st._described = True
    context = _SentenceWords(st.text, st.clauses)
    for f in st.facts:
        clause = st.clauses[f.clause]
        if f.qualifier is None and f.quantity is not None:
            words = _MODAL.findall(st.text, clause.start, f.start)
            f.qualifier = words[-1] if words else None
        f.period, modal = context.at(f.clause, f.start)
        f.target = clause.target_section or modal


def _bare_fact(text: str, m: re.Match, ix: TextIndex, clauses: Clauses) -> Fact | None:
    """A number with no unit after it, where a unit could have been dropped."""
    s, e = m.span()
    after = _BARE_QUALIFIER_AFTER.match(text, e)
    if after is None:
        return None
    written = m.group()
    if "." not in written and 1900 <= int(written) <= 2100:
        return None  # a year
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
    from .scan import _indicator  # the scanner's indicator rule, for the same answer

    qualifier = text[e : after.end()] or None
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


# -- relations ----------------------------------------------------------------------------------


def _growth_and_shares(st: Statements) -> None:
    text = st.text
    facts = st.facts
    for f in facts:
        if not f.is_percent:
            continue
        clause = st.clauses[f.clause]
        lead = text[clause.start : f.start]
        if _SHARE_WORD.search(lead):
            f.role = "share"
            part = _previous_value(st, f)
            st.shares.append(Share(f.index, part.index if part else None))
            if part is not None:
                f.relations.append(("share-of", part.index))
            continue
        g = _GROWTH_WORD.search(lead)
        if g is None or "年均" in lead or "分别" in lead:
            continue
        of = _previous_value(st, f)
        if of is None:
            continue
        f.role = "growth"
        st.growths.append(Growth(f.index, of.index, g.group("verb") in _DOWN))
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


def _respectively(st: Statements, ix: TextIndex) -> None:
    """工业项目、服务业项目新增落地资金21.5亿元、9.8亿元 after 分别为: values listed together,
    names listed together. The values map to the names and are not parts of an earlier total."""
    text = st.text
    for m in _RESPECTIVELY.finditer(text):
        end = ix.clause(m.end())[1]
        values = [f for f in st.between(m.start(), end)]
        if len(values) < 2:
            continue
        # The values must stand together: only 、/和 between consecutive ones.
        run = [values[0]]
        for f in values[1:]:
            if text[run[-1].end : f.start].strip(" \u3000") in ("、", "和", "与", "及"):
                run.append(f)
            else:
                break
        if len(run) < 2:
            continue
        head = text[m.end() : run[0].start]
        groups_before = text[ix.clause(m.start())[0] : m.start()]
        groups = (
            [g for g in re.split(r"[、和与及]", head) if g.strip()]
            if "、" in head
            else [g for g in re.split(r"[、和与及]", groups_before) if g.strip()]
        )
        if len(groups) < 2 and "、" not in groups_before:
            continue
        prev = [f for f in st.between(ix.sentence(m.start())[0], m.start()) if f.quantity is not None]
        anchor = prev[-1].index if prev else None
        st.respectively.append(Respectively(groups, [f.index for f in run], anchor))
        for f in run:
            if f.role == "value":
                f.role = "respective"


def _respective_indices(st: Statements) -> set[int]:
    return {i for r in st.respectively for i in r.values}


def _dimension(names: list[str]) -> tuple[str, list[str]]:
    """The one dimension all ``names`` belong to, and each name's member in it; ("", []) if none."""
    for dim, members in DIMENSIONS.items():
        labels = []
        for name in names:
            label = next((lab for lab, rx in members if rx.search(name)), None)
            if label is None:
                break
            labels.append(label)
        else:
            if labels and len(set(labels)) == len(labels):
                return dim, labels
    return "", []


def _one_family(dim: str, names: list[str]) -> bool:
    """城镇人口/乡村人口 are one indicator split by a dimension; 城镇新增就业/农村劳动力转移就业
    are two indicators that need not add up to anything."""
    rests = set()
    for name in names:
        rest = name
        for _, rx in DIMENSIONS[dim]:
            rest = rx.sub("", rest)
        rests.add(rest.strip(" \u3000的及和"))
    return len(rests) == 1


def _part_sets(st: Statements, ix: TextIndex) -> None:
    text = st.text
    respective = _respective_indices(st)
    for m in _SUBSET_TRIGGER.finditer(text):
        if ix.quoted.overlaps(m.start(), m.end()) or text[m.end() : m.end() + 1] in ("的", "之"):
            continue
        _subset(st, ix, m, respective)
    _brackets(st, ix)
    _by_dimension(st, ix)
    _listed_after(st, ix, respective)
    _sum_after(st, ix)


def _is_change(text: str, f: Fact) -> bool:
    return bool(_CHANGE.search(_segment_before(text, f.start)))


def _not_additive(text: str, f: Fact) -> bool:
    return bool(_NOT_ADDITIVE.search(_segment_before(text, f.start)))


def _segment_before(text: str, pos: int, limit: int = 40) -> str:
    start = max(0, pos - limit)
    chunk = text[start:pos]
    cut = max(chunk.rfind(ch) for ch in "，,；;。：:、（(）)\n！？")
    return chunk[cut + 1 :]


_PART_END = set("，,；;。、（()）\n：:和及与")


def _eligible(st: Statements, ix: TextIndex, f: Fact, bracket) -> Measure | None:
    """f's measure when f can be a part: additive, not a change, not a modifier (10亿元项目)."""
    text = st.text
    if f.quantity is None or f.role == "respective":
        return None
    inner = ix.bracket(f.start)
    if inner is not None and inner != bracket:
        return None  # 医师579人（其中执业医师493人）: parts of a part
    if _is_change(text, f) or _not_additive(text, f):
        return None
    q = f.quantity
    after = q.qualifier_span[1] if q.qualifier_span and q.qualifier_span[0] >= q.end else q.end
    while after < len(text) and text[after] in " \u3000":
        after += 1
    if after < len(text) and text[after] not in _PART_END:
        return None  # followed by a noun: an attribute (亿元以上项目), not a part
    return st.measure(f)


def _pieces(ix: TextIndex, start: int, end: int, bracket) -> list[tuple[int, int, str]]:
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


def _scope(ix: TextIndex, start: int, end: int):
    """(span holding the total, span of the parts, enclosing bracket or None) of a 其中."""
    text = ix.text
    bracket = ix.bracket(start)
    if bracket is not None:
        if text[bracket[0] + 1 : start].strip(" \u3000") != "":
            return None  # （…其中…）: the bracket is not the list of parts
        line_start = ix.line(start)[0]
        before = ix.between(line_start, bracket[0])
        if not before or text[before[-1].end : bracket[0]].strip(" \u3000以上左右") != "":
            return None
        return (before[-1].start, bracket[0]), (end, bracket[1] - 1), bracket
    s_start, s_end = ix.sentence(start)
    lead = text[s_start:start]
    if lead.strip(" \u3000，,：:") == "":
        if s_start == 0 or text[s_start - 1] == "\n":
            return None  # 其中 opens a paragraph: its total is out of reach
        t_start = ix.sentence(s_start - 1)[0]
        return (t_start, s_start - 1), (end, s_end), None
    return (s_start, start), (end, s_end), None


def _item_name(text: str, piece_start: int, f: Fact) -> str:
    name = text[piece_start : f.start]
    cut = max(name.rfind(ch) for ch in "、：:，,；;（(")
    return name[cut + 1 :].strip(" \u3000")


def _subset(st: Statements, ix: TextIndex, m: re.Match, respective: set[int]) -> None:
    text = st.text
    found = _scope(ix, m.start(), m.end())
    if found is None:
        return
    totals, span, bracket = found
    if _placeholder(text, totals[0], span[1]):
        return
    items = _listed_parts(st, ix, span, bracket)
    keys = {mf.key for _, mf, _ in items if mf is not None}
    if len(keys) != 1:
        return
    key = keys.pop()
    candidates = []
    unitless = []
    for f in st.between(*totals):
        inner = ix.bracket(f.start)
        if inner is not None and inner[0] >= totals[0]:
            continue
        if f.role == "respective" or _is_change(text, f) or _not_additive(text, f):
            continue
        mf = st.measure(f)
        if mf is not None and mf.key == key:
            candidates.append(f)
        elif f.unit is None and not _is_modifier(text, f):
            unitless.append(f)
    if len(candidates) == 1:
        total = candidates[0]
    elif not candidates and len(unitless) == 1:
        total = unitless[0]  # 新增耕地2.3万以上，其中旱改水4000亩: the total lost its unit
    else:
        return  # no total, or two that could be it: unsure, so silent
    _add_sets(st, total, items, m.group(), exhaustive=False)


def _is_modifier(text: str, f: Fact) -> bool:
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


def _add_sets(
    st: Statements, total: Fact, items: Sequence[tuple[Fact, Measure | None, str]], trigger: str, exhaustive: bool
) -> None:
    """Split the parts by dimension: each dimension is its own part set; the rest one list."""
    by_dim: dict[str, list[tuple[Fact, str]]] = {}
    plain_items: list[tuple[Fact, str]] = []
    for f, _, name in items:
        dim, _labels = _dimension([name])
        (by_dim.setdefault(dim, []) if dim else plain_items).append((f, name))
    sets: list[PartSet] = []
    for dim, members in by_dim.items():
        if len(members) < 2:
            plain_items.extend(members)
            continue
        names = [n for _, n in members]
        _, labels = _dimension(names)
        complete = dim in _COMPLETE and _COMPLETE[dim] <= set(labels) and _one_family(dim, names)
        sets.append(PartSet(total.index, [f.index for f, _ in members], dim, exhaustive or complete, trigger, names))
    if plain_items:
        plain_items.sort(key=lambda p: p[0].start)
        sets.append(
            PartSet(
                total.index,
                [f.index for f, _ in plain_items],
                "",
                exhaustive and not by_dim,
                trigger,
                [n for _, n in plain_items],
            )
        )
    for ps in sets:
        st.part_sets.append(ps)
        if total.role in ("value", "part"):
            total.role = "total"
        for i in ps.parts:
            part = st.facts[i]
            if part.role == "value":
                part.role = "part"
            part.relations.append(("part-of" + (f":{ps.dimension}" if ps.dimension else ""), total.index))


def _placeholder(text: str, start: int, end: int) -> bool:
    from lint.rules.kinds._quantity import PLACEHOLDER

    return bool(PLACEHOLDER.search(text, start, end))


def _listed_parts(
    st: Statements, ix: TextIndex, span: tuple[int, int], bracket
) -> list[tuple[Fact, Measure | None, str]]:
    """The parts after 其中: the first piece's figures, then each later piece that is one bare
    part (，创业板公司20家) or a ；-group that is a list of its own; a piece only describing the
    part before it (，全省占比14.6%) is skipped, a ；-group with its own 其中 or a piece
    starting a new figure ends the list. A part with no unit at all is kept (measure None)."""
    text = st.text
    pieces = _pieces(ix, span[0], span[1], bracket)
    index = 0
    while index < len(pieces) and not text[pieces[index][0] : pieces[index][1]].strip(" \u3000：:"):
        index += 1
    if index >= len(pieces):
        return []
    a, b, _ = pieces[index]
    if index > 0 and _STOP.search(text, a, b):
        return []
    again = _SUBSET_TRIGGER.search(text, a, b)
    first = _values(st, ix, a, again.start() if again is not None else b, bracket)
    if not first or first[0][1] is None and first[0][0].quantity is not None:
        return []  # the first number is not a part: not a list of parts
    key = next((mf.key for _, mf in first if mf is not None), None)
    sure = [
        (f, mf, _item_name(text, a, f))
        for f, mf in first
        if (mf is not None and mf.key == key) or (mf is None and f.unit is None)
    ]
    listed_first = len(sure)
    describing = False
    for a, b, mark in pieces[index + 1 :]:
        if mark in "；;":
            describing = False
            semi = [i for i in (text.find("；", b, span[1]), text.find(";", b, span[1])) if i >= 0]
            if _SUBSET_TRIGGER.search(text, a, min(semi or [span[1]])):
                break  # "；全县在校学生131391人，其中…": a new total with its own parts
        if describing:
            continue
        values = _values(st, ix, a, b, bracket)
        same = [
            (f, mf)
            for f, mf in values
            if (mf is not None and (key is None or mf.key == key)) or (mf is None and f.unit is None)
        ]
        if not same or all(mf is None for _, mf in same) and key is None:
            describing = True  # ，全省占比14.6%，排名第一: about the part before
            continue
        if _STOP.search(text, a, b) or _STOP_START.match(text[a:b]):
            break
        if key is None:
            key = next(mf.key for _, mf in same if mf is not None)
        if mark in "；;" and len(same) >= 2 and len(same) == len(values):
            sure.extend((f, mf, _item_name(text, a, f)) for f, mf in same)  # a 、-list of its own
            continue
        if listed_first != 1:
            break  # a 、-list complete in itself: a lone figure after it is a new statistic
        f = same[0][0]
        tail = text[f.end : b].strip(" \u3000以上左右")
        if len(same) != 1 or len(values) != 1 or tail:
            break
        sure.append((f, same[0][1], _item_name(text, a, f)))
    return sure


def _values(st: Statements, ix: TextIndex, a: int, b: int, bracket) -> list[tuple[Fact, Measure | None]]:
    """The figures of [a, b) that could be parts, each with its measure (None: no unit, or
    not additive — a rate, a change, a per-head value)."""
    out = []
    for f in st.between(a, b):
        if _counts_what_follows(st.text, a, f):
            out.append((f, st.measure(f)))  # 其中20个预期性指标: a count before its noun
            continue
        if _is_modifier(st.text, f):
            continue
        out.append((f, _eligible(st, ix, f, bracket) if f.quantity is not None else None))
    return out


def _counts_what_follows(text: str, piece_start: int, f: Fact) -> bool:
    """A count that opens its piece (其中20个预期性指标、8个约束性指标) counts the noun after it."""
    q = f.quantity
    return (
        q is not None
        and q.is_count
        and text[piece_start : f.start].strip(" \u3000：:其中包括有") == ""
        and not _is_change(text, f)
    )


_BY = re.compile(r"[按分][\u4e00-\u9fff]{1,10}?(?:统计|分|划分|来看|看)[，,：:]")


_OPENS_SUBSET = re.compile(r"\s*(?:其中|包括)")


def _opens_with_by(text: str, pos: int) -> bool:
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    return bool(_BY.match(text, pos))


def _by_dimension(st: Statements, ix: TextIndex) -> None:
    """全年社会消费品零售总额12853.5亿元，增长5.3%。按经营地统计，城镇…10813亿元，…；乡村…2040.5亿元…:
    a sentence opened by 按…统计/分 splits the total of the sentence before it. Only a dimension
    the parts cover completely (城镇/乡村, 商品零售/餐饮收入) becomes a part set."""
    text = st.text
    for m in _BY.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in "。；;\n":
            continue  # only a sentence that opens with 按…
        before = ix.sentence(m.start() - 1) if m.start() > 0 and text[m.start() - 1] != "\n" else None
        # 按经营地统计…。按消费类型统计…: the second split is of the same total
        # (and 其中，限额以上…。 between the total and the split is a subset, not the total)
        while (
            before is not None
            and (_opens_with_by(text, before[0]) or _OPENS_SUBSET.match(text, before[0]))
            and before[0] > 0
            and text[before[0] - 1] != "\n"
        ):
            before = ix.sentence(before[0] - 1)
        if before is None:
            continue
        totals = [
            f
            for f in st.between(*before)
            if f.quantity is not None
            and not _is_change(text, f)
            and not _not_additive(text, f)
            and st.measure(f) is not None
        ]
        if not totals:
            continue
        total = totals[0]
        key = st.measure(total).key  # type: ignore[union-attr]
        end = ix.sentence(m.end())[1]
        items: list[tuple[Fact, Measure | None, str]] = []
        for a, b, _ in _pieces(ix, m.end(), end, None):
            for f in st.between(a, b):
                mf = _eligible(st, ix, f, None) if f.quantity is not None else None
                if mf is not None and mf.key == key:
                    items.append((f, mf, _item_name(text, a, f)))
                    break  # one part per piece: the figure the piece opens with
        if len(items) < 2:
            continue
        dim, labels = _dimension([name for _, _, name in items])
        if dim and dim in _COMPLETE and _COMPLETE[dim] <= set(labels):
            _add_sets(st, total, items, "按", exhaustive=True)


def _brackets(st: Statements, ix: TextIndex) -> None:
    """村庄18个（凤桥10个、新丰7个、余新1个）: every item of a bracket right after a figure."""
    text = st.text
    for f in st.facts:
        if f.quantity is None:
            continue
        q = f.quantity
        after = q.qualifier_span[1] if q.qualifier_span and q.qualifier_span[0] >= q.end else q.end
        bracket = ix.bracket_after(after)
        if bracket is None:
            continue
        mt = st.measure(f)
        if mt is None:
            continue
        inner = text[bracket[0] + 1 : bracket[1] - 1]
        if _OPEN_WORDS.search(inner) or _placeholder(text, bracket[0], bracket[1]):
            continue
        if any(ch in inner for ch in '（(“”《》"：:'):
            continue
        pieces = re.split(r"[、，,；;]", inner)
        if len(pieces) < 2:
            continue
        items: list[tuple[Fact, Measure, str]] = []
        cursor = bracket[0] + 1
        for piece in pieces:
            a, b = cursor, cursor + len(piece)
            cursor = b + 1
            found = [p for p in st.between(a, b) if p.quantity is not None]
            if len(found) != 1 or found[0].end > b:
                break
            p = found[0]
            if text[p.end : b].strip(" \u3000") not in ("", "以上", "左右"):
                break
            name = text[a : p.start].strip(" \u3000")
            if not name or len(name) > 12 or re.search(r"[0-9０-９]", name):
                break
            mp = st.measure(p)
            if mp is None or mp.key != mt.key or _is_change(text, p):
                break
            items.append((p, mp, name))
        else:
            _add_sets(st, f, items, "（", exhaustive=True)


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
        if mt is None:
            continue
        end = ix.clause(m.end())[1]
        if _placeholder(text, m.end(), end):
            continue
        items: list[tuple[Fact, Measure, str]] = []
        ok = True
        for p in st.between(m.end(), end):
            if p.index in respective or p.quantity is None:
                ok = False
                break
            inner = ix.bracket(p.start)
            if inner is not None and inner[0] >= m.end():
                continue
            mp = st.measure(p)
            if mp is None:
                continue
            if mp.key != mt.key or _is_change(text, p):
                ok = False
                break
            items.append((p, mp, _item_name(text, m.end(), p)))
        if ok and len(items) >= 2:
            _add_sets(st, total, items, m.group(), exhaustive=True)


def _sum_after(st: Statements, ix: TextIndex) -> None:
    """a，b，c，合计T: the parts before the word, the total right after it."""
    text = st.text
    for m in _SUM_WORDS.finditer(text):
        if ix.quoted.overlaps(m.start(), m.end()):
            continue
        after = st.between(m.end(), m.end() + 6)
        if not after or after[0].quantity is None or text[m.end() : after[0].start].strip(" \u3000为达") != "":
            continue
        total = after[0]
        mt = st.measure(total)
        if mt is None or mt.high is None:
            continue
        c_start = ix.clause(m.start())[0]
        lead = text[c_start : m.start()]
        if _placeholder(text, c_start, m.start()) or _OPEN_WORDS.search(lead):
            continue
        items: list[tuple[Fact, Measure, str]] = []
        ok = True
        for p in st.between(c_start, m.start()):
            if p.quantity is None or ix.bracket(p.start) is not None:
                continue
            mp = st.measure(p)
            if mp is None or mp.key != mt.key:
                continue
            if _is_change(text, p) or _not_additive(text, p):
                ok = False
                break
            items.append((p, mp, _item_name(text, c_start, p)))
        if ok and len(items) >= 2:
            _add_sets(st, total, items, m.group(), exhaustive=True)


# -- queries the rules share ---------------------------------------------------------------------


def parts_interval(st: Statements, ps: PartSet) -> tuple[Decimal | None, Decimal | None] | None:
    """The parts' summed interval in the total's canonical unit, or None if one does not convert."""
    measures = [st.measure(st.facts[i]) for i in ps.parts]
    if any(mp is None for mp in measures):
        return None
    return add_intervals((mp.low, mp.high) for mp in measures if mp is not None)


def implied_growth(st: Statements, ps: PartSet) -> tuple[Decimal, Decimal] | None:
    """The total's growth in percent that its exhaustive parts' values and growths imply:
    Σparts / Σ(part / (1 + g)) − 1, as an interval; None when a part has no stated growth."""
    now_low = now_high = base_low = base_high = Decimal(0)
    hundred = Decimal(100)
    for i in ps.parts:
        g = st.growth_of(i)
        mp = st.measure(st.facts[i])
        if g is None or mp is None or mp.low is None or mp.high is None:
            return None
        rate = st.facts[g.rate].quantity
        if rate is None or rate.low is None or rate.high is None:
            return None
        sign = -1 if g.down else 1
        r_low = CTX.add(hundred, sign * (rate.high if g.down else rate.low))
        r_high = CTX.add(hundred, sign * (rate.low if g.down else rate.high))
        if r_low <= 0:
            return None
        now_low, now_high = CTX.add(now_low, mp.low), CTX.add(now_high, mp.high)
        base_low = CTX.add(base_low, CTX.divide(CTX.multiply(mp.low, hundred), r_high))
        base_high = CTX.add(base_high, CTX.divide(CTX.multiply(mp.high, hundred), r_low))
    ratio = ratio_percent((now_low, now_high), (base_low, base_high))
    if ratio is None:
        return None
    return CTX.subtract(ratio[0], hundred), CTX.subtract(ratio[1], hundred)


__all__ = [
    "DIMENSIONS",
    "Clause",
    "Fact",
    "Growth",
    "PartSet",
    "Respectively",
    "Share",
    "Statements",
    "build_statements",
    "disjoint",
    "implied_growth",
    "parts_interval",
]


def written_value(st: Statements, fact: Fact) -> Decimal | None:
    """The value as written, in its dimension's canonical unit (None if it does not convert)."""
    from .intervals import canonical_interval

    q = fact.quantity
    if q is None:
        return None
    converted = canonical_interval(q, st.registry, q.value, q.value)
    return converted[0] if converted else None


def _label(ps: PartSet, i: int) -> str:
    """A part's name in the arithmetic: the dimension word (城镇, 男, 0—14岁) or the name's end."""
    name = ps.names[i] if i < len(ps.names) else ""
    for _, rx in DIMENSIONS.get(ps.dimension, ()):
        m = rx.search(name)
        if m:
            return m.group().lstrip("^，、")
    return name[-8:]


def part_set_text(st: Statements, ps: PartSet) -> tuple[str, bool | None]:
    """ "城镇39880+乡村46540=86420 ✓" and whether the parts agree with the total (None: unknown)."""
    from .intervals import show

    total = st.facts[ps.total]
    terms = []
    values = []
    for n, i in enumerate(ps.parts):
        f = st.facts[i]
        terms.append(f"{_label(ps, n)}{_numeral(f)}")
        values.append(written_value(st, f))
    head = f"{ps.dimension}：" if ps.dimension else ""
    if any(v is None for v in values) or total.quantity is None or total.unit is None:
        return head + "+".join(terms), None
    sum_value = sum((v for v in values if v is not None), Decimal(0))
    shown = _strip_unit(show(sum_value, total.quantity, st.registry), total)
    sums = parts_interval(st, ps)
    mt = st.measure(total)
    if sums is None or mt is None:
        return head + "+".join(terms) + f"={shown}", None
    if ps.exhaustive:
        ok = not disjoint(sums, (mt.low, mt.high))
    else:  # some parts only: they must not exceed the total
        ok = sums[0] is None or mt.high is None or sums[0] <= mt.high
    text = head + "+".join(terms) + f"={shown}"
    if ps.exhaustive:
        text += " ✓" if ok else f" ≠ {_numeral(total)}"
    else:
        text += f" ≤ {_numeral(total)} ✓" if ok else f" > {_numeral(total)}"
    return text, ok


def _numeral(f: Fact) -> str:
    q = f.quantity
    if q is None:
        return f.raw
    return q.numeral + (q.scale if q.scale and not q.numeral.endswith(q.scale) else "")


def _strip_unit(shown: str, total: Fact) -> str:
    unit = total.quantity.unit_raw if total.quantity is not None else None
    return shown[: -len(unit)] if unit and shown.endswith(unit) else shown


# a ratio or rate has no unit to drop (收入比缩小至2.12, 倍差从2.42, 完成率55.5 is UNIT004's
# rate check), nor has a figure or table number (图1)
_RATIO_NAME = re.compile(r"比(?!上年|去年|年初|上月|同期)|倍差|比值|系数|指数|比例|率|(?:图|表|附件|第)$")
_NOT_VALUE_BEFORE = set("\"'“”‘’≤≥<>＜＞=＝:：∶")


def missing_units(st: Statements) -> list[tuple[Fact, Fact]]:
    """Figures with no unit beside figures that have one: (the bare figure, a sibling with its
    unit). Siblings are the figures of the same clause and the members of the same part set.
    Left out: ratios (收入比2.06), figure numbers (图1), marks (≤13"1), a unit written into the
    name (医疗旅游人次86.5万) and a figure followed by the noun it counts (6069万农民)."""
    from .intervals import ADDITIVE

    text = st.text
    members: dict[int, PartSet] = {}
    for ps in st.part_sets:
        for i in (ps.total, *ps.parts):
            members.setdefault(i, ps)
    out: list[tuple[Fact, Fact]] = []
    for f in st.facts:
        if f.unit is not None or (f.quantity is not None and not f.quantity.bare_scale):
            continue
        if _is_modifier(text, f) or _RATIO_NAME.search(f.name[-12:]):
            continue
        if text[f.start - 1 : f.start] in _NOT_VALUE_BEFORE or text[f.end : f.end + 1] in _NOT_VALUE_BEFORE:
            continue
        if _unit_in_name(st, f.name):
            continue
        start, end = _sentence_group(text, f)
        siblings = [
            g for g in st.between(start, end) if g.quantity is not None and g.unit and g.quantity.dimension in ADDITIVE
        ]
        own_set = members.get(f.index)
        if own_set is not None:
            siblings += [st.facts[i] for i in (own_set.total, *own_set.parts) if st.facts[i].unit]
        if siblings:
            out.append((f, min(siblings, key=lambda g: abs(g.start - f.start))))
    return out


def _sentence_group(text: str, f: Fact) -> tuple[int, int]:
    """The stretch around ``f`` up to the nearest ；/。/line break on either side."""
    start = max(text.rfind(ch, 0, f.start) for ch in "；;。！？!?\n") + 1
    ends = [i for i in (text.find(ch, f.end) for ch in "；;。！？!?\n") if i >= 0]
    return start, min(ends) if ends else len(text)


def _unit_in_name(st: Statements, name: str) -> bool:
    """医疗旅游人次, 用电量(千瓦时): the name ends with a unit, so the figure has one."""
    lookup = st.registry.lookup
    return any(lookup(name[-n:]) is not None for n in (2, 3) if len(name) >= n)
