"""header-field: the fields around the body of a document with a 红头 (GB/T 9704-2012 §7.3, §7.4).

Options (YAML):
  check  addressee-colon: the 主送 line ends in a full-width ： (§7.3.2). Fix: ： .
         attachment-note: the 附件说明 "附件：1.XXX" numbers items with 1. and ends them with no
                          punctuation (§7.3.4). Fix: 1、 → 1., the trailing point dropped.
         cc-period:       the 抄送 line ends in 。 (§7.4.2). Fix: the point.
         title-mismatch:  the title a 印发/转发 notice quotes in 《》 is the title of the
                          document it carries (the first title line after the notice).
Documents without a 红头 are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.spec import option

_ATTACHMENT = re.compile(r"^[ \t\u3000]*附件[ \t\u3000]*[：:][ \t\u3000]*(?P<rest>\S.*?)?[ \t\u3000]*$", re.M)
_ITEM = re.compile(r"^[ \t\u3000]*(?P<num>[0-9０-９]{1,2})(?P<point>[.．、])\S")
_ITEM_END = re.compile(r"[。．.；;，,、：:]$")
_INNER_PUNCT = re.compile(r"[。；;，,！？!?]")
_CC_END_WRONG = "，,；;.．、：:"
_ISSUES = re.compile(r"印发|转发|下发|颁发|发布")
_TITLE_IN_QUOTES = re.compile(r"《(?P<name>[^《》\n]{2,120})》")
_NORMALISE = str.maketrans({"(": "（", ")": "）", "[": "〔", "]": "〕", "〈": "《", "〉": "》"})
_SPACE = re.compile(r"[\s\u3000\u00a0]+")
_VERSION_BLOCK = re.compile(r"^[ \t\u3000]*(?:抄送|印发|（此件|\(此件)")


class HeaderFieldRule(RuleSpec):
    kind: Literal["header-field"]
    check_: Literal["addressee-colon", "attachment-note", "cc-period", "title-mismatch"] = option(alias="check")

    def is_fixable(self) -> bool:
        return self.check_ != "title-mismatch"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if not ctx.doc.header.found:
            return
        if self.check_ == "addressee-colon":
            yield from self._addressee(ctx)
        elif self.check_ == "attachment-note":
            yield from self._attachment(ctx)
        elif self.check_ == "cc-period":
            yield from self._cc(ctx)
        else:
            yield from self._title(ctx)

    def _line_span(self, ctx: Context, line: int) -> tuple[int, int]:
        start = ctx.doc.line_starts[line - 1]
        text = ctx.doc.line_text(line).rstrip()
        return start, start + len(text)

    def _addressee(self, ctx: Context) -> Iterator[Diagnostic]:
        header = ctx.doc.header
        if not header.addressee_line:
            return
        start, end = self._line_span(ctx, header.addressee_line)
        if end > start and ctx.text[end - 1] == ":":
            yield ctx.diagnostic(self, end - 1, end, fix=(end - 1, end, "："), found=":")

    def _attachment(self, ctx: Context) -> Iterator[Diagnostic]:
        doc = ctx.doc
        for match in _ATTACHMENT.finditer(ctx.text):
            if match["rest"] and not _looks_like_a_name(match["rest"]):
                continue  # a sentence that happens to start with 附件：, not a list of attachments
            first_line, _ = doc.line_col(match.start())
            lines = [first_line] if match["rest"] else []
            line = first_line + 1
            while line <= doc.line_count:
                text = doc.line_text(line)
                if not text.strip():
                    line += 1
                    continue
                if not _ITEM.match(text) or not _looks_like_a_name(text.strip()):
                    break
                lines.append(line)
                line += 1
            numbered = len(lines) > 1 or (lines and _ITEM.match(match["rest"] or ""))
            for number in lines:
                yield from self._attachment_item(ctx, number, first_line, bool(numbered))

    def _attachment_item(self, ctx: Context, line: int, first_line: int, numbered: bool) -> Iterator[Diagnostic]:
        start, end = self._line_span(ctx, line)
        text = ctx.text[start:end]
        if line == first_line:
            head = _ATTACHMENT.match(text)
            offset = head.start("rest") if head and head["rest"] else 0
        else:
            offset = len(text) - len(text.lstrip(" \t\u3000"))
        item = _ITEM.match(text[offset:])
        if numbered and item and item["point"] == "、":
            point = start + offset + item.start("point")
            yield ctx.diagnostic(
                self,
                point,
                point + 1,
                fix=(point, point + 1, "."),
                found="、",
                problem="附件序号应使用下脚点",
                problem_en="number the attachments with 1.",
            )
        last = _ITEM_END.search(text)
        if last and end - 1 > start + offset:
            point = start + last.start()
            yield ctx.diagnostic(
                self,
                point,
                end,
                fix=(point, end, ""),
                found=text[last.start() :],
                problem="附件名称后不加标点",
                problem_en="no punctuation after an attachment name",
            )

    def _cc(self, ctx: Context) -> Iterator[Diagnostic]:
        header = ctx.doc.header
        if not header.cc_line:
            return
        last = header.cc_line
        # A long 抄送 list wraps onto following lines, up to the 印发 line or a blank line.
        line = last + 1
        while (
            line <= ctx.doc.line_count
            and ctx.doc.line_text(line).strip()
            and line != header.printed_line
            and not _VERSION_BLOCK.match(ctx.doc.line_text(line))
        ):
            last = line
            line += 1
        start, end = self._line_span(ctx, last)
        if end <= start or ctx.text[end - 1] == "。":
            return
        if ctx.text[end - 1] in _CC_END_WRONG:
            yield ctx.diagnostic(self, end - 1, end, fix=(end - 1, end, "。"), found=ctx.text[end - 1])
        else:
            yield ctx.diagnostic(self, end - 1, end, fix=(end, end, "。"), found="")

    def _title(self, ctx: Context) -> Iterator[Diagnostic]:
        doc, header = ctx.doc, ctx.doc.header
        if not (header.title and header.title_line and doc.title and doc.title_line):
            return
        if doc.title_line <= header.title_line or not _ISSUES.search(header.title):
            return
        quoted = list(_TITLE_IN_QUOTES.finditer(header.title))
        if len(quoted) != 1:
            return  # several documents, or none named: nothing to compare with certainty
        carried = _normalise(doc.title)
        name = quoted[0]["name"]
        wanted = _normalise(name)
        # Equal, or one a prefix of the other (a title broken over two lines, an abbreviation): fine or unsure.
        if wanted.startswith(carried) or carried.startswith(wanted):
            return
        line_start = doc.line_starts[header.title_line - 1]
        offset = doc.line_text(header.title_line).find(header.title)
        start = line_start + max(0, offset) + quoted[0].start("name")
        title_start = doc.line_starts[doc.title_line - 1] + max(0, doc.line_text(doc.title_line).find(doc.title))
        yield ctx.diagnostic(
            self, start, start + len(name), quoted=name, carried=doc.title, related=[("所附文件标题", title_start)]
        )


def _looks_like_a_name(item: str) -> bool:
    """An attachment name: not too long, and no sentence inside it (a point may end it)."""
    return len(item) <= 80 and not _INNER_PUNCT.search(item[:-1])


def _normalise(title: str) -> str:
    return _SPACE.sub("", title.translate(_NORMALISE)).strip("《》")


RULE = HeaderFieldRule
