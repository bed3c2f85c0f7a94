"""Clauses: the stretches between 。；，！？ and line breaks, and run-in items (一是…), each under
its outline node; built as offsets, a Clause object only when asked for."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .model import Clause

if TYPE_CHECKING:
    from lint.outline.model import Node, Outline

    from .words import Words


_CLAUSE_RE = re.compile(r"[，,；;。！？!?\n]")


class Clauses:
    """The clauses of a document as offsets; a Clause object is built only when asked for
    (a 1 MB report has ~100 000 clauses and a few thousand figures)."""

    def __init__(self, text: str, outline: Outline, words: Words):
        nodes = sorted(outline.walk(), key=lambda n: n.start)
        self._nodes = nodes
        self._node_starts = [n.start for n in nodes]
        self._target: dict[int, bool] = {}
        self._words = words
        ends = [m.start() for m in _CLAUSE_RE.finditer(text)]
        # A run-in item (一是…) starts a clause of its own.
        self.run_in = frozenset(n.start for n in nodes if n.style == "inline-cn")  # where 一是… start
        run_in = [start - 1 for start in self.run_in if start > 0]
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
            words = self._words
            here = bool(words.target_title.search(node.title)) and not words.not_target_title.search(node.title)
            self._target[key] = here or self._in_target(node.parent)
        return self._target[key]


_SOFT_MARKS = frozenset("，,；;。！？!?")
