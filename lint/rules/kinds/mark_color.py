"""mark-color: an element of the 版头 printed in its colour — the 发文机关标志 in red (§7.2.2).

The colour is the one carrying most of the element's visible text (the run's ``w:color``, else
its styles', else the document defaults; unset or ``auto`` is black).  Red is read from the
RGB value, not a list: red dominant (R ≥ 0x99) and green and blue well below it, so Word's
red (FF0000), dark red (C00000) and the print red of 红头 templates (E60012) all count.

Options (YAML): role (issuer), color (red).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import line_span, paragraphs_with

if TYPE_CHECKING:
    from lint.document.docx_layout import ParagraphFormat

_NAMES = {"red": "红色"}


def is_red(color: str | None) -> bool:
    if color is None or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return r >= 0x99 and r - max(g, b) >= 0x60


def dominant_color(fmt: ParagraphFormat, text: str) -> str | None:
    """The colour of most of the paragraph's visible characters (None: unset, i.e. black)."""
    counts: Counter = Counter()
    for span in fmt.spans:
        visible = sum(1 for ch in text[span.start : span.end] if not ch.isspace())
        if visible:
            counts[span.color] += visible
    return counts.most_common(1)[0][0] if counts else None


class MarkColorRule(RuleSpec):
    kind: Literal["mark-color"]
    role: Literal["issuer"] = "issuer"
    color: Literal["red"] = "red"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for line, _role, fmt in paragraphs_with(ctx, (self.role,)):
            color = dominant_color(fmt, ctx.doc.line_text(line))
            if not is_red(color):
                shown = "黑色（未设置颜色）" if color in (None, "auto") else f"#{color}"
                start, end = line_span(ctx, line)
                yield ctx.diagnostic(self, start, end, color=shown, wanted=_NAMES[self.color])


RULE = MarkColorRule
