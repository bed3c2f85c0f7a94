"""straight-quotes: ASCII quotation marks around Chinese text, and nesting in the wrong order.

Straight quotes are paired left to right within one line, and only when the line holds an even
number of them (otherwise which quote closes which is a guess, and the rule says nothing). A pair
is reported when its content holds a Han character; the fix writes “…” (double) or ‘…’ (single)
and changes nothing else. A single quote between two Latin letters (don't) is an apostrophe, and
a quote after a digit (5', 4´20") is a prime; neither is a quotation mark.

Chinese quotes nest double outside, single inside (GB/T 15834 4.8.3.4): a top-level ‘…’ that
contains “…” is reported too (no fix: the repair rewrites four marks and may be a matter of intent).

Options (YAML):
  nesting   also report outer ‘’ around inner “” (default true).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.textutil import URL_OR_EMAIL, is_han
from lint.text.spans import merged_spans

_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")


class StraightQuotesRule(RuleSpec):
    kind: Literal["straight-quotes"]
    nesting: bool = True

    fixable: ClassVar[bool] = True

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        if '"' in text or "'" in text:
            skip = merged_spans(m.span() for m in URL_OR_EMAIL.finditer(text))
            starts = ctx.doc.line_starts
            for index, line_start in enumerate(starts):
                line_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
                line = text[line_start:line_end]
                if '"' in line:
                    yield from self._pairs(ctx, text, line_start, line, '"', "“”", skip)
                if "'" in line:
                    yield from self._pairs(ctx, text, line_start, line, "'", "‘’", skip)
        if self.nesting and "‘" in text and "“" in text:
            yield from self._nesting(ctx, text)

    def _pairs(
        self, ctx: Context, text: str, base: int, line: str, quote: str, full: str, skip
    ) -> Iterator[Diagnostic]:
        positions = [
            i
            for i, ch in enumerate(line)
            if ch == quote and not skip.overlaps(base + i, base + i + 1) and not self._prime(line, i, quote)
        ]
        if len(positions) < 2 or len(positions) % 2:
            return
        for open_i, close_i in zip(positions[::2], positions[1::2], strict=True):
            inner = line[open_i + 1 : close_i]
            if not any(is_han(ch) for ch in inner):
                continue
            start, end = base + open_i, base + close_i + 1
            replacement = full[0] + inner + full[1]
            yield ctx.diagnostic(self, start, end, fix=(start, end, replacement), found=quote + quote, expected=full)

    @staticmethod
    def _prime(line: str, i: int, quote: str) -> bool:
        """A mark after a digit is a prime (4´20", 5'); ' between letters is an apostrophe."""
        before = line[i - 1] if i > 0 else ""
        after = line[i + 1] if i + 1 < len(line) else ""
        if before.isdigit():
            return True
        return quote == "'" and bool(_LATIN_OR_DIGIT.match(before) and _LATIN_OR_DIGIT.match(after))

    def _nesting(self, ctx: Context, text: str) -> Iterator[Diagnostic]:
        double_depth = 0
        single_open: int | None = None
        saw_double_inside = False
        for match in re.finditer("[“”‘’\n]", text):
            ch, pos = match.group(), match.start()
            if ch == "\n":
                double_depth, single_open, saw_double_inside = 0, None, False
            elif ch == "“":
                double_depth += 1
                if single_open is not None:
                    saw_double_inside = True
            elif ch == "”":
                double_depth = max(0, double_depth - 1)
            elif ch == "‘":
                if single_open is None and double_depth == 0:
                    single_open, saw_double_inside = pos, False
            elif ch == "’" and single_open is not None:
                if saw_double_inside:
                    yield ctx.diagnostic(self, single_open, pos + 1, found="‘“”’", expected="“‘’”")
                single_open, saw_double_inside = None, False


RULE = StraightQuotesRule
