"""line-grid: about 22 lines a page and 28 characters a line (GB/T 9704 §5.2.2.3).

Measured on the prescribed 版心 (``text-width`` × ``text-height``), not the document's, so
that wrong margins (LAY002) are not reported twice.  Lines a page = 版心 height ÷ line pitch,
where the pitch is the body's exact (or at-least) line spacing, else the document grid's line
pitch when the page has a line grid.  Characters a line = 版心 width ÷ the character grid's
pitch (default size + w:charSpace); without a character grid the characters a line follow
from the body font size, which LAY004 judges.
When the pitch cannot be known (automatic spacing without a grid depends on the font's
metrics) the rule says nothing.

Options (YAML): lines (22), chars (28), tolerance (1), text-width (156 mm), text-height (225 mm).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import first_line, line_span, paragraphs_with
from lint.spec import option

if TYPE_CHECKING:
    from lint.document.docx_layout import PageSetup


class LineGridRule(RuleSpec):
    kind: Literal["line-grid"]
    lines: int = 22
    chars: int = 28
    tolerance: int = 1
    text_width: Decimal = option(default=Decimal(156), alias="text-width")
    text_height: Decimal = option(default=Decimal(225), alias="text-height")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        line = first_line(ctx)
        if layout is None or not layout.sections or line is None:
            return
        section = layout.sections[-1]  # the body's own section properties
        body = paragraphs_with(ctx, ("body",))
        if not body:
            return
        spacing = Counter((fmt.line_spacing, fmt.line_rule) for _, _, fmt in body).most_common(1)[0][0]
        problems = []
        pitch = _line_pitch(section, *spacing)
        if pitch:
            lines = int((self.text_height * _TWIPS_PER_MM / pitch).to_integral_value(rounding=ROUND_FLOOR))
            if abs(lines - self.lines) > self.tolerance:
                problems.append(f"每面约{lines}行（应为{self.lines}行）")
        char_pitch = _char_pitch(section, layout.default_size)
        if char_pitch:
            chars = int((self.text_width * _TWIPS_PER_MM / char_pitch).to_integral_value(rounding=ROUND_FLOOR))
            if abs(chars - self.chars) > self.tolerance:
                problems.append(f"每行约{chars}字（应为{self.chars}字）")
        if problems:
            start, end = line_span(ctx, line)
            yield ctx.diagnostic(self, start, end, problems="，".join(problems))


_TWIPS_PER_MM = Decimal(1440) / Decimal("25.4")


def _line_pitch(section: PageSetup, value: int | None, rule: str | None) -> Decimal | None:
    """Twips from one body line to the next: the fixed line spacing, else the document grid's
    pitch when single spacing snaps to it (None: not known before rendering)."""
    if value and rule in ("exact", "atLeast"):
        return Decimal(value)
    on_line_grid = section.grid_type in ("lines", "linesAndChars") and section.line_pitch
    if on_line_grid and (value is None or (rule in (None, "auto") and value <= 240)):
        return Decimal(section.line_pitch or 0) or None
    return None


def _char_pitch(section: PageSetup, default_size: int | None) -> Decimal | None:
    """Twips per character on a character grid (None without one)."""
    if section.grid_type not in ("linesAndChars", "snapToChars") or not default_size:
        return None
    pitch = Decimal(default_size * 10) + Decimal(section.char_space or 0) * 20 / 4096
    return pitch if pitch > 0 else None


RULE = LineGridRule
