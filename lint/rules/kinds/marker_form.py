"""marker-form: how a numbering marker is written (GB/T 15834 4.5.3.2, B.3.1–B.3.4, B.3.7).

Options (YAML):
  check  point:        一 takes 顿号 (一、 not 一． 一. 一，); bracketed markers take no point after
                       the bracket (（一） not （一）、, （1） not （1）.). Fix: the right point.
         arabic-dun:   a line-initial 1、 — Arabic markers take the 下脚点 (1.). Fix: 、 → .
         mixed:        one marker style written in two forms in one document ((一) and （一）,
                       1. and 1．, ⑴ and （1）); the minority form is reported, fixed to the majority.
         ordinal-word: 第一、/首先、 at the head of a sentence take a comma; 一是 takes no point.
  skip-after  regex (arabic-dun): leave a run of item lines alone when the line it hangs from
              matches (default: an 附件说明 "附件：1、…", whose items META007 judges).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.outline.items import is_abbreviated_list
from lint.outline.model import Node
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.kinds._structure import (
    colon_list_nodes,
    is_numbered,
    say,
)
from lint.spec import derived, option
from lint.text.markers import (
    ARABIC_ITEM_LINE,
    CLOSES,
    CN_WRONG_POINTS,
    OPENS,
    RUN_IN_NUMERAL,
    circled,
)
from lint.text.spans import quoted_spans

_BRACKETED = ("cn-paren", "arabic-paren")
# The word is matched first (fast); what may precede it is checked by hand (start of a sentence).
_ORDINAL = re.compile(
    r"(?P<word>第[一二三四五六七八九十]{1,3}|首先|其次|再次|最后)(?P<flag>、)(?![一二三四五六七八九十两第])"
)
_ORDINAL_BEFORE = "。；;！？!?\n"
_RUN_IN_POINT = re.compile(f"(?P<word>{RUN_IN_NUMERAL}是)(?P<flag>[：:，,、])")
# Its 是 and mark: far rarer than the numerals it starts with, so they are searched for first.
_RUN_IN_SHI = re.compile("是[：:，,、]")
_RUN_IN_DIGITS = frozenset(RUN_IN_NUMERAL[1 : RUN_IN_NUMERAL.index("]")])  # its class, written {1,3} times
_RUN_IN_BEFORE = "。；;：:！？!?，,\n"
_LEADING_SPACE = " \t\u3000"
_FULL = str.maketrans("()0123456789.", "（）０１２３４５６７８９．")
_HALF = str.maketrans("０１２３４５６７８９", "0123456789")


class MarkerFormRule(RuleSpec):
    kind: Literal["marker-form"]
    check_: Literal["point", "arabic-dun", "mixed", "ordinal-word"] = option(alias="check")
    skip_after: str | None = option(default=r"^\s*附件\s*[：:]", alias="skip-after")

    _skip_after: re.Pattern | None = derived(default=None)

    def __post_init__(self) -> None:
        self._skip_after = compile_regex(self.skip_after, "skip-after") if self.skip_after else None

    def is_fixable(self) -> bool:
        return True

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.check_ == "ordinal-word":
            yield from self._ordinal_words(ctx)
            return
        nodes = [n for n in ctx.outline.walk() if is_numbered(n) and not is_abbreviated_list(n)]
        if self.check_ == "point":
            for node in nodes:
                yield from self._point(ctx, node)
        elif self.check_ == "arabic-dun":
            for node in nodes:
                if node.style == "arabic-dun" and not self._after_skip_line(ctx, node):
                    # The fixed marker is the standard one whole: １、 → 1. (GB/T 15835 digits), so
                    # this fix and NUM009's agree and every item of a list ends up alike.
                    start = node.marker_end - len(node.marker)
                    expected = node.marker[:-1].translate(_HALF) + "."
                    yield ctx.diagnostic(
                        self,
                        node.start,
                        node.marker_end,
                        fix=(start, node.marker_end, expected),
                        marker=node.marker,
                        expected=expected,
                    )
        else:
            yield from self._mixed(ctx, nodes)

    def _after_skip_line(self, ctx: Context, node: Node) -> bool:
        """Whether the node's run of item lines hangs from a line matching ``skip-after``."""
        if self._skip_after is None:
            return False
        line = node.line - 1
        while line >= 1:
            text = ctx.doc.line_text(line)
            if text.strip() and not ARABIC_ITEM_LINE.match(text):
                return bool(self._skip_after.search(text))
            line -= 1
        return False

    def _point(self, ctx: Context, node: Node) -> Iterator[Diagnostic]:
        marker = node.marker
        if not node.title:
            return
        if node.style == "cn-dun" and marker[-1] in CN_WRONG_POINTS:
            point = node.start + len(marker) - 1
            yield ctx.diagnostic(
                self,
                node.start,
                node.marker_end,
                fix=(point, point + 1, "、"),
                marker=marker,
                expected=marker[:-1] + "、",
            )
        elif node.style in _BRACKETED and marker[-1] not in CLOSES and marker[-2:-1] in CLOSES:
            point = node.start + len(marker) - 1
            yield ctx.diagnostic(
                self, node.start, node.marker_end, fix=(point, point + 1, ""), marker=marker, expected=marker[:-1]
            )

    def _mixed(self, ctx: Context, nodes: list[Node]) -> Iterator[Diagnostic]:
        excluded = colon_list_nodes(ctx.text, ctx.outline)
        forms: dict[str, list[tuple[str, Node]]] = {}
        for node in nodes:
            if id(node) in excluded:
                continue
            form = _form(node)
            if form is not None:
                forms.setdefault(node.style, []).append((form, node))
        for members in forms.values():
            counts = Counter(form for form, _ in members).most_common()
            if len(counts) < 2 or counts[0][1] == counts[1][1]:
                continue  # one form, or no majority to follow
            majority = counts[0][0]
            example = next(node for form, node in members if form == majority)
            for form, node in members:
                if form == majority:
                    continue
                core = _core(node)
                replacement = _spell(node, majority)
                fix = (node.start, node.start + len(core), replacement) if replacement else None
                yield ctx.diagnostic(
                    self,
                    node.start,
                    node.start + len(core),
                    fix=fix,
                    marker=core,
                    expected=replacement or example.marker,
                    related=[(say(ctx, "多数写法", "majority form"), example.start)],
                )

    def _ordinal_words(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        quoted = None
        for matches, allowed_before, replacement in (
            (_ORDINAL.finditer(text), _ORDINAL_BEFORE, "，"),
            (_run_in_points(text), _RUN_IN_BEFORE, ""),
        ):
            for match in matches:
                if not _starts_sentence(text, match.start("word"), allowed_before):
                    continue
                start, end = match.span("flag")
                if quoted is None:
                    quoted = quoted_spans(text)
                if quoted.overlaps(start, end):
                    continue
                yield ctx.diagnostic(
                    self,
                    match.start("word"),
                    end,
                    fix=(start, end, replacement),
                    marker=match.group("word") + match.group("flag"),
                    expected=match.group("word") + replacement,
                )


def _run_in_points(text: str) -> Iterator[re.Match]:
    """The matches of _RUN_IN_POINT.finditer(text), found from each 是 with its mark: the match
    starts at most three numerals before it (leftmost first, as finditer would)."""
    for shi in _RUN_IN_SHI.finditer(text):
        start = end = shi.start()
        while start > max(0, end - 3) and text[start - 1] in _RUN_IN_DIGITS:
            start -= 1
        if start < end:
            match = _RUN_IN_POINT.match(text, start)
            if match is not None:
                yield match


def _starts_sentence(text: str, index: int, allowed_before: str) -> bool:
    """Whether only indentation stands between ``index`` and the text start or a mark in ``allowed_before``."""
    index -= 1
    while index >= 0 and text[index] in _LEADING_SPACE:
        index -= 1
    return index < 0 or text[index] in allowed_before


def _core(node: Node) -> str:
    """The marker without a wrong trailing point (OUT005 judges that)."""
    marker = node.marker
    if node.style in _BRACKETED and len(marker) > 1 and marker[-1] not in CLOSES and marker[-2] in CLOSES:
        return marker[:-1]
    return marker


def _form(node: Node) -> str | None:
    """A label for how the marker is written; None when the style has a single form."""
    core = _core(node)
    if node.style in _BRACKETED:
        if core[0] not in OPENS:
            return "circled-paren"  # ⑴
        return ("full" if core[0] == "（" else "half") + "-" + ("full" if core[-1] == "）" else "half")
    if node.style == "arabic-dot":
        digits_full = any("０" <= ch <= "９" for ch in core)
        return ("full-digits" if digits_full else "digits") + ("-full-point" if core[-1] == "．" else "-point")
    return None


def _spell(node: Node, form: str) -> str | None:
    """The node's marker in another form, or None when it cannot be rewritten mechanically."""
    core = _core(node)
    number = node.number
    if node.style in _BRACKETED:
        inner = core[1:-1] if core[0] in OPENS else str(number)
        if form == "circled-paren":
            return circled(number, paren=True)
        open_, close = form.split("-")
        return ("（" if open_ == "full" else "(") + inner + ("）" if close == "full" else ")")
    if node.style == "arabic-dot":
        digits = str(number).translate(_FULL) if form.startswith("full-digits") else str(number)
        return digits + ("．" if form.endswith("full-point") else ".")
    return None


RULE = MarkerFormRule
