"""heading-punct: a document title or a standalone heading line that ends in a point mark.

Two places are judged, both conservatively:
- the document title: the first line of the body, short, ending in a document-type word
  (工作要点, 总结, 通知 …) followed by one of ``marks``;
- a standalone heading: an outline node of one of ``styles`` whose line holds only the marker, a
  short title and a final mark from ``marks`` (nothing after it), and which has children or body
  text under it, so that it is a heading and not a one-sentence list item. Only a heading whose
  siblings mostly end bare is reported: many 政府工作报告 end every heading in 。 by choice.
A heading that runs into its paragraph ("（一）突出科学导向。结合……", "（一）脱贫标准：实现……。")
is not standalone.

Options (YAML):
  marks       characters a title or heading must not end with (default 。，；：).
  styles      outline marker styles treated as headings (default cn-dun, cn-paren).
  max-length  longest heading text (after the marker) considered a heading (default 30).
  title-words regex of document-type words that end a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.spec import derived, option
from lint.text.markers import starts_with_marker

_SENTENCE_INSIDE = re.compile(r"[。；！？!?;：:]")


class HeadingPunctRule(RuleSpec):
    kind: Literal["heading-punct"]
    marks: str = "。，；："
    styles: list[str] = option(default_factory=lambda: ["cn-dun", "cn-paren"])
    max_length: int = option(default=30, alias="max-length", ge=1)
    title_words: str = option(
        default="工作要点|工作总结|工作计划|工作思路|工作报告|实施方案|通知|意见|"
        "公报|办法|规定|细则|纲要|决定|要点|总结|计划|方案|报告",
        alias="title-words",
    )

    _title: re.Pattern = derived()

    def __post_init__(self) -> None:
        self._title = compile_regex(f"(?:{self.title_words})[{re.escape(self.marks)}]$", "title-words")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        for title in self._title_marks(ctx):
            yield ctx.diagnostic(self, title, title + 1, mark=ctx.text[title])
        groups: dict[tuple[int, str], list[tuple[int | None, str]]] = {}
        for node in ctx.outline.walk():
            heading = self._standalone_end(node)
            if heading is not None:
                groups.setdefault((id(node.parent), node.style), []).append(heading)
        for members in groups.values():
            bare = sum(1 for offset, _ in members if offset is None)
            if bare < 2 or bare * 2 <= len(members):
                continue  # a document that ends its headings with 。 does so by choice
            for offset, mark in members:
                if offset is not None:
                    yield ctx.diagnostic(self, offset, offset + 1, mark=mark)

    def _standalone_end(self, node) -> tuple[int | None, str] | None:
        """(offset of the final mark or None, the mark) for a standalone heading; None otherwise."""
        if node.style not in self.styles or node.paragraph is None or node.run_in:
            return None
        paragraph = node.paragraph
        if paragraph.first_line != paragraph.last_line or not (node.children or node.body):
            return None
        stripped = paragraph.text.rstrip()
        body = stripped[len(node.marker) :].strip()
        if not body or len(body) - 1 > self.max_length or _SENTENCE_INSIDE.search(body[:-1]):
            return None
        if body[-1] not in self.marks:
            return (None, "")
        return (paragraph.doc_offset(len(stripped) - 1), body[-1])

    def _title_marks(self, ctx: Context) -> Iterator[int]:
        """The 红头 title line, and the first line of the body (the carried document's title)."""
        doc = ctx.doc
        lines = []
        if doc.header.title_line:
            lines.append(doc.header.title_line)
        first = doc.header.body_start_line or 1
        lines.extend(n for n in range(first, min(doc.line_count, first + 12) + 1) if doc.line_text(n).strip())
        for line in lines[:2] if doc.header.title_line else lines[:1]:
            raw = doc.line_text(line)
            candidate = raw.strip()
            if starts_with_marker(candidate) or len(candidate) > 60 or not self._title.search(candidate):
                continue
            if _SENTENCE_INSIDE.search(candidate[:-1]):
                continue
            yield doc.line_starts[line - 1] + len(raw.rstrip()) - 1


RULE = HeadingPunctRule
