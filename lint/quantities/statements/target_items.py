"""The items of a plan's 目标 sections: what TGT checks for a measure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .words import NOT_TARGET_SECTION, TARGET_SECTION

if TYPE_CHECKING:
    from lint.outline.model import Node, Outline


_ITEM_SENTENCE = re.compile(r"[^。！？!?；;\n]+")


def find_target_items(text: str, outline: Outline) -> list[tuple[int, int, int]]:
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
            if TARGET_SECTION.search(title) and not NOT_TARGET_SECTION.search(title) and node.style != "inline-cn":
                end = end_of(node)
                if node.children:
                    for child in node.children:
                        if TARGET_SECTION.search(child.title):
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
