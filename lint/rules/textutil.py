"""Han-aware regex helpers shared by rule kinds: macros usable in pack patterns, quoted spans."""

from __future__ import annotations

import re
from bisect import bisect_right

# Macros a pack may write inside a pattern as {NAME}.
MACROS = {
    "HAN": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]",
    "CJK": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—…·]",
    "CJK_PUNCT": r"[。，、；：？！“”‘’（）《》〈〉【】〔〕—…·]",
    "CN_NUM": r"[〇零一二两三四五六七八九十百千万亿]",
    "DIGIT": r"[0-9０-９]",
}
_MACRO = re.compile(r"\{(" + "|".join(MACROS) + r")\}")


def expand_macros(pattern: str) -> str:
    return _MACRO.sub(lambda m: MACROS[m.group(1)], pattern)


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
