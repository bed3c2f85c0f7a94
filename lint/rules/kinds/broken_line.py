"""broken-line: a line break in the middle of a sentence, as PDF extraction leaves them.

The outline already decides which physical lines belong to one paragraph (``Paragraph.joins``:
a long line that stops mid-sentence, continued by the next non-blank line). Each join is one
finding, spanning the break from the end of the broken line to the start of its continuation.

The outline joins generously (so that numbers and lists are read whole); a finding needs more
evidence that the break is a defect, and none is reported when
- the document is Markdown (a soft-wrapped line is how Markdown paragraphs are written),
- the continuation is indented, or starts a bracket, quotation or numbered item (a new paragraph),
- the broken line ends with a closing bracket or quotation mark (a complete unit), or
- the broken line is one of the first lines of the document and has no punctuation (a title).
No fix: joining lines changes the line count, and whether the break was meant is for the author.

Options (YAML): none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.text.markers import starts_with_marker

_INDENT = re.compile(r"[ \t\u3000\u00a0]")
_OPENS_UNIT = set("（(“‘《【〔「『—")
_CLOSES_UNIT = set("）)”’》】〕」』")
_PUNCTUATION = re.compile(r"[，。；：、,;:！？!?]")
_TITLE_ZONE = 3  # non-empty lines at the top of a document that may be title lines


class BrokenLineRule(RuleSpec):
    kind: Literal["broken-line"]

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        doc = ctx.doc
        if doc.source_format == "md":
            return
        top_lines = [n for n in range(1, doc.line_count + 1) if doc.line_text(n).strip()][:_TITLE_ZONE]
        for paragraph in ctx.outline.paragraphs:
            for broken_end, continuation in paragraph.breaks:
                broken_line = doc.line_col(broken_end - 1)[0]
                next_line = doc.line_col(continuation)[0]
                before = doc.line_text(broken_line).rstrip()
                after = doc.line_text(next_line)
                if (
                    _INDENT.match(after)
                    or after[:1] in _OPENS_UNIT
                    or starts_with_marker(after)
                    or before[-1:] in _CLOSES_UNIT
                ):
                    continue
                if broken_line in top_lines and not _PUNCTUATION.search(before):
                    continue
                yield ctx.diagnostic(self, broken_end, continuation)


RULE = BrokenLineRule
