"""Where a document's sentences, clauses and brackets are, and its quantities by offset.

Built once per document (``Analysis.text_index``) and queried with bisect, so a rule that walks
the quantities once stays linear in the size of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.text.spans import SpanSet

_SENTENCE_RE = re.compile(r"[。！？!?\n]")
_CLAUSE_RE = re.compile(r"[；;。！？!?\n]")
_BRACKET_RE = re.compile(r"[（(）)\n]")


class TextIndex:
    """Sentence, clause and bracket positions of one document, and its quantities by offset."""

    def __init__(self, text: str, quantities: list):
        self.text = text
        self.quantities = quantities
        self.starts = [q.start for q in quantities]
        self.sentence_ends = [m.start() for m in _SENTENCE_RE.finditer(text)]
        self.clause_ends = [m.start() for m in _CLAUSE_RE.finditer(text)]
        self.line_ends = [m.start() for m in re.finditer("\n", text)]
        self._quoted: SpanSet | None = None
        opens: list[tuple[int, int]] = []
        stack: list[int] = []
        for m in _BRACKET_RE.finditer(text):
            ch = m.group()
            if ch == "\n":
                stack.clear()
            elif ch in "（(":
                stack.append(m.start())
            elif stack:
                opens.append((stack.pop(), m.end()))
        opens.sort()
        self.bracket_spans = opens
        self.bracket_starts = [s for s, _ in opens]

    # -- spans ---------------------------------------------------------------------------
    @property
    def quoted(self) -> SpanSet:
        if self._quoted is None:
            from lint.text.spans import quoted_spans

            self._quoted = quoted_spans(self.text)
        return self._quoted

    @staticmethod
    def _bounds(ends: list[int], pos: int, size: int) -> tuple[int, int]:
        i = bisect_left(ends, pos)
        start = ends[i - 1] + 1 if i > 0 else 0
        end = ends[i] if i < len(ends) else size
        return start, end

    def sentence(self, pos: int) -> tuple[int, int]:
        """[start, end) of the sentence holding ``pos`` (end is the 。 or line break)."""
        return self._bounds(self.sentence_ends, pos, len(self.text))

    def clause(self, pos: int) -> tuple[int, int]:
        """[start, end) of the clause (up to ；, 。 or a line break) holding ``pos``."""
        return self._bounds(self.clause_ends, pos, len(self.text))

    def line(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.line_ends, pos, len(self.text))

    def bracket(self, pos: int) -> tuple[int, int] | None:
        """The innermost （…） span (brackets included) that contains ``pos``, on its line."""
        i = bisect_right(self.bracket_starts, pos) - 1
        line_start = self.line(pos)[0]
        while i >= 0:
            start, end = self.bracket_spans[i]
            if start < line_start:
                return None
            if start < pos < end:
                return start, end
            i -= 1
        return None

    def bracket_after(self, pos: int) -> tuple[int, int] | None:
        """A bracket span opening exactly at ``pos`` (after optional spaces)."""
        while pos < len(self.text) and self.text[pos] in " \u3000":
            pos += 1
        i = bisect_left(self.bracket_starts, pos)
        if i < len(self.bracket_starts) and self.bracket_starts[i] == pos:
            return self.bracket_spans[i]
        return None

    # -- quantities ----------------------------------------------------------------------
    def between(self, start: int, end: int) -> list:
        """Quantities starting in [start, end)."""
        return self.quantities[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def index_of(self, q) -> int:
        return bisect_left(self.starts, q.start)
