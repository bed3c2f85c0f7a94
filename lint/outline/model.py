"""Outline tree: nodes for numbered headings/items, paragraphs with a map back to the document."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """A logical paragraph: physical lines joined back when PDF extraction broke them.

    ``pieces`` holds (paragraph offset, document offset) at the start of every joined segment,
    so any character maps back to its place in ``Document.text``.
    """

    text: str
    start: int
    first_line: int
    last_line: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    node: Node | None = None  # the heading this paragraph belongs to

    def doc_offset(self, index: int) -> int:
        if not self.pieces:
            return self.start + index
        keys = [p for p, _ in self.pieces]
        at = max(0, bisect_right(keys, index) - 1)
        para_off, doc_off = self.pieces[at]
        return doc_off + (index - para_off)

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of paragraph span [start, end) (end maps inside its own segment)."""
        if end <= start:
            begin = self.doc_offset(start)
            return begin, begin
        return self.doc_offset(start), self.doc_offset(end - 1) + 1

    @property
    def joins(self) -> list[int]:
        """Paragraph offsets where a broken line was joined."""
        return [p for p, _ in self.pieces[1:]]

    @property
    def breaks(self) -> list[tuple[int, int]]:
        """Document spans of the joined line breaks: (end of the broken line, start of its
        continuation) — what lies between is the line ending, and any indentation."""
        return [(self.doc_offset(join - 1) + 1, self.doc_offset(join)) for join in self.joins]


@dataclass
class Node:
    style: str  # cn-dun | cn-paren | arabic-dot | arabic-dun | arabic-paren | circled | inline-cn
    marker: str  # the marker as written, e.g. "（一）", "1．", "二是"
    number: int
    title: str
    line: int
    column: int
    start: int  # document offset of the marker
    marker_end: int  # document offset just after the marker
    title_start: int
    title_end: int
    level: int = 0
    run_in: bool = False  # the heading runs into its paragraph text
    paragraph: Paragraph | None = None
    body: list[Paragraph] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    @property
    def has_content(self) -> bool:
        if self.children or self.body:
            return True
        if self.paragraph is None:
            return False
        return len(self.paragraph.text) > (self.title_end - self.start) + 2

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "style": self.style,
            "marker": self.marker,
            "number": self.number,
            "title": self.title,
            "line": self.line,
            "column": self.column,
            "children": [child.to_dict() for child in self.children],
        }


@dataclass
class Outline:
    roots: list[Node]
    paragraphs: list[Paragraph]
    body_start_line: int = 1
    # Notes after the last section (注释：1.本公报中…): in ``paragraphs``, never outline items.
    notes: list[Paragraph] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        for root in self.roots:
            yield from root.walk()

    def sibling_groups(self) -> Iterator[list[Node]]:
        """Every list of siblings: the roots, then each node's children."""
        yield self.roots
        for node in self.walk():
            if node.children:
                yield node.children

    @property
    def has_numbered_outline(self) -> bool:
        return any(node.style != "inline-cn" for node in self.roots)
