"""page-margins: 天头 (top margin), 订口 (binding-side margin) and 版心 (text block) size.

The 版心 is the page less its margins (and gutter).  One finding per document lists every
measure that is off, for the first section that is off.

Options (YAML): top, left, text-width, text-height, tolerance (all mm).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import first_line, line_span
from lint.spec import option


def _mm(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'))}".rstrip("0").rstrip(".")


class PageMarginsRule(RuleSpec):
    kind: Literal["page-margins"]
    top: Decimal = Decimal(37)
    left: Decimal = Decimal(28)
    text_width: Decimal = option(default=Decimal(156), alias="text-width")
    text_height: Decimal = option(default=Decimal(225), alias="text-height")
    tolerance: Decimal = Decimal(1)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        line = first_line(ctx)
        if layout is None or line is None:
            return
        from lint.document.docx_layout import twips_to_mm  # a .docx only

        for section in layout.sections:
            if section.width > section.height:
                continue  # a landscape page for a wide table: 特定情况可以作适当调整
            top, left = twips_to_mm(section.top), twips_to_mm(section.left + section.gutter)
            width = twips_to_mm(section.width - section.left - section.right - section.gutter)
            height = twips_to_mm(section.height - section.top - section.bottom)
            problems = []
            if abs(top - self.top) > self.tolerance:
                problems.append(f"天头{_mm(top)} mm（应为{_mm(self.top)}±{_mm(self.tolerance)} mm）")
            if abs(left - self.left) > self.tolerance:
                problems.append(f"订口{_mm(left)} mm（应为{_mm(self.left)}±{_mm(self.tolerance)} mm）")
            if abs(width - self.text_width) > self.tolerance or abs(height - self.text_height) > self.tolerance:
                problems.append(
                    f"版心{_mm(width)}×{_mm(height)} mm（应为{_mm(self.text_width)}×{_mm(self.text_height)} mm）"
                )
            if problems:
                start, end = line_span(ctx, line)
                yield ctx.diagnostic(self, start, end, problems="，".join(problems))
                return


RULE = PageMarginsRule
