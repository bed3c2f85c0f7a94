"""targets: measurable targets in plans (and in the plan half of a summary).

A measurable target has a quantity (number with unit or %), a deadline (6月底前, 年底前, 年内,
全年) or an owner (牵头单位：…). Only target and task sections are read: a plan's top-level
sections except guidance (总体要求, 指导思想…), and in a summary the part from its plan heading
(2025年工作思路, 下步打算…) on. The summary part is read for claims against rates (TGT005).

Options (YAML):
  check        unmeasurable: a target sentence (with a target verb) that has none of the three.
               missing-element: a target that has a quantity or owner but no deadline (or no
               owner) while at least ``share`` of the targets have one.
               conflict: one indicator given two target values that cannot both hold.
               deadline-before-issue: a deadline earlier than the 成文日期.
               claim-vs-rate: 超额完成/全面完成 in a sentence whose 完成率 is below 100%.
  verbs        regex: target verbs (完成, 实现, 达到, 确保, 力争 …).
  deadline     regex: deadline wording. owner: regex: owner wording.
  measurable   regex: other wording that makes a target measurable (零新增, 全覆盖, 应保尽保).
  past         regex: wording of a result already achieved (过去一年, 已, 了): not a target.
  plan-titles  regex: top-level headings that open the plan half of a summary.
  summary-titles  regex: headings that report results even if they match plan-titles.
  exclude-titles  regex: plan sections that are not targets (总体要求, 指导思想, 保障措施).
  periods      conflict: regex for the period a target is for (上半年, 2025年); two values of one
               indicator for different periods are not a conflict.
  generic      conflict: indicators too general to identify one target.
  min-indicator  conflict: shortest indicator compared.
  element      missing-element: deadline | owner.
  share        missing-element: share of targets that must have the element (0.5).
  min-targets  missing-element: fewest targets in a document for the share to mean anything.
  claims       claim-vs-rate: regex for a claim of completion. rates: regex for the rate's name.
  end-states   unmeasurable: regex for a checkable end state (建成…, 完成…审批, 出台…).
  commentary   unmeasurable: regex for a sentence about the targets (这些目标…): neither a target
               nor a vague one.
  convention-kinds  unmeasurable: document kinds whose 目标 sections may be prose by design (a
               政府工作报告): only sections whose title matches ``target-title`` are read, and an
               item is reported only where ``convention-share`` of the section's other items
               carry a measure, or none does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.outline.items import is_abbreviated_list
from lint.quantities.intervals import canonical_interval, disjoint, measure
from lint.quantities.scan import Quantity
from lint.rules.base import Context, DocKind, RuleSpec, compile_regex
from lint.rules.kinds._structure import is_numbered, say
from lint.spec import derived, option
from lint.text.markers import MARKER_ANY, RUN_IN_NUMERAL
from lint.text.numerals import PLACEHOLDER

if TYPE_CHECKING:
    from lint.outline.model import Node
    from lint.quantities.statements.model import TargetItem

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_MARKER = re.compile(f"[\\s\\u3000]*(?:{MARKER_ANY}|{RUN_IN_NUMERAL}是)?[\\s\\u3000]*")
_DEADLINE = re.compile(
    r"(?<![0-9])(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>1[0-2]|[1-9])月(?:(?P<d>[1-9]|[12][0-9]|3[01])日|(?P<part>底|末|中旬|上旬|下旬|初))?(?:前|之前|以前)"
)
_YEAR_DEADLINE = re.compile(r"(?P<y>(?:19|20)\d{2})年(?:底|末)?(?:前|之前|以前)")
_MEASURES = ("deadline", "owner", "measurable", "end_states")
_BOUND_UP = ("at_least", "over")
_BOUND_DOWN = ("at_most", "under")


class TargetsRule(RuleSpec):
    kind: Literal["targets"]
    check_: Literal["unmeasurable", "missing-element", "conflict", "deadline-before-issue", "claim-vs-rate"] = option(
        alias="check"
    )
    verbs: str = "完成|实现|达到|确保|力争"
    deadline: str = "月底前|年底前|年内|全年"
    owner: str = "牵头单位|责任单位"
    measurable: str | None = None
    past: str | None = None
    plan_titles: str = option(default="思路|打算|计划|安排|下步|下一步|要点", alias="plan-titles")
    summary_titles: str = option(default="情况|成效|成绩|回顾|完成", alias="summary-titles")
    exclude_titles: str = option(default="总体要求|指导思想|基本原则|保障措施", alias="exclude-titles")
    periods: str = "上半年|下半年|季度|[0-9]{4}年"
    generic: list[str] = option(default_factory=list)
    min_indicator: int = option(default=4, alias="min-indicator", ge=1)
    element: Literal["deadline", "owner"] = "deadline"
    share: float = option(default=0.5, gt=0, le=1)
    min_targets: int = option(default=4, alias="min-targets", ge=1)
    claims: str = "超额完成|全面完成|圆满完成"
    end_states: str | None = option(default=None, alias="end-states")
    rates: str = "完成率"
    commentary: str | None = None
    convention_kinds: list[DocKind] = option(default_factory=list, alias="convention-kinds")
    convention_share: float = option(default=0.75, gt=0, le=1, alias="convention-share")
    target_title: str = option(default="目标[”」]?$", alias="target-title")

    _re: dict[str, re.Pattern] = derived(default_factory=dict)

    def __post_init__(self) -> None:
        names = {
            "verbs": self.verbs,
            "deadline": self.deadline,
            "owner": self.owner,
            "plan_titles": self.plan_titles,
            "summary_titles": self.summary_titles,
            "exclude_titles": self.exclude_titles,
            "periods": self.periods,
            "claims": self.claims,
            "rates": self.rates,
            "target_title": self.target_title,
        }
        if self.measurable:
            names["measurable"] = self.measurable
        if self.past:
            names["past"] = self.past
        if self.end_states:
            names["end_states"] = self.end_states
        if self.commentary:
            names["commentary"] = self.commentary
        self._re = {key: compile_regex(value, key) for key, value in names.items()}

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.check_ == "claim-vs-rate":
            yield from self._claim_vs_rate(ctx)
            return
        if self.check_ == "unmeasurable":
            yield from self._unmeasurable(ctx)
            return
        zones = self.zones(ctx)
        if not zones:
            return
        if self.check_ == "missing-element":
            yield from self._missing_element(ctx, zones)
        elif self.check_ == "conflict":
            yield from self._conflict(ctx, zones)
        else:
            yield from self._deadline_before_issue(ctx, zones)

    # -- where the targets are ---------------------------------------------------------------
    def zones(self, ctx: Context) -> list[tuple[int, int]]:
        """Spans of the plan's target and task sections (the plan half of a summary)."""
        roots = [n for n in ctx.outline.roots if is_numbered(n) and not is_abbreviated_list(n)]
        if not roots:
            return []
        ends = [n.start for n in roots[1:]] + [len(ctx.text)]
        kind = ctx.kind
        if kind == "plan":
            return [
                (n.start, end)
                for n, end in zip(roots, ends, strict=True)
                if not self._re["exclude_titles"].search(n.title)
            ]
        if kind != "summary":
            return []
        for i, node in enumerate(roots):
            if self._re["plan_titles"].search(node.title) and not self._re["summary_titles"].search(node.title):
                return [
                    (n.start, end)
                    for n, end in zip(roots[i:], ends[i:], strict=True)
                    if not self._re["exclude_titles"].search(n.title)
                ]
        return []

    def _summary_zone(self, ctx: Context) -> tuple[int, int] | None:
        roots = [n for n in ctx.outline.roots if is_numbered(n) and not is_abbreviated_list(n)]
        for node in roots[1:]:
            if self._re["plan_titles"].search(node.title) and not self._re["summary_titles"].search(node.title):
                return 0, node.start
        return 0, len(ctx.text)

    def _sentences(self, ctx: Context, zones: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
        """Sentences and ；-clauses of the zones, with run-in markers (一是, 1.) trimmed off."""
        text = ctx.text
        for start, end in zones:
            for m in _SENTENCE.finditer(text, start, end):
                s, e = m.span()
                lead = _MARKER.match(text, s, e)
                if lead is not None:
                    s = lead.end()
                e = len(text[s:e].rstrip(" \u3000\t")) + s
                if e - s >= 4:
                    yield s, e

    def _targets(self, ctx: Context, zones):
        """(start, end, has quantity, has deadline, has owner, measurable otherwise) of each target."""
        text = ctx.text
        ix = ctx.analysis.text_index
        out = []
        for s, e in self._sentences(ctx, zones):
            if not self._re["verbs"].search(text, s, e):
                continue
            if "past" in self._re and self._re["past"].search(text, s, e):
                continue  # 过去一年…实现了…: a result reported, not a target
            # a number left as X (复垦X亩) is PH001's; the target has a quantity slot
            quantity = bool(ix.between(s, e)) or bool(PLACEHOLDER.search(text, s, e))
            deadline = bool(self._re["deadline"].search(text, s, e))
            owner = bool(self._re["owner"].search(text, s, e))
            other = "measurable" in self._re and bool(self._re["measurable"].search(text, s, e))
            out.append((s, e, quantity, deadline, owner, other))
        return out

    # -- TGT001 ------------------------------------------------------------------------------------
    def _unmeasurable(self, ctx: Context) -> Iterator[Diagnostic]:
        """Each item of a 目标 section must carry a measure: a figure, a deadline, an owner, or a
        checkable end state (建成…, 完成…审批). Task and guidance paragraphs are not read. In the
        ``convention-kinds`` (a 政府工作报告), whose 目标 sections are often prose by design, only a
        section titled as targets alone is read, and an item is reported only where the section
        sets measurable targets (``convention-share`` of the other items carry a measure) or states
        none at all."""
        convention = ctx.kind in self.convention_kinds
        for section, items in _by_section(ctx.analysis.statements.target_items):
            if convention and not self._re["target_title"].search(section.title.rstrip("。．.：: \u3000")):
                continue
            marks = [self._mark(ctx, item) for item in items]
            for item, mark in zip(items, marks, strict=True):
                if mark == "vague" and (not convention or self._sets_measures(marks)):
                    yield from self._vague(ctx, item)

    def _mark(self, ctx: Context, item: TargetItem) -> str:
        """measured | vague | comment (a sentence about the targets: 这些目标充分考虑了…)."""
        text, start, end = ctx.text, item.start, item.end
        if any(f.unit is not None for f in ctx.analysis.statements.between(start, end)):
            return "measured"
        if PLACEHOLDER.search(text, start, end) or any(
            self._re[key].search(text, start, end) for key in _MEASURES if key in self._re
        ):
            return "measured"
        if "commentary" in self._re and self._re["commentary"].search(text, start, end):
            return "comment"
        return "vague"

    def _sets_measures(self, marks: list[str]) -> bool:
        """The section sets measurable targets (most other items carry a measure), or none at all:
        one vague item among measured ones is a measure lost, not the section's style."""
        measured = marks.count("measured")
        others = measured + marks.count("vague") - 1
        return measured == 0 or (others > 0 and measured / others >= self.convention_share)

    def _vague(self, ctx: Context, item: TargetItem) -> Iterator[Diagnostic]:
        text = ctx.text
        lead = _MARKER.match(text, item.start, item.title_end)
        s = lead.end() if lead is not None else item.start
        e = len(text[s : item.title_end].rstrip(" \u3000\t\n")) + s
        if e - s >= 2:
            yield ctx.diagnostic(self, s, e, sentence=_clip(text[s : item.end].strip()))

    # -- TGT002 ------------------------------------------------------------------------------------
    def _missing_element(self, ctx: Context, zones) -> Iterator[Diagnostic]:
        targets = self._targets(ctx, zones)
        if len(targets) < self.min_targets:
            return
        index = 3 if self.element == "deadline" else 4
        having = sum(1 for t in targets if t[index])
        if having / len(targets) < self.share:
            return
        for t in targets:
            s, e, quantity, deadline, owner, other = t
            if t[index] or not (quantity or deadline or owner or other):
                continue  # an unmeasurable target is TGT001's
            yield ctx.diagnostic(
                self, s, e, sentence=_clip(ctx.text[s:e]), percent=str(round(100 * having / len(targets)))
            )

    # -- TGT003 ------------------------------------------------------------------------------------
    def _conflict(self, ctx: Context, zones) -> Iterator[Diagnostic]:
        text = ctx.text
        ix = ctx.analysis.text_index
        reg = ctx.unit_registry
        generic = set(self.generic)
        first: dict[tuple, Quantity] = {}
        for start, end in zones:
            for q in ix.between(start, end):
                indicator = q.indicator or ""
                if len(indicator) < self.min_indicator or indicator in generic or q.range_pair is not None:
                    continue
                mq = measure(q, reg)
                if mq is None:
                    continue
                s_start, s_end = ix.sentence(q.start)
                if "past" in self._re and self._re["past"].search(text, s_start, s_end):
                    continue  # a result reported, not a target
                if q.qualifier not in _BOUND_UP + _BOUND_DOWN and not self._re["verbs"].search(text, s_start, s_end):
                    continue  # a figure stated, not a target set
                period = tuple(sorted(set(self._re["periods"].findall(text, s_start, q.start))))
                direction = "up" if q.qualifier in _BOUND_UP else "down" if q.qualifier in _BOUND_DOWN else "="
                key = (indicator, mq.key, period, direction)
                seen = first.get(key)
                if seen is None:
                    first[key] = q
                    continue
                a, b = _target_value(seen, reg, mq.key), _target_value(q, reg, mq.key)
                if a is None or b is None or not disjoint(a, b):
                    continue
                yield ctx.diagnostic(
                    self,
                    q.start,
                    q.end,
                    indicator=indicator,
                    value=q.raw,
                    first=seen.raw,
                    related=[(say(ctx, "前文目标", "earlier target"), seen.start)],
                )

    # -- TGT004 ------------------------------------------------------------------------------------
    def _deadline_before_issue(self, ctx: Context, zones) -> Iterator[Diagnostic]:
        issued = _iso(ctx.doc.header.iso_date() if ctx.doc.header.date else None)
        if issued is None:
            return
        title = ctx.doc.title or ctx.doc.header.title or ""
        year_match = re.search(r"((?:19|20)\d{2})年", title)
        plan_year = int(year_match.group(1)) if year_match else issued.year
        text = ctx.text
        for start, end in zones:
            for m in _DEADLINE.finditer(text, start, end):
                if re.search(r"已|已经|已于", text[max(start, m.start() - 3) : m.start()]):
                    continue
                year = int(m.group("y")) if m.group("y") else plan_year
                due = _due(year, int(m.group("m")), m.group("d"), m.group("part"))
                if due is not None and due < issued:
                    yield ctx.diagnostic(self, m.start(), m.end(), deadline=m.group(0), issued=issued.isoformat())
            for m in _YEAR_DEADLINE.finditer(text, start, end):
                if re.search(r"已|已经|已于", text[max(start, m.start() - 3) : m.start()]):
                    continue
                if date(int(m.group("y")), 12, 31) < issued:
                    yield ctx.diagnostic(self, m.start(), m.end(), deadline=m.group(0), issued=issued.isoformat())

    # -- TGT005 ------------------------------------------------------------------------------------
    def _claim_vs_rate(self, ctx: Context) -> Iterator[Diagnostic]:
        zone = self._summary_zone(ctx)
        if zone is None:
            return
        text = ctx.text
        ix = ctx.analysis.text_index
        for claim in self._re["claims"].finditer(text, *zone):
            s, e = ix.sentence(claim.start())
            for q in ix.between(s, e):
                if not q.is_percent or q.unit != "%" or q.high is None or q.high >= 100:
                    continue
                if not self._re["rates"].search(q.indicator or ""):
                    continue
                yield ctx.diagnostic(
                    self,
                    q.start,
                    q.end,
                    claim=claim.group(0),
                    rate=q.raw,
                    related=[(say(ctx, "完成情况表述", "the claim"), claim.start())],
                )
                break


def _by_section(items: list[TargetItem]) -> Iterator[tuple[Node, list[TargetItem]]]:
    """Items grouped by the 目标 section they belong to, in document order."""
    groups: dict[int, tuple[Node, list[TargetItem]]] = {}
    for item in items:
        groups.setdefault(id(item.section), (item.section, []))[1].append(item)
    yield from groups.values()


def _clip(sentence: str, limit: int = 30) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit] + "…"


def _target_value(q, reg, key):
    """A target's value in the dimension's canonical unit: the written value itself (a target is
    set, not measured: 4万亩 and 3.5万亩 are two targets), an interval only for 约/左右/余."""
    m = measure(q, reg)
    if m is None or m.key != key:
        return None
    if q.qualifier in ("approx", "near", "more"):
        return m.low, m.high
    return canonical_interval(q, reg, q.value, q.value)


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _due(year: int, month: int, day: str | None, part: str | None) -> date | None:
    import calendar

    last = calendar.monthrange(year, month)[1]
    if day:
        d = int(day)
    elif part in ("中旬",):
        d = 20
    elif part in ("上旬", "初"):
        d = 10
    else:
        d = last
    try:
        return date(year, month, min(d, last))
    except ValueError:
        return None


RULE = TargetsRule
