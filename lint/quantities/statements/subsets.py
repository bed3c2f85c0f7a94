"""其中/包括: the total before the word and the parts listed after it (some parts only, unless
they cover a dimension completely)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .dimensions import add_sets, dimension_of
from .reading import (
    eligible,
    is_change,
    is_comparison,
    is_modifier,
    item_name,
    per_unit,
    placeholder,
    split_pieces,
)

if TYPE_CHECKING:
    from ..intervals import Measure
    from ..textindex import TextIndex
    from .model import Fact, Statements


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
        first = len(before) - 1
        while first > 0 and text[before[first - 1].end : before[first].start].strip(" \u3000，,、") == "":
            first -= 1  # 6303户，25039人（其中…）: figures of the one total in two units
        return (before[first].start, bracket[0]), (end, bracket[1] - 1), bracket
    s_start, s_end = ix.sentence(start)
    lead = text[s_start:start]
    if lead.strip(" \u3000，,：:") == "":
        if s_start == 0 or text[s_start - 1] == "\n":
            return None  # 其中 opens a paragraph: its total is out of reach
        t_start = ix.sentence(s_start - 1)[0]
        return (t_start, s_start - 1), (end, s_end), None
    return (s_start, start), (end, s_end), None


def read_subset(st: Statements, ix: TextIndex, m: re.Match) -> None:
    """A total before 其中/包括 and the parts after it: some parts only (not exhaustive)."""
    found = _scope(ix, m.start(), m.end())
    if found is None:
        return
    totals, span, bracket = found
    if placeholder(st.text, totals[0], span[1]):
        return
    lead = st.text[totals[0] : totals[1]]
    items = _listed_parts(st, ix, span, bracket, lead[max(lead.rfind("；"), lead.rfind(";")) + 1 :])
    keys = list(dict.fromkeys(mf.key for _, mf, _ in items if mf is not None))  # in the order written
    for key in keys:
        # one unit: its parts with those that lost their unit; several (1905户，7711人; 小型水库
        # 7座、调蓄设施993个): each unit's parts against that unit's total, if it has one
        own = items if len(keys) == 1 else [item for item in items if item[1] is not None and item[1].key == key]
        total = _subset_total(st, ix, totals, key)
        if total is not None:
            add_sets(st, total, own, m.group(), exhaustive=False)


def _subset_total(st: Statements, ix: TextIndex, totals: tuple[int, int], key) -> Fact | None:
    """The one figure of the parts' unit before 其中 (or the one figure with no unit at all);
    None when there is none or two could be it: unsure, so silent."""
    text = st.text
    semi = max(text.rfind("；", totals[0], totals[1]), text.rfind(";", totals[0], totals[1]))
    if semi >= 0 and _subset_total(st, ix, (semi + 1, totals[1]), key) is not None:
        totals = (semi + 1, totals[1])  # 毕业生17456人，其中…；在校学生102090人，其中…: the ；-group's own
    candidates = []
    unitless = []
    for f in st.between(*totals):
        inner = ix.bracket(f.start)
        if inner is not None and inner[0] >= totals[0]:
            continue
        if f.role == "respective" or is_change(st, f) or per_unit(st, f):
            continue
        mf = st.measure(f)
        if mf is not None and mf.key == key:
            candidates.append(f)
        elif f.unit is None and not is_modifier(text, f):
            unitless.append(f)
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1 and _right_before(st, candidates[-2], candidates[-1], totals[1]):
        return candidates[-1]
    if not candidates and len(unitless) == 1:
        return unitless[0]  # 新增耕地2.3万以上，其中旱改水4000亩: the total lost its unit
    return None


# what may stand between a total and its 其中, and the words that name no thing of their own
_GAP = " \u3000，,。：:以上左右余多"
_BARE_NAME = re.compile(
    r"新增|净增|增加|减少|新|增|减|总计|共计|合计|共有|共|有|达到|达|为|约|超过|超|近|突破|累计|全年|年末|当年"
)


def _right_before(st: Statements, earlier: Fact, last: Fact, at: int) -> bool:
    """培育“高成长性企业”16家，其中…; 新登记经营主体320万户、增长13%，总量达2037.7万户，其中…: the
    figure right before 其中 is its total when a ，-piece of its own names what it counts. Not
    when it is joined to the figure before by 、 (村庄18个、社区5个，其中…) or names nothing but a
    change (共有企业500家，新增120家，其中…: the 500 may be the total)."""
    text = st.text
    q = last.quantity
    end = q.qualifier_span[1] if q is not None and q.qualifier_span and q.qualifier_span[0] >= q.end else last.end
    if text[end:at].strip(_GAP) != "":
        return False
    between = text[earlier.end : last.start]
    if not any(mark in between for mark in "，,；;。"):
        return False
    piece = between[max(between.rfind(mark) for mark in "，,；;。") + 1 :]
    return len(_BARE_NAME.sub("", piece).strip(' \u3000“”"')) >= 2


Part = tuple["Fact", "Measure | None", str]


def _listed_parts(st: Statements, ix: TextIndex, span: tuple[int, int], bracket, lead: str) -> list[Part]:
    """The parts after 其中: the first piece's figures, then each later piece that is one bare
    part (，创业板公司20家) or a ；-group that is a list of its own; a piece only describing the
    part before it (，全省占比14.6%) is skipped, a ；-group with its own 其中 or a piece
    starting a new figure ends the list. A part with no unit at all is kept (measure None)."""
    text = st.text
    pieces = split_pieces(ix, span[0], span[1], bracket)
    index = 0
    while index < len(pieces) and not text[pieces[index][0] : pieces[index][1]].strip(" \u3000：:"):
        index += 1
    if index >= len(pieces):
        return []
    a, b, _ = pieces[index]
    if index > 0 and st.words.stop_start.match(text[a:b]):
        return []  # 。其中，全年…: a new statement
    again = st.words.subset.search(text, a, b)
    first = _values(st, ix, a, again.start() if again is not None else b, bracket, lead)
    if not first or first[0][1] is None and first[0][0].quantity is not None:
        return []  # the first number is not a part: not a list of parts
    parts = _PartList(st, ix, bracket, a, first)
    parts.read(pieces[index + 1 :], span[1])
    return parts.parts


class _PartList:
    """The parts after 其中, read piece by piece after the first."""

    def __init__(self, st: Statements, ix: TextIndex, bracket, start: int, first: list[tuple[Fact, Measure | None]]):
        self.st = st
        self.ix = ix
        self.bracket = bracket
        text = st.text
        # the units of the parts: one as a rule, or two kept apart (小型水库7座、调蓄设施993个)
        self.keys = {mf.key for _, mf in first if mf is not None}
        self.parts: list[Part] = [
            (f, mf, item_name(text, start, f)) for f, mf in first if mf is not None or f.unit is None
        ]
        self.listed_first = len(self.parts)
        self.describing = False
        self.comma_list = False  # parts listed one per ，-piece: a ； then closes the list

    def read(self, pieces: list[tuple[int, int, str]], end: int) -> None:
        for a, b, mark in pieces:
            if a in self.st.clauses.run_in:
                break  # ；三是完成低效用地再开发1.5万亩: the next run-in item
            if mark in "；;":
                self.describing = False
                if _opens_own_subset(self.st, a, b, end):
                    break  # "；全县在校学生131391人，其中…": a new total with its own parts
            if not self.describing and not self._piece(a, b, mark):
                break

    def _piece(self, a: int, b: int, mark: str) -> bool:
        """Take the parts of one piece; False when the piece ends the list."""
        text = self.st.text
        values = _values(self.st, self.ix, a, b, self.bracket)
        keys = self.keys
        same = [
            (f, mf)
            for f, mf in values
            if (mf is not None and (not keys or mf.key in keys)) or (mf is None and f.unit is None)
        ]
        if values and all(f.role == "growth" or is_comparison(self.st, f) for f, _ in values):
            return True  # ，增长10.28%， ，比上年减产849吨，: about the part before; the list goes on
        if not same and self._same_part_in_another_unit(a, b, mark, values):
            return True
        if not same or all(mf is None for _, mf in same) and not keys:
            self.describing = True  # ，全省占比14.6%，排名第一: about the part before
            return True
        if self._starts_new_figure(a, b, same[0][0]) or self._next_group(a, mark, same):
            return False
        keys.update(mf.key for _, mf in same if mf is not None)
        if mark in "；;" and len(same) >= 2 and len(same) == len(values):
            self.parts.extend((f, mf, item_name(text, a, f)) for f, mf in same)  # a 、-list of its own
            return True
        return self._one_more(a, b, mark, same, values)

    def _next_group(self, a: int, mark: str, same: list) -> bool:
        """After parts listed one per ，-piece, or as a 、-list, a ；-piece goes on only as a
        partition of its own (；男性210563人，女性202294人; ；城镇人口39880人、乡村人口46540人), not
        as the next statistic (文史类129人，理工类427人，体艺类329人；一本上线人数185人，…)."""
        if mark not in "；;" or not (self.comma_list or len(same) >= 2):
            return False
        return not dimension_of(self.st.words, [item_name(self.st.text, a, f) for f, _ in same])[0]

    def _same_part_in_another_unit(self, a: int, b: int, mark: str, values: list) -> bool:
        """（其中代化1905户，7711人）: a bare figure of another unit right after a part is that
        part counted in another unit."""
        text = self.st.text
        if mark not in "，," or len(values) != 1 or values[0][1] is None or not self.parts:
            return False
        f, mf = values[0]
        if text[a : f.start].strip(" \u3000") or text[f.end : b].strip(" \u3000以上左右"):
            return False
        if self.parts[-1][0].end < a - 2:
            return False  # the part before must end this ，-piece's predecessor
        self.keys.add(mf.key)
        self.parts.append((f, mf, self.parts[-1][2]))
        return True

    def _starts_new_figure(self, a: int, b: int, f: Fact) -> bool:
        """，全年…/，共…: a stop word starts a new figure, unless the piece names the first
        part's sibling in one partition (出口总额…；进口总额…)."""
        words = self.st.words
        text = self.st.text
        if not (words.stop.search(text, a, b) or words.stop_start.match(text[a:b])):
            return False
        if not self.parts:
            return True
        dim, _ = dimension_of(words, [self.parts[0][2], item_name(text, a, f)])
        return not dim

    def _one_more(self, a: int, b: int, mark: str, same: list, values: list) -> bool:
        """，创业板公司20家: one bare part after a first piece that named one part."""
        if self.listed_first != 1:
            return False  # a 、-list complete in itself: a lone figure after it is a new statistic
        text = self.st.text
        f = same[0][0]
        aside = self.ix.bracket_after(f.end)  # 卫生院17个（中心卫生院5所、普通卫生院12所）: about it
        tail_start = aside[1] if aside is not None else f.end
        own = [v for v in values if aside is None or not aside[0] <= v[0].start < aside[1]]
        tail = text[tail_start:b].strip(" \u3000以上左右")
        if len(same) != 1 or len(own) != 1 or tail:
            return False
        self.parts.append((f, same[0][1], item_name(text, a, f)))
        self.comma_list = self.comma_list or mark in "，,"
        return True


