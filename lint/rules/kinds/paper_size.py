"""paper-size: every section's page is the prescribed paper (A4, either orientation).

Options (YAML): width, height (mm), tolerance (mm).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import first_line, line_span


class PaperSizeRule(RuleSpec):
    kind: Literal["paper-size"]
    width: Decimal = Decimal(210)
    height: Decimal = Decimal(297)
    tolerance: Decimal = Decimal(1)

    def _fits(self, width: Decimal, height: Decimal) -> bool:
        def close(a: Decimal, b: Decimal) -> bool:
            return abs(a - b) <= self.tolerance

        return (close(width, self.width) and close(height, self.height)) or (
            close(width, self.height) and close(height, self.width)
        )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        line = first_line(ctx)
        if layout is None or line is None:
            return
        from lint.document.docx_layout import twips_to_mm  # a .docx only

        for section in layout.sections:
            width, height = twips_to_mm(section.width), twips_to_mm(section.height)
            if not self._fits(width, height):
                start, end = line_span(ctx, line)
                yield ctx.diagnostic(
                    self, start, end, size=f"{width:.0f}×{height:.0f} mm", expected=f"{self.width:f}×{self.height:f} mm"
                )
                return


RULE = PaperSizeRule
