"""The small edits a fix is made of.

A rule may describe its fix as one replacement of a stretch of text; what the user is shown and
what is applied are the smallest edits that make the same change (one per changed mark, never
one that spans untouched text), and a one-line description of them: “,”→“，”（3处）.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

Span = tuple[int, int, str]  # [start, end) in document offsets → replacement

_MAX_SHOWN = 3  # kinds of change named in a description; the rest is "…"
_MAX_QUOTED = 16  # code points of one side quoted before it is cut with "…"
_SPACES = {
    "zh": {" ": "空格", "\u3000": "全角空格", "\u00a0": "不换行空格", "\t": "制表符", "\n": "换行"},
    "en": {" ": "space", "\u3000": "ideographic space", "\u00a0": "no-break space", "\t": "tab", "\n": "line break"},
}


def split_edit(text: str, start: int, end: int, replacement: str) -> list[Span]:
    """``text[start:end]`` → ``replacement`` as the edits that touch only what changes: one per
    changed mark (“[2022]”→“〔2022〕” is two edits). A word replaced by a word stays whole
    (待定→已定, not 待→已): unchanged Han characters next to such a change join it."""
    old = text[start:end]
    if old == replacement:
        return []
    if (len(old) <= 1 and len(replacement) <= 1) or not replacement or set(old).isdisjoint(replacement):
        return [(start, end, replacement)]  # nothing kept in between: what difflib would say, faster
    import difflib

    ops = difflib.SequenceMatcher(None, old, replacement, autojunk=False).get_opcodes()
    changed = [tag != "equal" or _joins_word(old, replacement, ops, index) for index, (tag, *_) in enumerate(ops)]
    edits: list[Span] = []
    for index, (_, i1, i2, j1, j2) in enumerate(ops):
        if not changed[index]:
            continue
        if index and changed[index - 1]:  # continues the edit before it
            prev_start, _, prev_text = edits.pop()
            edits.append((prev_start, start + i2, prev_text + replacement[j1:j2]))
        else:
            edits.append((start + i1, start + i2, replacement[j1:j2]))
    return edits


def _joins_word(old: str, new: str, ops: list, index: int) -> bool:
    """An unchanged stretch of Han characters beside Han characters replaced by Han characters."""
    from lint.rules.textutil import is_han

    def word_swap(op: tuple) -> bool:
        tag, i1, i2, j1, j2 = op
        return tag == "replace" and all(is_han(ch) for ch in old[i1:i2] + new[j1:j2])

    _, i1, i2, _, _ = ops[index]
    if not all(is_han(ch) for ch in old[i1:i2]):
        return False
    neighbours = ops[max(index - 1, 0) : index] + ops[index + 1 : index + 2]
    return any(word_swap(op) for op in neighbours)


def compatible(groups: Iterable[Sequence[tuple[Any, Any, str]]]) -> list[tuple[Any, Any, str]]:
    """The edits of the groups (one group per fix, in order of priority) that can be applied
    together: a group whose edits overlap those of an earlier group is left out whole (it waits
    for the next pass); an edit two groups share counts once. Positions are anything ordered:
    document offsets, or (line, character) pairs. Returns the edits sorted."""
    taken: list[tuple[Any, Any, str]] = []
    for group in groups:
        edits = sorted(group)
        if not _consistent(edits) or any(_clashes(taken, edit) for edit in edits):
            continue
        for edit in edits:
            if not _holds(taken, edit):
                bisect.insort(taken, edit)
    return taken


def _consistent(edits: list) -> bool:
    """One fix's own edits follow one another without overlapping (a rule's mistake otherwise)."""
    return all(a[1] <= b[0] and a[:2] != b[:2] for a, b in pairwise(edits))


def _overlap(a: tuple, b: tuple) -> bool:
    """Two different edits touch the same text, or insert at the same point."""
    if a == b:
        return False
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == a[1] == b[0] == b[1]


def _clashes(taken: list, edit: tuple) -> bool:
    """Whether ``edit`` overlaps one in ``taken`` (sorted, none overlapping another)."""
    start, end = edit[0], edit[1]
    index = bisect.bisect_left(taken, (start,))  # the first edit that starts at or after ``start``
    if index and _overlap(taken[index - 1], edit):
        return True
    while index < len(taken) and (taken[index][0] < end or taken[index][0] == start):
        if _overlap(taken[index], edit):
            return True
        index += 1
    return False


def _holds(taken: list, edit: tuple) -> bool:
    index = bisect.bisect_left(taken, edit)
    return index < len(taken) and taken[index] == edit


def describe(changes: Iterable[tuple[str, str]], lang: str = "zh") -> str:
    """One line for a fix's (old, new) changes: “,”→“，”（3处）；删除空格."""
    counts: dict[tuple[str, str], int] = {}
    for change in changes:
        counts[change] = counts.get(change, 0) + 1
    english = lang == "en"
    parts = [_one(old, new, count, english) for (old, new), count in counts.items()]
    if len(parts) > _MAX_SHOWN:
        parts = [*parts[:_MAX_SHOWN], "…"]
    return ("; " if english else "；").join(parts)


def _one(old: str, new: str, count: int, english: bool) -> str:
    shown_old, shown_new = _show(old, english), _show(new, english)
    if old and new:
        body = f"{shown_old} → {shown_new}" if english else f"{shown_old}→{shown_new}"
    elif new:
        body = f"insert {shown_new}" if english else f"插入{shown_new}"
    else:
        body = f"delete {shown_old}" if english else f"删除{shown_old}"
    if count == 1:
        return body
    return f"{body} ({count} places)" if english else f"{body}（{count}处）"


def _show(text: str, english: bool) -> str:
    """Quoted text; whitespace by name (a quoted space is invisible): 空格, 2个空格, 换行."""
    names = _SPACES["en" if english else "zh"]
    if text and all(ch in names for ch in text):
        if len(set(text)) > 1:
            return ("+" if english else "、").join(names[ch] for ch in text)
        name = names[text[0]]
        if len(text) == 1:
            return name
        return f"{len(text)} {name}s" if english else f"{len(text)}个{name}"
    if len(text) > _MAX_QUOTED:
        text = text[: _MAX_QUOTED - 1] + "…"
    return f"“{text}”"
