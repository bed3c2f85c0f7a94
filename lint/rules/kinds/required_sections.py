"""required-sections: a 总结 or 计划/要点 has the parts its kind calls for; the title's promises are kept.

Headings are matched by role lexicons (regexes, written in the pack), never by exact strings.
A document is split into parts: a ``summary`` document is one summary part, unless a top-level
heading opens a plan half (下步打算, 2025年工作思路…) and the title or the size of that half says the
document is a "总结和…思路" — then the headings after it form a ``plan`` part of their own. A
``plan`` document (including a 通知 that 印发 a 要点: the outline covers only the embedded part)
is one plan part.

Options (YAML):
  mode      require: the part must have a heading of ``role`` (levels 1–2 of the part);
            title-promise: every part the title names (``promises``) must be in the body.
  part      summary | plan: which part ``require`` checks.
  role      the role required.
  lexicon   role → regexes matched against heading titles (share one with a YAML anchor).
  implicit  a top-level heading of no known role counts as ``role`` (work items are results in a
            summary and tasks in a plan, whatever their titles say).
  prose     regexes: a match in the part's text also satisfies the role (problems folded into
            prose, targets stated inside 总体要求).
  prose-skip  roles whose sections' text is not read for ``prose`` (a figure inside a 重点任务
            item is a task's, not the plan's target).
  halves    also check the plan half of a summary document (default true).
  anchor    first | last: the top-level heading a finding is reported at…
  before    …unless a top-level heading with one of these roles exists: report there (the
            section belongs before it).
  plan-roles      roles that may open a plan half in a summary document.
  combined-title  regex: a title announcing a summary and a plan ("总结和…思路").
  promises  for title-promise: [{pattern: regex with a group ``word``, role: ROLE}].
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.outline.items import is_abbreviated_list
from lint.outline.model import Node
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._structure import is_numbered
from lint.spec import Options, derived, option


class Promise(Options):
    pattern: str
    role: str


@dataclass
class Part:
    kind: str  # summary | plan
    headings: list[Node]  # its top-level headings
    start: int  # text span of the part
    end: int
    extra: list[Node] = field(default_factory=list)  # headings that count for roles, not anchors


class RequiredSectionsRule(RuleSpec):
    kind: Literal["required-sections"]
    mode: Literal["require", "title-promise"] = "require"
    part: Literal["summary", "plan"] = "summary"
    role: str | None = None
    lexicon: dict[str, list[str]] = option(min_length=1)
    implicit: bool = False
    prose: list[str] = option(default_factory=list)
    prose_skip: list[str] = option(default_factory=list, alias="prose-skip")
    halves: bool = True
    anchor: Literal["first", "last"] = "last"
    before: list[str] = option(default_factory=list)
    plan_roles: list[str] = option(default_factory=list, alias="plan-roles")
    combined_title: str | None = option(default=None, alias="combined-title")
    promises: list[Promise] = option(default_factory=list)
    kind_titles: dict[Literal["summary", "plan"], str] = option(default_factory=dict, alias="kind-titles")

    _lexicon: dict[str, re.Pattern] = derived(default_factory=dict)
    _prose: re.Pattern | None = derived(default=None)
    _combined: re.Pattern | None = derived(default=None)
    _promises: list[tuple[re.Pattern, str]] = derived(default_factory=list)
    _kind_titles: dict[str, re.Pattern] = derived(default_factory=dict)

    def __post_init__(self) -> None:
        self._lexicon = {
            role: compile_regex("|".join(f"(?:{p})" for p in patterns), f"lexicon {role}")
            for role, patterns in self.lexicon.items()
            if patterns
        }
        known = set(self.lexicon)
        wanted = [self.role] if self.role else []
        wanted += self.before + self.plan_roles + self.prose_skip + [p.role for p in self.promises]
        for role in wanted:
            if role not in known:
                raise ValueError(f"role {role!r} is not in the lexicon (known: {', '.join(sorted(known))})")
        if self.mode == "require" and not self.role:
            raise ValueError("mode require needs a `role`")
        if self.mode == "title-promise" and not self.promises:
            raise ValueError("mode title-promise needs `promises`")
        if self.prose:
            self._prose = compile_regex("|".join(f"(?:{p})" for p in self.prose), "prose")
        if self.combined_title:
            self._combined = compile_regex(self.combined_title, "combined-title")
        self._kind_titles = {kind: compile_regex(p, f"kind-titles {kind}") for kind, p in self.kind_titles.items()}
        for promise in self.promises:
            regex = compile_regex(promise.pattern, "promise")
            if "word" not in regex.groupindex:
                raise ValueError(f"promise {promise.pattern!r} needs a named group `word`")
            self._promises.append((regex, promise.role))

    # -- roles ---------------------------------------------------------------------------
    def roles(self, title: str) -> set[str]:
        return {role for role, regex in self._lexicon.items() if regex.search(title)}

    def _has_role(self, headings: list[Node], role: str, implicit: bool) -> bool:
        for node in headings:
            roles = self.roles(node.title)
            if role in roles or (implicit and not roles):
                return True
        return False

    # -- parts -----------------------------------------------------------------------------
    def parts(self, ctx: Context) -> list[Part]:
        roots = [n for n in ctx.outline.roots if is_numbered(n) and not is_abbreviated_list(n)]
        if not roots:
            return []
        if not self._looks_like_its_kind(ctx, roots[0]):
            return []
        end = len(ctx.text)
        paragraphs = ctx.outline.paragraphs
        begin = min(paragraphs[0].start, roots[0].start) if paragraphs else roots[0].start
        if ctx.kind == "plan":
            return [Part("plan", roots, begin, end)]
        if ctx.kind != "summary":
            return []
        plan_roles = set(self.plan_roles)
        split = None
        for index, node in enumerate(roots[1:], 1):
            roles = self.roles(node.title)
            if roles and roles <= plan_roles:
                split = index
                break
        if split is None:
            return [Part("summary", roots, begin, end)]
        opener = roots[split]
        # Every later top-level heading still counts for the summary's roles (a 存在问题 placed
        # after the plans is there all the same); anchors use the opener first.
        summary = Part("summary", roots[:split], begin, opener.start, extra=roots[split:])
        if not self._is_combined(ctx, opener):
            summary.end = end
            summary.headings = roots
            summary.extra = []
            return [summary]
        plan_heads = [c for c in opener.children if is_numbered(c)] + roots[split + 1 :]
        return [summary, Part("plan", plan_heads or [opener], opener.start, end, extra=[opener])]

    def _looks_like_its_kind(self, ctx: Context, first: Node) -> bool:
        """The kind was detected from a title or headings that say so: a titled document whose
        title does not read as a summary/plan (an exam syllabus, a chronicle) is left alone."""
        regex = self._kind_titles.get(ctx.kind)
        if regex is None:
            return True
        title = ctx.doc.title or ctx.doc.header.title
        if title:
            return bool(regex.search(title))
        return bool(self.roles(first.title))

    def _is_combined(self, ctx: Context, opener: Node) -> bool:
        title = ctx.doc.title
        if title and self._combined is not None:
            return bool(self._combined.search(title))
        return sum(1 for child in opener.children if is_numbered(child)) >= 2

    # -- checks ----------------------------------------------------------------------------
    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        parts = self.parts(ctx)
        if self.mode == "title-promise":
            yield from self._title_promises(ctx, parts)
            return
        role = self.role
        if role is None:  # the validator requires a role in this mode
            return
        for index, part in enumerate(parts):
            if part.kind != self.part:
                continue
            if part.kind == "plan" and index > 0 and not self.halves:
                continue
            yield from self._require(ctx, part, role)

    def _require(self, ctx: Context, part: Part, role: str) -> Iterator[Diagnostic]:
        top = part.headings
        second = [c for node in top for c in node.children if is_numbered(c)]
        if self._has_role(top, role, self.implicit) or self._has_role(second + part.extra, role, False):
            return
        if self._prose_found(ctx, part, top + second):
            return
        anchor, before = self._anchor(part)
        yield ctx.diagnostic(
            self,
            anchor.start,
            max(anchor.title_end, anchor.marker_end),
            heading=anchor.marker + anchor.title,
            where="之前" if before else "之后",
            where_en="before" if before else "after",
        )

    def _prose_found(self, ctx: Context, part: Part, headings: list[Node]) -> bool:
        if self._prose is None:
            return False
        return any(self._prose.search(ctx.text, start, end) for start, end in self._read_spans(part, headings))

    def _read_spans(self, part: Part, headings: list[Node]) -> list[tuple[int, int]]:
        """The part's text less the sections of the ``prose-skip`` roles."""
        skip = set(self.prose_skip)
        ordered = sorted(headings, key=lambda n: n.start)
        spans, pos = [], part.start
        for index, node in enumerate(ordered):
            if node.start < pos or not skip & self.roles(node.title):
                continue
            spans.append((pos, node.start))
            later = (n.start for n in ordered[index + 1 :] if not _is_within(n, node))
            pos = min(next(later, part.end), part.end)
        spans.append((pos, part.end))
        return spans

    def _anchor(self, part: Part) -> tuple[Node, bool]:
        """The heading to report at, and whether the missing section belongs before it."""
        wanted = set(self.before)
        for node in part.headings + part.extra:
            if wanted & self.roles(node.title):
                return node, True
        if self.anchor == "first":
            return part.headings[0], True
        return part.headings[-1], False

    def _title_promises(self, ctx: Context, parts: list[Part]) -> Iterator[Diagnostic]:
        title, line = ctx.doc.title, ctx.doc.title_line
        if not title or not line or not parts:
            return
        headings: list[Node] = []
        for part in parts:
            headings += part.headings + part.extra
        if len(headings) < 2:
            return  # too little structure to say a part is missing
        second = [c for node in headings for c in node.children if is_numbered(c)]
        line_start = ctx.doc.line_starts[line - 1]
        offset = ctx.doc.line_text(line).find(title)
        base = line_start + max(offset, 0)
        for regex, role in self._promises:
            match = regex.search(title)
            if match is None or self._has_role(headings + second, role, False):
                continue
            start, end = match.span("word")
            yield ctx.diagnostic(self, base + start, base + end, word=match.group("word"))


def _is_within(node: Node, ancestor: Node) -> bool:
    while node.parent is not None:
        if node.parent is ancestor:
            return True
        node = node.parent
    return False


RULE = RequiredSectionsRule
