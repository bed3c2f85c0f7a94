"""paired-marks: quotation marks and brackets that must pair up within a paragraph (GB/T 15834).

Works on the outline's paragraphs, so a quotation broken over two lines by PDF extraction is one
unit. Two checks:

  check: unbalanced   an opening mark with no closing mark, a closing mark with no opening one,
                      or a quote closed by the other kind (“…’). Two “ in a row with too few ” left
                      to close both is reported once, at the second “ (it was meant to be ”).
                      A closing bracket right after a list number at the start of a paragraph or
                      clause ("1）", "a）") is a list marker, not a stray mark.
  check: nested       a pair nested directly inside the same pair (《…《…》…》); the inner pair
                      should be written with ``nested-form`` (〈〉). The fix rewrites the inner pair
                      when it holds no further nesting.

Options (YAML):
  pairs        list of two-character strings, opener then closer (default “” ‘’ （） 《》 〔〕 【】).
  check        unbalanced | nested.
  nested-form  for check: nested, the pair the inner one should use (default 〈〉).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import ClassVar, Literal, NamedTuple

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.spec import derived, option

_LIST_MARKER_BEFORE = re.compile(r"(?:^|[。；;：:，,\s])[0-9０-９a-zA-Z一二三四五六七八九十]{1,3}$")
_QUOTES = {"“": "”", "‘": "’"}
_QUOTE_CLOSERS = set(_QUOTES.values())
_SENTENCE_END = set("。！？!?；;：:…")
_CLOSING_QUOTE = re.compile("”")


class _Marks(NamedTuple):
    """The configured pairs as lookup tables, built once when the rule is configured (the checks
    run once per paragraph)."""

    opens: dict[str, str]  # opener → closer
    closes: dict[str, str]  # closer → opener
    any_mark: re.Pattern


class PairedMarksRule(RuleSpec):
    kind: Literal["paired-marks"]
    pairs: list[str] = option(default_factory=lambda: ["“”", "‘’", "（）", "《》", "〔〕", "【】"])
    check_mode: Literal["unbalanced", "nested"] = option(default="unbalanced", alias="check")
    nested_form: str = option(default="〈〉", alias="nested-form")

    fixable: ClassVar[bool] = True
    _marks: _Marks = derived()

    def __post_init__(self) -> None:
        for pair in self.pairs + [self.nested_form]:
            if len(pair) != 2 or pair[0] == pair[1]:
                raise ValueError(f"pair {pair!r} must be two different characters (opener, closer)")
        self._marks = _Marks(
            {p[0]: p[1] for p in self.pairs},
            {p[1]: p[0] for p in self.pairs},
            re.compile("[" + re.escape("".join(self.pairs)) + "]"),
        )

    def is_fixable(self) -> bool:
        return self.check_mode == "nested"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        marks = self._marks
        for group in self._groups(ctx.outline.paragraphs):
            text = "".join(paragraph.text for paragraph in group)
            if not marks.any_mark.search(text):
                continue
            found = self._unbalanced(text, marks) if self.check_mode == "unbalanced" else self._nested(text, marks)
            bases = [0]
            for paragraph in group[:-1]:
                bases.append(bases[-1] + len(paragraph.text))
            for start, end, values, fix in found:
                index = bisect_right(bases, start) - 1
                paragraph, base = group[index], bases[index]
                doc_start, doc_end = paragraph.doc_span(start - base, min(end - base, len(paragraph.text)))
                doc_fix = None
                if fix is not None and doc_end - doc_start == end - start:  # not across a line break
                    doc_fix = (doc_start, doc_end, fix)
                yield ctx.diagnostic(self, doc_start, doc_end, fix=doc_fix, **values)

    def _groups(self, paragraphs: list) -> Iterator[list]:
        """Paragraphs, except that one left open mid-sentence (“双向 / 揭榜 / 挂帅”…, a line broken
        by extraction that the outline did not join) is judged together with the next two."""
        index = 0
        carry = self.check_mode == "unbalanced"
        while index < len(paragraphs):
            group = [paragraphs[index]]
            while (
                carry
                and len(group) < 3
                and index + 1 < len(paragraphs)
                and paragraphs[index + 1].first_line <= group[-1].last_line + 2
                and group[-1].text.rstrip()[-1:] not in _SENTENCE_END
                and self._left_open("".join(p.text for p in group))
            ):
                index += 1
                group.append(paragraphs[index])
            index += 1
            yield group

    def _left_open(self, text: str) -> bool:
        return any(text.count(pair[0]) > text.count(pair[1]) for pair in self.pairs)

    # -- unbalanced -------------------------------------------------------------------------
    def _unbalanced(self, text: str, marks: _Marks) -> list[tuple[int, int, dict, None]]:
        found: list[tuple[int, int, dict, None]] = []
        stack: list[tuple[str, int]] = []
        closing_quotes = [m.start() for m in _CLOSING_QUOTE.finditer(text)] if "“" in text else []
        opens, closes = marks.opens, marks.closes
        for match in marks.any_mark.finditer(text):
            ch, pos = match.group(), match.start()
            if ch in opens:
                if (
                    ch == "“"
                    and stack
                    and stack[-1][0] == "“"
                    and len(closing_quotes) - bisect_left(closing_quotes, pos) < 2
                ):
                    found.append((pos, pos + 1, {"mark": ch, "expected": "”"}, None))
                    stack.pop()
                    continue
                stack.append((ch, pos))
                continue
            opener = closes[ch]
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif stack and stack[-1][0] in _QUOTES and opener in _QUOTES:
                top, _ = stack.pop()  # “…’ or ‘…”: one quote of each kind
                found.append((pos, pos + 1, {"mark": ch, "expected": _QUOTES[top]}, None))
            elif any(open_ch == opener for open_ch, _ in stack):
                while stack[-1][0] != opener:
                    top, top_pos = stack.pop()
                    found.append((top_pos, top_pos + 1, {"mark": top, "expected": opens[top]}, None))
                stack.pop()
            elif ch in _QUOTE_CLOSERS or not _LIST_MARKER_BEFORE.search(text, max(0, pos - 5), pos):
                found.append((pos, pos + 1, {"mark": ch, "expected": opener}, None))
        for top, top_pos in stack:
            found.append((top_pos, top_pos + 1, {"mark": top, "expected": opens[top]}, None))
        return sorted(found, key=lambda item: item[0])

    # -- nested -----------------------------------------------------------------------------
    def _nested(self, text: str, marks: _Marks) -> list[tuple[int, int, dict, str | None]]:
        found = []
        stack: list[tuple[str, int, list]] = []  # (opener, position, pairs directly inside it)
        for match in marks.any_mark.finditer(text):
            ch, pos = match.group(), match.start()
            if ch in marks.opens:
                stack.append((ch, pos, []))
                continue
            opener = marks.closes[ch]
            if not stack or stack[-1][0] != opener:
                stack.clear()  # unbalanced: PUNC003's business; judge nothing here
                continue
            _, open_pos, inner = stack.pop()
            same_outer = next((frame for frame in reversed(stack) if frame[0] == opener), None)
            if same_outer is not None:
                same_outer[2].append((open_pos, pos + 1, inner))
            elif inner:
                for start, end, deeper in inner:
                    fix = None
                    if not deeper:
                        fix = self.nested_form[0] + text[start + 1 : end - 1] + self.nested_form[1]
                    values = {"mark": opener + marks.opens[opener], "expected": self.nested_form}
                    found.append((start, end, values, fix))
        return found


RULE = PairedMarksRule
