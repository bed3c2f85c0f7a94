"""sequence: numbered siblings must count 1, 2, 3… — a gap or a repeated number is a finding.

Options (YAML):
  items    headings: the numbered outline items of each sibling list (一、 （一） 1. （1） ①),
           split by marker family, so numbering restarts under every parent and in every 附件;
           run-in: the 一是/二是 items of one paragraph (they restart in the next paragraph).
  report   which defects to report: [gap], [duplicate] or both.
  first-must-be-one
           also report a list under a parent that starts after 1 (（二） as the first child).
           The top level never is: a document may be an excerpt that starts anywhere.

A missing number that is present inside running text (a PDF joined "…；（二）…" into the line
before) is not a gap; a number lower than the one before that is not 1 is left alone (unclear).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.outline.model import Node, Outline
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._structure import (
    cached,
    family_runs,
    inline_marker_regex,
    numbered_sibling_groups,
    respell,
    say,
)
from lint.spec import option
from lint.text.spans import quoted_spans


class SequenceRule(RuleSpec):
    kind: Literal["sequence"]
    items: Literal["headings", "run-in"] = "headings"
    report: list[Literal["gap", "duplicate"]] = option(min_length=1)
    first_must_be_one: bool = option(default=True, alias="first-must-be-one")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        outline = ctx.outline
        runs = self._heading_runs(outline) if self.items == "headings" else self._run_in_runs(ctx, outline)
        for parent, run in runs:
            yield from self._check_run(ctx, parent, run)

    @staticmethod
    def _heading_runs(outline: Outline) -> Iterator[tuple[Node | None, list[Node]]]:
        for parent, group in numbered_sibling_groups(outline):
            for run in family_runs(group):
                yield parent, run

    @staticmethod
    def _run_in_runs(ctx: Context, outline: Outline) -> Iterator[tuple[Node | None, list[Node]]]:
        by_paragraph: dict[int, list[Node]] = {}
        for node in outline.walk():
            if node.style == "inline-cn" and node.paragraph is not None:
                by_paragraph.setdefault(id(node.paragraph), []).append(node)
        quoted = None
        for items in by_paragraph.values():
            if quoted is None:
                quoted = quoted_spans(ctx.text)
            kept = [n for n in items if not quoted.overlaps(n.start, n.marker_end)]
            if len(kept) >= 2:
                yield None, kept

    def _check_run(self, ctx: Context, parent: Node | None, run: list[Node]) -> Iterator[Diagnostic]:
        previous: Node | None = None
        before = self._previous(ctx.outline, run[0]) if parent is not None and run[0].number > 1 else None
        # The list goes on numbering the same style from an earlier parent (items 1–17 straight
        # through the sections of a 实施意见): not a gap.
        continued = before is not None and before.number == run[0].number - 1
        for node in run:
            number = node.number
            if number <= 0:
                continue
            if previous is None:
                if (
                    number > 1
                    and parent is not None
                    and self.first_must_be_one
                    and "gap" in self.report
                    and self.items == "headings"
                    and not continued
                    and not self._present_inline(ctx, node, parent.start, 1, number)
                ):
                    yield ctx.diagnostic(
                        self,
                        node.start,
                        node.marker_end,
                        expected=respell(node, 1),
                        marker=node.marker,
                        related=[(say(ctx, "上级标题", "parent heading"), parent.start)],
                    )
            elif number == previous.number:
                if "duplicate" in self.report:
                    yield ctx.diagnostic(
                        self,
                        node.start,
                        node.marker_end,
                        expected=respell(node, number + 1),
                        marker=node.marker,
                        related=[(say(ctx, "前一项", "previous item"), previous.start)],
                    )
            elif number > previous.number + 1:
                if "gap" in self.report and not self._present_inline(
                    ctx, node, previous.marker_end, previous.number + 1, number
                ):
                    yield ctx.diagnostic(
                        self,
                        node.start,
                        node.marker_end,
                        expected=respell(node, previous.number + 1),
                        marker=node.marker,
                        related=[(say(ctx, "前一项", "previous item"), previous.start)],
                    )
            previous = node

    @staticmethod
    def _previous(outline: Outline, node: Node) -> Node | None:
        return cached(outline, "previous-of-style", lambda: _previous_of_same_style(outline)).get(id(node))

    @staticmethod
    def _present_inline(ctx: Context, node: Node, since: int, low: int, high: int) -> bool:
        """Whether the last missing number (high - 1) is written inside the text before the node."""
        if high - 1 < low:
            return False
        return bool(inline_marker_regex(node, high - 1).search(ctx.text, since, node.start))


def _previous_of_same_style(outline: Outline) -> dict[int, Node]:
    """id(node) → the node of the same style just before it in document order."""
    last: dict[str, Node] = {}
    out: dict[int, Node] = {}
    for node in outline.walk():
        if node.style in last:
            out[id(node)] = last[node.style]
        last[node.style] = node
    return out


RULE = SequenceRule
