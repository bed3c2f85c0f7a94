"""halfwidth-punct: ASCII punctuation written inside Chinese text (GB/T 15834 uses full-width forms).

A point mark (, ; : ? !) is Chinese prose when one neighbour is Chinese (a Han character or
full-width punctuation) and the other is not a Latin letter: Chinese, a digit, %, or the end of
the line. "1,200", "9:30", "1:500", "Hello, world" and anything inside a URL or e-mail address
keep their ASCII marks. A run of marks ("??") is judged by the neighbours of the whole run.
ASCII brackets are judged as a pair on one line: converted when the content holds Han text or a
neighbour outside the pair is Chinese; an unpaired bracket is left alone (saying nothing beats
guessing which bracket is missing).

Options (YAML):
  marks      mapping of ASCII point marks to their full-width forms.
  brackets   mapping of an ASCII bracket pair ("()") to its full-width pair ("（）").
  group      line (default): one finding per line, placed on its first mark, with the other marks
             as related locations, so a document typed entirely in half-width marks gets one
             finding per line, not one per comma; mark: one finding per mark (per bracket pair).

Every finding carries a fix with one edit per flagged mark (“,”→“，”), nothing else touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.textutil import URL_OR_EMAIL, is_cjk, is_han
from lint.spec import derived, option
from lint.text.spans import merged_spans

_NUMERIC_SIDE = set("0123456789%‰")
_POINT_MARKS = set("。，、；：？！")


def _english_side(ch: str | None) -> bool:
    return ch is not None and ch.isascii() and not ch.isdigit() and ch not in "()"


class HalfwidthPunctRule(RuleSpec):
    kind: Literal["halfwidth-punct"]
    marks: dict[str, str] = option(default_factory=lambda: {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})
    brackets: dict[str, str] = option(default_factory=lambda: {"()": "（）"})
    group: Literal["line", "mark"] = "line"

    fixable: ClassVar[bool] = True
    _candidates: re.Pattern | None = derived(default=None)
    _full: dict[str, str] = derived(default_factory=dict)
    _openers: dict[str, str] = derived(default_factory=dict)
    _closers: dict[str, str] = derived(default_factory=dict)

    def __post_init__(self) -> None:
        for mark in self.marks:
            if len(mark) != 1:
                raise ValueError(f"marks: {mark!r} must be a single character")
        for pair, full in self.brackets.items():
            if len(pair) != 2 or len(full) != 2:
                raise ValueError(f"brackets: {pair!r}: {full!r} must map two characters to two")
        self._full = dict(self.marks)
        for pair, full in self.brackets.items():
            self._openers[pair[0]] = pair[1]
            self._closers[pair[1]] = pair[0]
            self._full[pair[0]], self._full[pair[1]] = full[0], full[1]
        chars = "".join(self.marks) + "".join(self.brackets)
        self._candidates = re.compile("[" + re.escape(chars) + "]+") if chars else None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if self._candidates is None:
            return
        skip = None
        by_line: dict[int, list[int]] = {}
        line_starts = ctx.doc.line_starts
        for run in self._candidates.finditer(text):
            if skip is None:
                skip = merged_spans(m.span() for m in URL_OR_EMAIL.finditer(text))
            if skip.overlaps(run.start(), run.end()):
                continue
            line = ctx.doc.line_col(run.start())[0]
            by_line.setdefault(line, []).extend(range(run.start(), run.end()))
        for line, positions in by_line.items():
            start = line_starts[line - 1]
            end = line_starts[line] - 1 if line < len(line_starts) else len(text)
            flagged = self._flag_line(text, start, end, positions)
            yield from self._report(ctx, text, flagged)

    # -- deciding -------------------------------------------------------------------------
    def _flag_line(self, text: str, start: int, end: int, positions: list[int]) -> list[int]:
        converted: set[int] = set()
        stack: list[int] = []
        openers, closers, marks = self._openers, self._closers, self.marks
        for pos in positions:
            ch = text[pos]
            if ch in openers:
                stack.append(pos)
            elif ch in closers:
                opener = closers[ch]
                while stack and text[stack[-1]] != opener:
                    stack.pop()
                if stack:
                    open_pos = stack.pop()
                    if self._pair_is_chinese(text, start, end, open_pos, pos):
                        converted.update((open_pos, pos))
        flagged = set(converted)
        for pos in positions:
            if text[pos] in marks and self._mark_is_chinese(text, start, end, pos, converted):
                flagged.add(pos)
        return sorted(flagged)

    def _pair_is_chinese(self, text: str, start: int, end: int, open_pos: int, close_pos: int) -> bool:
        before = text[open_pos - 1] if open_pos > start else None
        after = text[close_pos + 1] if close_pos + 1 < end else None
        if is_cjk(before) or is_cjk(after):
            return True
        if not any(is_cjk(ch) for ch in text[open_pos + 1 : close_pos]):
            return False
        # Chinese inside, spaces or nothing outside: Chinese unless the text around is English
        # ("report (上海市), CSV column …").
        left = text[start:open_pos].rstrip()[-1:] or None
        right = text[close_pos + 1 : end].lstrip()[:1] or None
        return not (_english_side(left) or _english_side(right))

    def _mark_is_chinese(self, text: str, start: int, end: int, pos: int, converted: set[int]) -> bool:
        left_pos = pos - 1
        while left_pos >= start and text[left_pos] in self.marks:
            left_pos -= 1
        right_pos = pos + 1
        while right_pos < end and (text[right_pos] in self.marks or text[right_pos] == " "):
            right_pos += 1
        left = text[left_pos] if left_pos >= start else None
        right = text[right_pos] if right_pos < end else None
        left_cjk = is_cjk(left) or left_pos in converted
        right_cjk = is_cjk(right) or right_pos in converted
        if text[pos] in "?!":
            # A real question mark follows a Chinese word and ends the sentence; a "?" after a
            # digit or a mark, or before 。，, is a character lost in encoding (前1?。, 、?水).
            return left is not None and is_han(left) and (right is None or right not in _POINT_MARKS)
        if left_cjk:
            return right is None or right_cjk or right in _NUMERIC_SIDE
        return right_cjk and left is not None and left in _NUMERIC_SIDE

    # -- reporting ------------------------------------------------------------------------
    def _report(self, ctx: Context, text: str, flagged: list[int]) -> Iterator[Diagnostic]:
        if not flagged:
            return
        groups = [flagged] if self.group == "line" else self._per_mark(text, flagged)
        for group in groups:
            first = group[0]
            marks = "".join(dict.fromkeys(text[p] for p in group))
            # The finding points at the first mark (an editor underlines one character, not the
            # prose between marks); the others are related locations; the fix has one edit per mark.
            related = [(f"“{text[p]}”", p) for p in group[1:]]
            edits = [(p, p + 1, self._full[text[p]]) for p in group]
            yield ctx.diagnostic(self, first, first + 1, fix=edits, related=related, marks=marks, count=len(group))

    def _per_mark(self, text: str, flagged: list[int]) -> list[list[int]]:
        groups: list[list[int]] = []
        open_at: list[list[int]] = []
        for pos in flagged:
            ch = text[pos]
            if ch in self._openers:
                group = [pos]
                groups.append(group)
                open_at.append(group)
            elif ch in self._closers and open_at:
                open_at.pop().append(pos)
            else:
                groups.append([pos])
        return sorted(groups)


RULE = HalfwidthPunctRule
