"""level-order: the order of numbering levels 一、 > （一） > 1. > （1） > ① (GB/T 9704 §7.3.3,
GB/T 15834 B.3.8).

Options (YAML):
  check      inverted: a child whose marker ranks above its parent's (（一） under 1.);
             skipped: a child more than one rank below its parent (1. right under 一、);
             depth: more numbered levels than ``max-depth``.
  allow      parent>child family pairs accepted for ``skipped`` (local rules that allow 跳用),
             e.g. ["cn-dun>arabic"]; families: cn-dun cn-paren arabic arabic-paren circled.
  max-depth  deepest numbered level allowed for ``depth`` (default 4, the levels 9704 names).

A document may start at any level, so only parent→child steps are judged. Lists run in after a
colon ("举报：（一）…；（二）…") are not outline levels. ``inverted`` and ``skipped`` report one
finding per distinct parent→child pair, at its first place (the rest are listed as related);
``depth`` reports the first too-deep item under each top-level item.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.outline.items import is_abbreviated_list
from lint.outline.model import Node
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._structure import (
    colon_list_nodes,
    is_numbered,
    say,
    under_unnumbered_heading,
)
from lint.spec import option
from lint.text.markers import FAMILY, RANK, RANK_EXAMPLE

_FAMILIES = set(FAMILY.values()) - {"inline-cn"}


class LevelOrderRule(RuleSpec):
    kind: Literal["level-order"]
    check_: Literal["inverted", "skipped", "depth"] = option(alias="check")
    allow: list[str] = option(default_factory=list)
    max_depth: int = option(default=4, alias="max-depth", ge=1)

    def __post_init__(self) -> None:
        for pair in self.allow:
            parent, _, child = pair.partition(">")
            if parent not in _FAMILIES or child not in _FAMILIES:
                raise ValueError(
                    f"allow entry {pair!r} must be FAMILY>FAMILY with families {', '.join(sorted(_FAMILIES))}"
                )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        outline = ctx.outline
        excluded = colon_list_nodes(ctx.text, outline)
        if self.check_ == "depth":
            yield from self._depth(ctx, outline.roots, excluded)
            return
        allowed = set(self.allow)
        firsts: dict[tuple[str, str], list[tuple[Node, Node]]] = {}
        for node in outline.walk():
            parent = node.parent
            if (
                parent is None
                or not is_numbered(node)
                or not is_numbered(parent)
                or id(node) in excluded
                or id(parent) in excluded
                or is_abbreviated_list(node)
                or is_abbreviated_list(parent)
            ):
                continue
            if not self._wrong_step(parent, node, allowed):
                continue
            if under_unnumbered_heading(outline, _first_numbered_child(parent, node)):
                continue
            key = (parent.style, node.style)
            places = firsts.setdefault(key, [])
            # One finding per parent: the first child that takes the wrong step.
            if not places or places[-1][0] is not parent:
                places.append((parent, node))
        for places in firsts.values():
            parent, node = places[0]
            related = [(say(ctx, "上级标题", "parent heading"), parent.start)]
            related += [(say(ctx, "同样的情况", "same step"), child.start) for _, child in places[1:6]]
            skipped = "、".join(f"“{RANK_EXAMPLE[r]}”" for r in range(RANK[parent.style] + 1, RANK[node.style]))
            yield ctx.diagnostic(
                self,
                node.start,
                node.marker_end,
                marker=node.marker,
                parent=parent.marker,
                skipped=skipped,
                count=len(places),
                related=related,
            )

    def _wrong_step(self, parent: Node, node: Node, allowed: set[str]) -> bool:
        step = RANK[node.style] - RANK[parent.style]
        if self.check_ == "inverted":
            return step < 0 and FAMILY[node.style] != FAMILY[parent.style]
        return step > 1 and f"{FAMILY[parent.style]}>{FAMILY[node.style]}" not in allowed

    def _depth(self, ctx: Context, roots: list[Node], excluded: set[int]) -> Iterator[Diagnostic]:
        for root in roots:
            found = self._first_too_deep(root, 1, excluded)
            if found is not None:
                node, depth = found
                yield ctx.diagnostic(
                    self, node.start, node.marker_end, marker=node.marker, depth=depth, max=self.max_depth
                )

    def _first_too_deep(self, node: Node, depth: int, excluded: set[int]) -> tuple[Node, int] | None:
        if not is_numbered(node) or id(node) in excluded:
            return None
        if depth > self.max_depth:
            return node, depth
        for child in node.children:
            found = self._first_too_deep(child, depth + 1, excluded)
            if found is not None:
                return found
        return None


def _first_numbered_child(parent: Node, node: Node) -> Node:
    """The first child of ``parent`` in the same family as ``node`` (where the list starts)."""
    for child in parent.children:
        if child.style == node.style:
            return child
    return node


RULE = LevelOrderRule
