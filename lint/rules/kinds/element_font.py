"""element-font: the font, size (and alignment) of one element of a 公文: 标题, 正文 or 层次标题.

Options (YAML):
  element  title | body | heading
  fonts    family name → its aliases; for ``heading`` the keys are marker styles
           (cn-dun 一、, cn-paren （一）, arabic-dot 1., arabic-paren （1）), otherwise one key
  size     pt (3号 = 16, 2号 = 22)
  align    optional: center | left | right | both
Centred and right-aligned lines are not body text (subtitles, placed lines).
The font is the one carrying most of the element's Chinese text (the run's, else the styles',
else the document defaults).  A run-in heading is judged on its marker and title (up to its
point); the rest of its paragraph is body text.  One finding per document: the first paragraph
concerned, with counts per font and size in the message.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec

if TYPE_CHECKING:
    from lint.document.docx_layout import ParagraphFormat
    from lint.document.roles import LineRole
from lint.rules.kinds._layout import (
    describe_counts,
    font_in,
    paragraphs_with,
    pt,
    report_lines,
    size_name,
)

_STYLE_NAMES = {
    "cn-dun": "一级标题（一、）",
    "cn-paren": "二级标题（一）",
    "arabic-dot": "三级标题（1.）",
    "arabic-paren": "四级标题（1）",
}
_ALIGN_NAMES = {
    "center": "居中",
    "left": "左对齐",
    "right": "右对齐",
    "both": "两端对齐",
    "distribute": "分散对齐",
    None: "左对齐",
}


class ElementFontRule(RuleSpec):
    kind: Literal["element-font"]
    element: Literal["title", "body", "heading"]
    fonts: dict[str, list[str]]
    size: Decimal
    align: Literal["center", "left", "right", "both"] | None = None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if ctx.doc.layout is None:
            return
        wanted = {"title": ["title"], "body": ["body", "heading", "attachment"], "heading": ["heading"]}[self.element]
        tally = _Tally()
        for line, role, fmt in paragraphs_with(ctx, wanted):
            judged = self._judged(ctx.doc.line_text(line), role, fmt)
            if judged is not None and self._judge(tally, fmt, *judged):
                tally.lines.append(line)
        if tally.lines:
            problems = "；".join(self._problems(tally))
            yield from report_lines(ctx, self, tally.lines, problems=problems, count=len(tally.lines))

    def _judged(self, text: str, role: LineRole, fmt: ParagraphFormat) -> tuple[str, int, int, str] | None:
        """(text, start, end, font key) of the stretch of a paragraph this element covers, or
        None when the paragraph is not judged."""
        if self.element == "body" and fmt.alignment in ("center", "right"):
            return None  # a subtitle or a placed line (——在…会议上), not running text
        if self.element == "body" and role.role == "heading":
            start, end = role.head_end, len(text)  # the body text after a run-in heading
            if not text[start:].strip():
                return None
        elif self.element == "heading":
            start, end = role.head_start, role.head_end
        else:
            start, end = 0, len(text)
        key = (role.style or "") if self.element == "heading" else next(iter(self.fonts))
        return (text, start, end, key) if key in self.fonts else None

    def _judge(self, tally: _Tally, fmt: ParagraphFormat, text: str, start: int, end: int, key: str) -> bool:
        """Count what is wrong with one paragraph's stretch; True when something is."""
        from lint.document.docx_layout import dominant_font  # a .docx only

        font, size = dominant_font(fmt.spans, text, start, end)
        bad = False
        if font is not None and not font_in(font, self.fonts[key]):
            label = _STYLE_NAMES.get(key, "") if self.element == "heading" else ""
            tally.fonts.setdefault(label, Counter())[font] += 1
            tally.expected[label] = key
            bad = True
        if size is not None and size != int(self.size * 2):
            tally.sizes[pt(size)] += 1
            bad = True
        if self.align is not None and (fmt.alignment or "left") != self.align:
            tally.align[_ALIGN_NAMES.get(fmt.alignment, fmt.alignment)] += 1
            bad = True
        return bad

    def _problems(self, tally: _Tally) -> Iterator[str]:
        for label, counter in tally.fonts.items():
            family_name = self.fonts[tally.expected[label]][0] if self.element == "heading" else next(iter(self.fonts))
            prefix = f"{label}应为{family_name}，" if label else ""
            yield prefix + describe_counts(counter)
        if tally.sizes:
            yield f"字号应为{size_name(self.size)}（{pt(int(self.size * 2))}），" + describe_counts(tally.sizes)
        if tally.align and self.align is not None:
            yield f"应{_ALIGN_NAMES[self.align]}，" + describe_counts(tally.align)


@dataclass
class _Tally:
    """What is wrong across the element's paragraphs: fonts by heading label, sizes, alignments."""

    lines: list[int] = field(default_factory=list)
    fonts: dict[str, Counter] = field(default_factory=dict)
    expected: dict[str, str] = field(default_factory=dict)  # heading label → font key
    sizes: Counter = field(default_factory=Counter)
    align: Counter = field(default_factory=Counter)


RULE = ElementFontRule
