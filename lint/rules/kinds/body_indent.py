"""body-indent: body paragraphs (and numbered headings, 附件说明) start two characters in.

GB/T 9704 §7.3.3: 每个自然段左空二字，回行顶格.  The indent may come from the paragraph's
first-line indent (in characters or twips) or from full-width spaces typed at its start.

Options (YAML): chars (default 2), tolerance (characters, default 0.3).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import (
    PLACED_INDENT,
    indent_chars,
    paragraphs_with,
    report_lines,
)


class BodyIndentRule(RuleSpec):
    kind: Literal["body-indent"]
    chars: Decimal = Decimal(2)
    tolerance: Decimal = Decimal("0.3")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if ctx.doc.layout is None:
            return
        from lint.document.docx_layout import dominant_font  # a .docx only

        bad: list[int] = []
        found: Counter = Counter()
        for line, _role, fmt in paragraphs_with(ctx, ("body", "heading", "attachment")):
            if fmt.alignment in ("center", "right"):
                continue  # not a running paragraph; placement rules judge those
            text = ctx.doc.line_text(line)
            size = dominant_font(fmt.spans, text)[1]
            indent = indent_chars(fmt, text, size)
            if indent >= PLACED_INDENT:
                continue  # pushed far right (a date or subtitle spaced into place), not a paragraph
            if abs(indent - self.chars) > self.tolerance:
                bad.append(line)
                found[f"{indent.quantize(Decimal('0.1')).normalize():f}字"] += 1
        if bad:
            shown = "、".join(f"{count}段缩进{width}" for width, count in found.most_common())
            yield from report_lines(ctx, self, bad, count=len(bad), found=shown, chars=f"{self.chars.normalize():f}")


RULE = BodyIndentRule
