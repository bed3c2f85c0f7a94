"""(line, column) → Word runs: split runs exactly where a finding begins or ends, nowhere else.

The .docx reader records, for every line, the pieces of text it read and the element that
shows each (``TextPiece``).  A boundary at a line offset is made by splitting the ``w:t`` that
straddles it (its run is cloned with the same ``w:rPr``) or, when the offset already falls
between two pieces of one run, by moving the later children into a clone of that run.  The
piece list is kept up to date, so later findings on the same line find the new runs.
"""

from __future__ import annotations

import copy
from typing import Any

from lint.document.docx import TextPiece

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_R, _T, _RPR = _W + "r", _W + "t", _W + "rPr"


def _run_of(piece: TextPiece) -> Any:
    node = piece.node
    if node is None:
        return None
    parent = node.getparent()
    return parent if parent is not None and parent.tag == _R else None


def _new_run_like(run: Any) -> Any:
    from docx.oxml import OxmlElement

    clone = OxmlElement("w:r")
    rpr = run.find(_RPR)
    if rpr is not None:
        clone.append(copy.deepcopy(rpr))
    return clone


class RunMap:
    """Run boundaries at line offsets, over the pieces of one opened document."""

    def __init__(self, pieces: list[list[TextPiece]]) -> None:
        self.pieces = pieces

    def line_pieces(self, line: int) -> list[TextPiece]:
        if 1 <= line <= len(self.pieces):
            return self.pieces[line - 1]
        return []

    def anchorable(self, line: int) -> list[TextPiece]:
        """The line's pieces that sit in a run (not rendered numbering)."""
        return [p for p in self.line_pieces(line) if _run_of(p) is not None]

    def run_starting_at(self, line: int, offset: int) -> Any:
        """Make a run begin at ``offset`` (clamped to the line's text); return that run, or
        None when no run starts at or after it on this line."""
        pieces = self.anchorable(line)
        for piece in pieces:
            if piece.end <= offset:
                continue
            if piece.start < offset:
                piece = self._split_piece(line, piece, offset - piece.start)
            self._split_run_before(piece.node)
            return _run_of(piece)
        return None

    def run_ending_at(self, line: int, offset: int) -> Any:
        """Make a run end at ``offset``; return that run, or None when no run ends at or before it."""
        pieces = self.anchorable(line)
        for piece in reversed(pieces):
            if piece.start >= offset:
                continue
            if piece.end > offset:
                self._split_piece(line, piece, offset - piece.start)
            self._split_run_after(piece.node)
            return _run_of(piece)
        return None

    def runs_in(self, line: int, start: int, end: int) -> list[Any]:
        """The runs covering [start, end) of a line, split at both ends (document order)."""
        if end <= start:
            return []
        first = self.run_starting_at(line, start)
        last = self.run_ending_at(line, end)
        if first is None or last is None:
            return []
        runs: list[Any] = []
        for piece in self.anchorable(line):
            if piece.start >= start and piece.end <= end:
                run = _run_of(piece)
                if run is not None and (not runs or runs[-1] is not run):
                    runs.append(run)
        return runs

    # -- splitting ---------------------------------------------------------------------------

    def _split_piece(self, line: int, piece: TextPiece, at: int) -> TextPiece:
        """Split a ``w:t`` piece ``at`` characters in; return the piece after the split."""
        node = piece.node
        if node.tag != _T or not 0 < at < len(piece.text):
            return piece  # a tab or symbol is one character: nothing to split inside
        from docx.oxml import OxmlElement

        full = node.text or ""
        # The reader drops line-break characters; they never occur inside Word's w:t in practice.
        head, tail = full[:at], full[at:]
        node.text = head
        node.set(_XML_SPACE, "preserve")
        second = OxmlElement("w:t")
        second.text = tail
        second.set(_XML_SPACE, "preserve")
        node.addnext(second)
        pieces = self.pieces[line - 1]
        index = next(i for i, p in enumerate(pieces) if p is piece)
        first_piece = TextPiece(piece.start, piece.text[:at], node, piece.paragraph)
        second_piece = TextPiece(piece.start + at, piece.text[at:], second, piece.paragraph)
        pieces[index : index + 1] = [first_piece, second_piece]
        self._split_run_before(second)
        return second_piece

    @staticmethod
    def _split_run_before(node: Any) -> None:
        """Move ``node`` and its later siblings into a new run right after their run."""
        run = node.getparent()
        if run is None or run.tag != _R:
            return
        content = [child for child in run if child.tag != _RPR]
        if not content or content[0] is node:
            return  # already the run's first content: the boundary exists
        clone = _new_run_like(run)
        index = content.index(node)
        for child in content[index:]:
            clone.append(child)
        run.addnext(clone)

    @classmethod
    def _split_run_after(cls, node: Any) -> None:
        following = node.getnext()
        if following is not None:
            cls._split_run_before(following)
