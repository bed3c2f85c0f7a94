"""The items of a plan's 目标 sections: what TGT checks for a measure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import TargetItem

if TYPE_CHECKING:
    from lint.outline.model import Node, Outline

    from .words import Words


_ITEM_SENTENCE = re.compile(r"[^。！？!?；;\n]+")


def find_target_items(text: str, outline: Outline, words: Words) -> list[TargetItem]:
    """The items of each 目标 section (主要目标, 发展目标, 2025年目标): its children with their
    bodies, or the sentences of its body when it has no children. Each knows its section."""
    finder = _TargetItems(text, outline, words)
    finder.visit(outline.roots)
    return finder.items


class _TargetItems:
    def __init__(self, text: str, outline: Outline, words: Words):
        self.text = text
        self.outline = outline
        self.words = words
        self.items: list[TargetItem] = []

    def _is_target_section(self, node: Node) -> bool:
        title = node.title
        words = self.words
        return (
            bool(words.target_title.search(title))
            and not words.not_target_section.search(title)
            and node.style != "inline-cn"
        )

    def end_of(self, node: Node | None) -> int:
        """Where a node's body ends: the next sibling of it or of an ancestor."""
        while node is not None:
            siblings = node.parent.children if node.parent is not None else self.outline.roots
            later = [n.start for n in siblings if n.start > node.start]
            if later:
                return min(later)
            node = node.parent
        return len(self.text)

    def visit(self, nodes: list[Node]) -> None:
        for node in nodes:
            if not self._is_target_section(node):
                self.visit(node.children)
            elif node.children:
                self._children(node)
            else:
                self._sentences(node)

    def _children(self, node: Node) -> None:
        for child in node.children:
            if self.words.target_title.search(child.title):
                self.visit([child])  # （一）耕地保护目标: a target section of its own
            else:
                self.items.append(TargetItem(child.start, self.end_of(child), child.title_end, node))

    def _sentences(self, node: Node) -> None:
        end = self.end_of(node)
        before = len(self.items)
        body = self._unbroken(node.title_end, end)
        for m in _ITEM_SENTENCE.finditer(body):
            if m.group().strip(" \u3000\t，,。：:"):
                start, stop = node.title_end + m.start(), node.title_end + m.end()
                self.items.append(TargetItem(start, stop, stop, node))
        if len(self.items) == before:
            self.items.append(TargetItem(node.start, end, node.title_end, node))

    def _unbroken(self, start: int, end: int) -> str:
        """The text of [start, end) with the line breaks PDF extraction left mid-sentence blanked
        (offsets kept): 其中工业用地不少于950，⏎保障重点项目用地。 is one target, not two."""
        body = self.text[start:end]
        for paragraph in self.outline.paragraphs:
            for broken_end, continuation in paragraph.breaks:
                if start <= broken_end < end:
                    a, b = broken_end - start, min(continuation, end) - start
                    body = body[:a] + " " * (b - a) + body[b:]
        return body
