"""page-number: 页码 in the footer, 4号半角宋体 digits between two 一字线 (— 1 —), on the outer side.

GB/T 9704 §7.5: 单页码居右空一字，双页码居左空一字 — which needs separate odd and even
footers (w:evenAndOddHeaders).  A document of one page needs no page number, so a missing one
is reported only when the text is longer than ``min-chars`` characters.

Options (YAML): dash ("—"), size (14 pt), fonts (宋体 and aliases, for the digits),
outer-side (true), min-chars (22 × 28).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import Field

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import first_line, font_in, line_span, pt, size_name


class PageNumberRule(RuleSpec):
    kind: Literal["page-number"]
    dash: str = "—"
    size: Decimal = Decimal(14)
    fonts: list[str] = Field(default_factory=lambda: ["宋体", "SimSun"])
    outer_side: bool = Field(default=True, alias="outer-side")
    min_chars: int = Field(default=22 * 28, alias="min-chars")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        line = first_line(ctx)
        if layout is None or line is None:
            return
        problems = []
        numbers = layout.page_numbers
        if not numbers:
            if sum(1 for ch in ctx.doc.text if not ch.isspace()) > self.min_chars:
                problems.append("未设置页码")
        else:
            dash = re.escape(self.dash)
            form = re.compile(rf"^[\s\u3000]*{dash}[ \u00a0]?\{{PAGE\}}[ \u00a0]?{dash}[\s\u3000]*$")
            shown = next((n.text for n in numbers if not form.match(n.text)), None)
            if shown is not None:
                problems.append(f"页码“{shown.strip().replace('{PAGE}', '1')}”应写作“{self.dash} 1 {self.dash}”")
            half_points = int(self.size * 2)
            size = next((n.size for n in numbers if n.size is not None and n.size != half_points), None)
            if size is not None:
                problems.append(f"字号{pt(size)}（应为{size_name(self.size)}）")
            font = next(
                (
                    n.ascii
                    for n in numbers
                    if n.ascii and not font_in(n.ascii, self.fonts) and not font_in(n.east_asia, self.fonts)
                ),
                None,
            )
            if font is not None:
                problems.append(f"字体{font}（应为{self.fonts[0]}）")
            if self.outer_side:
                by_kind = {n.which: n.alignment for n in numbers}
                if not layout.even_and_odd or "even" not in by_kind:
                    problems.append("未分单双页：单页码应居右、双页码应居左")
                elif by_kind.get("default") != "right" or by_kind.get("even") != "left":
                    problems.append("单页码应居右、双页码应居左")
        if problems:
            start, end = line_span(ctx, line)
            yield ctx.diagnostic(self, start, end, problems="，".join(problems))


RULE = PageNumberRule
