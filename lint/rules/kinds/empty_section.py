"""empty-section: a heading with nothing under it, or two sibling headings with the same title.

Options (YAML):
  check      [empty], [duplicate-title] or both.
  min-title  shortest title (in characters) compared for duplicates (default 4).

A heading is empty when its line is a bare title (no sentence ends on it), it has no text and no
numbered items after it before the next heading, and at least one of its siblings does have
content (a list of short items, or a table of contents, is not a list of empty sections). The last
heading of a document is left alone: scraped text is often cut off there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.outline.model import Node
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._structure import (
    colon_list_nodes,
    family_runs,
    is_numbered,
    numbered_sibling_groups,
    say,
)
from lint.spec import option

_SENTENCE_END = re.compile(r"[。；;！？!?：:]")
# An item that only names a document (《…实施方案》) is a reference, not a section heading.
_DOCUMENT_NAME = re.compile(r"^《[^》]*》[、，,]?$")
_NOT_TITLE = re.compile(r"[\s\u3000，,。；;：:、．.！？!?“”\"'‘’《》（）()]")


class EmptySectionRule(RuleSpec):
    kind: Literal["empty-section"]
    check_: list[Literal["empty", "duplicate-title"]] = option(alias="check", min_length=1)
    min_title: int = option(default=4, alias="min-title", ge=1)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        outline = ctx.outline
        excluded = colon_list_nodes(ctx.text, outline)
        numbered = [n for n in outline.walk() if is_numbered(n)]
        last = max(numbered, key=lambda n: n.start) if numbered else None
        for _, group in numbered_sibling_groups(outline):
            for run in family_runs(group):
                for members in _lists(n for n in run if id(n) not in excluded):
                    if "empty" in self.check_:
                        yield from self._empty(ctx, members, last)
                    if "duplicate-title" in self.check_:
                        yield from self._duplicates(ctx, members)

    def _empty(self, ctx: Context, run: list[Node], last: Node | None) -> Iterator[Diagnostic]:
        # Headings, not items: most siblings have text of their own.
        if len(run) < 2 or 2 * sum(1 for n in run if _has_content(n)) <= len(run):
            return
        for node in run:
            if node is last or _has_content(node) or not node.title or _DOCUMENT_NAME.match(node.title):
                continue
            if node.paragraph is not None and _SENTENCE_END.search(node.paragraph.text):
                continue  # an item written as a sentence, not a heading
            yield ctx.diagnostic(
                self,
                node.start,
                node.title_end,
                heading=node.marker + node.title,
                what="标题下没有内容",
                what_en="the heading has nothing under it",
            )

    def _duplicates(self, ctx: Context, run: list[Node]) -> Iterator[Diagnostic]:
        seen: dict[str, Node] = {}
        for node in run:
            key = _NOT_TITLE.sub("", node.title)
            if len(key) < self.min_title:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = node
                continue
            yield ctx.diagnostic(
                self,
                node.start,
                node.title_end,
                heading=node.marker + node.title,
                related=[(say(ctx, "同名标题", "same title"), first.start)],
                what="与同级标题重复",
                what_en="the same title as a sibling heading",
            )


def _lists(nodes) -> Iterator[list[Node]]:
    """Split a family run where the numbering restarts at 1 (a new list)."""
    current: list[Node] = []
    for node in nodes:
        if node.number == 1 and current:
            yield current
            current = []
        current.append(node)
    if current:
        yield current


def _has_content(node: Node) -> bool:
    if node.body or node.children:
        return True
    if node.paragraph is None:
        return False
    rest = node.paragraph.text[len(node.marker) :].strip()
    return len(rest) > len(node.title) + 1


RULE = EmptySectionRule
