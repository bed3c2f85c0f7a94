"""Positions in text: code-point offsets ↔ 1-based line and column (columns count code points)."""

from __future__ import annotations

from bisect import bisect_right


def line_starts(text: str) -> list[int]:
    """Offset of the first character of every line (lines end at \\n)."""
    starts = [0]
    find = text.find
    position = find("\n")
    while position != -1:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


def line_col(text: str, starts: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset, clamped to the text."""
    offset = max(0, min(offset, len(text)))
    index = bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def offset_of(text: str, starts: list[int], line: int, column: int) -> int:
    """Code-point offset of a 1-based line/column, clamped to the line (and the text)."""
    if not 1 <= line <= len(starts):
        return len(text) if line > len(starts) else 0
    line_end = starts[line] - 1 if line < len(starts) else len(text)
    return min(starts[line - 1] + max(column - 1, 0), line_end)
