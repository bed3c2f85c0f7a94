"""page-number: 页码 in the footer, 4号半角宋体 digits between two 一字线 (— 1 —), on the outer side.

GB/T 9704 §7.5: 单页码居右空一字，双页码居左空一字 — which needs separate odd and even
footers (w:evenAndOddHeaders).  A document of one page needs no page number, so a missing one
is reported only when the text is longer than ``min-chars`` characters.

Options (YAML): dash ("—"), size (14 pt), fonts (宋体 and aliases, for the digits),
outer-side (true), min-chars (22 × 28), gap-mm (7) and gap-tolerance-mm (4): the 一字线 sits
7 mm below the 版心, read as the bottom margin less the footer distance (w:pgMar/@w:footer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import first_line, font_in, line_span, pt, size_name
from lint.spec import option

if TYPE_CHECKING:
    from lint.document.docx_layout import DocxLayout


class PageNumberRule(RuleSpec):
    kind: Literal["page-number"]
    dash: str = "—"
    size: Decimal = Decimal(14)
    fonts: list[str] = option(default_factory=lambda: ["宋体", "SimSun"])
    outer_side: bool = option(default=True, alias="outer-side")
    min_chars: int = option(default=22 * 28, alias="min-chars")
    # 一字线上距版心下边缘7 mm, read as the bottom margin less the footer distance (the footer
    # line's own height is not known before rendering, hence the tolerance).
    gap_mm: Decimal = option(default=Decimal(7), alias="gap-mm")
    gap_tolerance_mm: Decimal = option(default=Decimal(4), alias="gap-tolerance-mm")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        line = first_line(ctx)
        if layout is None or line is None:
            return
        if layout.page_numbers:
            problems = self._problems(layout)
        elif sum(1 for ch in ctx.doc.text if not ch.isspace()) > self.min_chars:
            problems = ["未设置页码"]
        else:
            problems = []
        if problems:
            start, end = line_span(ctx, line)
            yield ctx.diagnostic(self, start, end, problems="，".join(problems))

    def _problems(self, layout: DocxLayout) -> list[str]:
        checks = (self._form, self._size, self._font, self._side, self._position)
        return [problem for check in checks if (problem := check(layout)) is not None]

    def _form(self, layout: DocxLayout) -> str | None:
        dash = re.escape(self.dash)
        form = re.compile(rf"^[\s\u3000]*{dash}[ \u00a0]?\{{PAGE\}}[ \u00a0]?{dash}[\s\u3000]*$")
        shown = next((n.text for n in layout.page_numbers if not form.match(n.text)), None)
        if shown is None:
            return None
        return f"页码“{shown.strip().replace('{PAGE}', '1')}”应写作“{self.dash} 1 {self.dash}”"

    def _size(self, layout: DocxLayout) -> str | None:
        half_points = int(self.size * 2)
        size = next((n.size for n in layout.page_numbers if n.size is not None and n.size != half_points), None)
        return None if size is None else f"字号{pt(size)}（应为{size_name(self.size)}）"

    def _font(self, layout: DocxLayout) -> str | None:
        font = next(
            (
                n.ascii
                for n in layout.page_numbers
                if n.ascii and not font_in(n.ascii, self.fonts) and not font_in(n.east_asia, self.fonts)
            ),
            None,
        )
        return None if font is None else f"字体{font}（应为{self.fonts[0]}）"

    def _side(self, layout: DocxLayout) -> str | None:
        if not self.outer_side:
            return None
        by_kind = {n.which: n.alignment for n in layout.page_numbers}
        if not layout.even_and_odd or "even" not in by_kind:
            return "未分单双页：单页码应居右、双页码应居左"
        if by_kind.get("default") != "right" or by_kind.get("even") != "left":
            return "单页码应居右、双页码应居左"
        return None

    def _position(self, layout: DocxLayout) -> str | None:
        from lint.document.docx_layout import twips_to_mm  # a .docx only

        setup = layout.sections[0] if layout.sections else None
        if setup is None or setup.footer is None or setup.footer <= 0:
            return None
        gap = twips_to_mm(setup.bottom - setup.footer)
        if abs(gap - self.gap_mm) <= self.gap_tolerance_mm:
            return None
        footer = twips_to_mm(setup.footer).quantize(Decimal("0.1"))
        return f"页码距版心下边缘约{gap.quantize(Decimal('0.1'))} mm（页脚距页面底边{footer} mm），应约{self.gap_mm} mm"


RULE = PageNumberRule
