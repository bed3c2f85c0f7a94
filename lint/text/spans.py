"""Positions in text: code-point offsets ↔ 1-based line and column (columns count code points),
and sets of spans (quoted names and titles) asked whether an offset lies inside one."""

from __future__ import annotations

import re
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


_QUOTED = re.compile(r"《[^《》\n]{0,200}》|“[^“”\n]{0,120}”|〈[^〈〉\n]{0,120}〉")


class SpanSet:
    """Sorted, non-overlapping spans with fast "is this offset inside one" queries."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and self.ends[index] >= end and start >= self.starts[index]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.ends[index] > start


def quoted_spans(text: str) -> SpanSet:
    """Spans inside 《》 titles and “” quotes (names and slogans, not prose)."""
    return merged_spans(m.span() for m in _QUOTED.finditer(text))


def merged_spans(spans) -> SpanSet:
    """Merge overlapping (start, end) spans given in start order into a SpanSet."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return SpanSet(merged)
