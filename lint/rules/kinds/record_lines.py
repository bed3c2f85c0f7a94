"""record-lines: the 版记 (抄送, 印发机关和印发日期) between two separator lines (§7.4.1).

The lines are read as paragraph borders: a top border on the first 版记 paragraph (or a
bottom border on the paragraph above it) and a bottom border on the last.  A 版记 built as a
table, or drawn with shapes, is not judged.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import line_span, paragraphs_with


class RecordLinesRule(RuleSpec):
    kind: Literal["record-lines"]

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        if layout is None:
            return
        record = paragraphs_with(ctx, ("record",))
        if not record:
            return
        first, last = record[0][0], record[-1][0]
        if any(n not in layout.paragraphs for n in range(first, last + 1)):
            return  # part of the 版记 sits in a table
        above = layout.paragraphs.get(first - 1)
        has_top = "top" in record[0][2].borders or (above is not None and "bottom" in above.borders)
        below = layout.paragraphs.get(last + 1)
        has_bottom = "bottom" in record[-1][2].borders or (below is not None and "top" in below.borders)
        missing = [name for name, present in (("首条分隔线", has_top), ("末条分隔线", has_bottom)) if not present]
        if missing:
            start, end = line_span(ctx, first)
            yield ctx.diagnostic(self, start, end, missing="、".join(missing))


RULE = RecordLinesRule
