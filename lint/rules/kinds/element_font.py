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
from decimal import Decimal
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.document.docx_layout import dominant_font
from lint.rules.base import Context, RuleSpec
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
        half_points = int(self.size * 2)
        bad_lines: list[int] = []
        wrong_fonts: dict[str, Counter] = {}
        wrong_sizes: Counter = Counter()
        wrong_align: Counter = Counter()
        expected: dict[str, str] = {}
        for line, role, fmt in paragraphs_with(ctx, wanted):
            if self.element == "body" and fmt.alignment in ("center", "right"):
                continue  # a subtitle or a placed line (——在…会议上), not running text
            text = ctx.doc.line_text(line)
            if self.element == "body" and role.role == "heading":
                start, end = role.head_end, len(text)  # the body text after a run-in heading
                if not text[start:].strip():
                    continue
            elif self.element == "heading":
                start, end = role.head_start, role.head_end
            else:
                start, end = 0, len(text)
            key = role.style if self.element == "heading" else next(iter(self.fonts))
            family = self.fonts.get(key or "")
            if family is None:
                continue
            font, size = dominant_font(fmt.spans, text, start, end)
            bad = False
            label = _STYLE_NAMES.get(key or "", "") if self.element == "heading" else ""
            if font is not None and not font_in(font, family):
                wrong_fonts.setdefault(label, Counter())[font] += 1
                expected[label] = key or ""
                bad = True
            if size is not None and size != half_points:
                wrong_sizes[pt(size)] += 1
                bad = True
            if self.align is not None and (fmt.alignment or "left") != self.align:
                wrong_align[_ALIGN_NAMES.get(fmt.alignment, fmt.alignment)] += 1
                bad = True
            if bad:
                bad_lines.append(line)
        if not bad_lines:
            return
        problems = []
        for label, counter in wrong_fonts.items():
            family_name = self.fonts[expected[label]][0] if self.element == "heading" else next(iter(self.fonts))
            prefix = f"{label}应为{family_name}，" if label else ""
            problems.append(prefix + describe_counts(counter))
        if wrong_sizes:
            problems.append(f"字号应为{size_name(self.size)}（{pt(half_points)}），" + describe_counts(wrong_sizes))
        if wrong_align:
            problems.append(f"应{_ALIGN_NAMES[self.align]}，" + describe_counts(wrong_align))
        yield from report_lines(ctx, self, bad_lines, problems="；".join(problems), count=len(bad_lines))


RULE = ElementFontRule