def _opens_own_subset(st: Statements, a: int, b: int, end: int) -> bool:
    """A ；-group [a, next ；) that has its own 其中/包括."""
    text = st.text
    semi = [i for i in (text.find("；", b, end), text.find(";", b, end)) if i >= 0]
    return bool(st.words.subset.search(text, a, min(semi or [end])))


def _values(
    st: Statements, ix: TextIndex, a: int, b: int, bracket, lead: str = ""
) -> list[tuple[Fact, Measure | None]]:
    """The figures of [a, b) that could be parts, each with its measure (None: no unit, or
    not additive — a rate, a change, a per-head value). ``lead``: the text before 其中, whose
    counted noun a count after a verb may count again."""
    out = []
    for f in st.between(a, b):
        if _counts_what_follows(st, a, f) or _counts_the_totals_noun(st, f, lead):
            out.append((f, st.measure(f)))  # 其中20个预期性指标: a count before its noun
            continue
        if is_modifier(st.text, f):
            continue
        out.append((f, eligible(st, ix, f, bracket) if f.quantity is not None else None))
    return out


def _item_start(text: str, piece_start: int, f: Fact) -> int:
    """Where f's item starts: after the last 、 of its piece before it."""
    return max(piece_start, text.rfind("、", piece_start, f.start) + 1)


def _counts_what_follows(st: Statements, piece_start: int, f: Fact) -> bool:
    """A count that opens its piece or 、-item (其中20个预期性指标、8个约束性指标) counts the noun after it."""
    q = f.quantity
    return (
        q is not None
        and q.is_count
        and st.text[_item_start(st.text, piece_start, f) : f.start].strip(" \u3000：:其中包括有") == ""
        and not is_change(st, f)
    )


_NOUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def _counts_the_totals_noun(st: Statements, f: Fact, lead: str) -> bool:
    """24个高速公路服务区，其中…打造14个特色服务区: a count whose noun ends like the noun the
    total counts (服务区) counts a part of it, whatever verb stands before it."""
    q = f.quantity
    if not lead or q is None or not q.is_count or is_change(st, f):
        return False
    noun = _NOUN.match(st.text, f.end)
    if noun is None:
        return False
    head = noun.group()[-2:]
    return any(lead.startswith(head, m.end() - 2) for m in _NOUN.finditer(lead))
