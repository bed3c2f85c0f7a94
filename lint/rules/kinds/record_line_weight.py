"""record-line-weight: the 版记's separator lines drawn thick at the ends, thin between (§7.4.1).

The lines are read as paragraph borders (``w:pBdr``, widths in eighths of a point): the first
line is the top border of the first 版记 paragraph (or the bottom border of the paragraph
above), the last the bottom border of the last; the borders between 版记 paragraphs are the
middle lines.  A line whose width is not set, and a 版记 in a table or drawn with shapes, are
not judged; missing lines are record-lines' finding.

Options (YAML): thick-mm (0.35), thin-mm (0.25), tolerance-mm (0.05) — the standard's
recommended heights; Word offers 0.75 pt (0.26 mm) and 1 pt (0.35 mm) for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import line_span, paragraphs_with
from lint.spec import option

if TYPE_CHECKING:
    from lint.document.docx_layout import DocxLayout, ParagraphFormat

_MM_PER_EIGHTH_POINT = Decimal("25.4") / Decimal(72) / Decimal(8)


def border_mm(eighths: int) -> Decimal:
    return Decimal(eighths) * _MM_PER_EIGHTH_POINT


class RecordLineWeightRule(RuleSpec):
    kind: Literal["record-line-weight"]
    thick_mm: Decimal = option(default=Decimal("0.35"), alias="thick-mm")
    thin_mm: Decimal = option(default=Decimal("0.25"), alias="thin-mm")
    tolerance_mm: Decimal = option(default=Decimal("0.05"), alias="tolerance-mm")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        layout = ctx.doc.layout
        record = paragraphs_with(ctx, ("record",))
        if layout is None or not record:
            return
        first, last = record[0][0], record[-1][0]
        if any(n not in layout.paragraphs for n in range(first, last + 1)):
            return  # part of the 版记 sits in a table
        problems = []
        for name, width, wanted in self._lines(layout, first, last):
            if width is not None and abs(border_mm(width) - wanted) > self.tolerance_mm:
                shown = border_mm(width).quantize(Decimal("0.01"))
                kind = "粗线" if wanted == self.thick_mm else "细线"
                problems.append(f"{name}{shown} mm（应为{kind}，约{wanted} mm）")
        if problems:
            start, end = line_span(ctx, first)
            yield ctx.diagnostic(self, start, end, problems="，".join(problems))

    def _lines(self, layout: DocxLayout, first: int, last: int) -> Iterator[tuple[str, int | None, Decimal]]:
        """(name, width in eighths of a point, the width wanted) of each line that is drawn."""
        paragraphs = layout.paragraphs
        top = _edge(paragraphs[first], "top", paragraphs.get(first - 1), "bottom")
        if top is not None:
            yield "首条分隔线", top, self.thick_mm
        for line in range(first, last):
            middle = _edge(paragraphs[line], "bottom", paragraphs.get(line + 1), "top")
            if middle is not None:
                yield "中间分隔线", middle, self.thin_mm
        bottom = _edge(paragraphs[last], "bottom", paragraphs.get(last + 1), "top")
        if bottom is not None:
            yield "末条分隔线", bottom, self.thick_mm


def _edge(own: ParagraphFormat, edge: str, neighbour: ParagraphFormat | None, facing: str) -> int | None:
    """The width of the line on ``edge`` of a paragraph: its own border, else the facing border
    of its neighbour (None when no width is set or no line is drawn)."""
    if edge in own.borders:
        return own.borders[edge]
    if neighbour is not None and facing in neighbour.borders:
        return neighbour.borders[facing]
    return None


RULE = RecordLineWeightRule
