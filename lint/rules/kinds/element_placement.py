"""element-placement: where 发文字号, 成文日期 and 附件说明 sit on the line.

Options (YAML):
  element  docnum:     centred under the 发文机关标志 (§7.2.5); a 上行文 line that also carries
                       签发人 is left alone (§7.2.6 puts the number on the left there);
           date:       right-aligned, or pushed right by an indent (§7.3.5: 右空四字);
           attachment: after the body, before the signature and date, two characters in (§7.3.4).
  chars    the attachment note's indent (2).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.kinds._layout import (
    PLACED_INDENT,
    indent_chars,
    line_span,
    paragraphs_with,
    roles,
)

_ALIGN = {
    "center": "居中",
    "right": "右对齐",
    "left": "左对齐",
    "both": "两端对齐",
    None: "左对齐",
    "distribute": "分散对齐",
}


class ElementPlacementRule(RuleSpec):
    kind: Literal["element-placement"]
    element: Literal["docnum", "date", "attachment"]
    chars: Decimal = Decimal(2)

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if ctx.doc.layout is None:
            return
        for line, _role, fmt in paragraphs_with(ctx, (self.element,)):
            text = ctx.doc.line_text(line)
            problem = self._problem(ctx, line, text, fmt)
            if problem:
                start, end = line_span(ctx, line)
                yield ctx.diagnostic(self, start, end, problem=problem)
                return

    def _problem(self, ctx: Context, line: int, text: str, fmt) -> str | None:
        from lint.document.docx_layout import dominant_font  # a .docx only

        alignment = fmt.alignment
        if self.element == "docnum":
            if "签发人" in text or alignment == "center":
                return None
            return f"发文字号应居中，现为{_ALIGN.get(alignment, alignment)}"
        size = dominant_font(fmt.spans, text)[1]
        indent = indent_chars(fmt, text, size)
        if self.element == "date":
            if alignment == "right" or (alignment in (None, "left", "both") and indent >= PLACED_INDENT):
                return None
            return f"成文日期应右空四字编排，现为{_ALIGN.get(alignment, alignment)}"
        closing = [n for n, r in roles(ctx).items() if r.role in ("signature", "date") and n > 0]
        if closing and line > max(closing):
            return "附件说明应在正文之下、署名和成文日期之前"
        if alignment in ("center", "right") or abs(indent - self.chars) > Decimal("0.3"):
            shown = _ALIGN.get(alignment, alignment)
            return f"附件说明应左空二字，现为{shown}、缩进{indent.quantize(Decimal('0.1')).normalize():f}字"
        return None


RULE = ElementPlacementRule
