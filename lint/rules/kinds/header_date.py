"""header-date: the 成文日期 of a document with a 红头 (GB/T 9704-2012 §7.3.5.4).

The 成文日期 is the date found by the header reader, and any line that holds nothing but a date
(the signature block of the notice or of its attachment). Dates in running text ("12月31日前")
are not 成文日期 and fall under the NUM rules.

Options (YAML):
  check       zero-padded: 2022年03月08日 (fix: the zeros dropped);
              form: Chinese numerals (二〇二二年三月八日) or . / - separators (2022.3.8)
              (fix: 2022年3月8日);
              invalid: a date that does not exist (2022年2月30日); a 成文日期 later than the
              印发日期 of the 版记 is reported at ``later-severity``.
  not-before  ISO date: documents dated before it are left alone (GB/T 9704-2012 took effect on
              2012-07-01; the older 办法 wrote 成文日期 in Chinese numerals). The document's date
              is its first readable 成文日期, else the year of its 发文字号.
  later-severity  severity of "成文日期 later than 印发日期" (default warning).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.spec import option
from lint.text.numerals import read_date_part

_YEAR = r"(?P<y>[0-9]{4}|[〇零○Ｏ0Oo一二三四五六七八九]{4})"
_MD_CN = r"[一二三四五六七八九十]{1,3}"
DATE_LINE = re.compile(
    r"^[ \t\u3000\u00a0]*(?P<date>" + _YEAR + r"[ \t]*年[ \t]*(?P<m>[0-9]{1,2}|" + _MD_CN + r")[ \t]*月[ \t]*"
    r"(?P<d>[0-9]{1,2}|" + _MD_CN + r")[ \t]*日"
    r"|(?P<sy>[0-9]{4})(?P<sep>[./\-－．／])(?P<sm>[0-9]{1,2})(?P=sep)(?P<sd>[0-9]{1,2})[ \t]*日?)"
    r"[ \t\u3000\u00a0]*$",
    re.M,
)
_PRINTED_DATE = re.compile(r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日\s*印发")
_SENTENCE_PUNCT = re.compile(r"[。，；：！？,;:!?]")
_DOCNUM_YEAR = re.compile(r"[〔\[［(（【][ ]*([0-9]{4})[ ]*[〕\]］)）】]")


class DateParts:
    def __init__(self, match: re.Match):
        self.match = match
        self.separated = match["sy"] is not None
        if self.separated:
            self.y, self.m, self.d = match["sy"], match["sm"], match["sd"]
        else:
            self.y, self.m, self.d = match["y"], match["m"], match["d"]
        self.chinese = not (self.y.isascii() and self.y.isdigit())
        self.values = tuple(read_date_part(part) for part in (self.y, self.m, self.d))

    @property
    def start(self) -> int:
        return self.match.start("date")

    @property
    def end(self) -> int:
        return self.match.end("date")

    def as_date(self) -> date | None:
        y, m, d = self.values
        if y is None or m is None or d is None:
            return None
        try:
            return date(y, m, d)
        except ValueError:
            return None


class HeaderDateRule(RuleSpec):
    kind: Literal["header-date"]
    check_: Literal["zero-padded", "form", "invalid"] = option(alias="check")
    not_before: date | None = option(default=None, alias="not-before")
    later_severity: Literal["error", "warning", "info"] = option(default="warning", alias="later-severity")

    def is_fixable(self) -> bool:
        return self.check_ != "invalid"

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        header = ctx.doc.header
        if not header.found:
            return
        dates = self._dates_of_issue(ctx)
        if self.not_before is not None and self._dated_before(ctx, dates, self.not_before):
            return
        for parts in dates:
            if self.check_ == "zero-padded":
                yield from self._zero_padded(ctx, parts)
            elif self.check_ == "form":
                yield from self._form(ctx, parts)
            else:
                yield from self._invalid(ctx, parts)

    @staticmethod
    def _dates_of_issue(ctx: Context) -> list[DateParts]:
        """Date-only lines that close a signature block (the header date among them): the line
        before is a signatory (short, no sentence punctuation) or the end of the body, and the
        date is not one of a column of dates (a table)."""
        doc = ctx.doc
        found = [DateParts(m) for m in DATE_LINE.finditer(ctx.text)]
        lines = {doc.line_col(parts.start)[0] for parts in found}
        kept = []
        for parts in found:
            line = doc.line_col(parts.start)[0]
            before, after = _neighbour(doc, line, -1), _neighbour(doc, line, 1)
            if before is None or before in lines or after in lines:
                continue
            previous = doc.line_text(before).strip()
            if (len(previous) <= 40 and not _SENTENCE_PUNCT.search(previous)) or previous.endswith(("。", "！")):
                kept.append(parts)
        return kept

    @staticmethod
    def _dated_before(ctx: Context, dates: list[DateParts], not_before: date) -> bool:
        for parts in dates:
            written = parts.as_date()
            if written is not None:
                return written < not_before
        match = _DOCNUM_YEAR.search(ctx.doc.header.doc_number or "")
        if match:
            return int(match.group(1)) < not_before.year
        return False

    def _zero_padded(self, ctx: Context, parts: DateParts) -> Iterator[Diagnostic]:
        if parts.separated or parts.chinese:
            return  # the form rule reports these
        padded = [name for name in ("m", "d") if len(parts.match[name]) == 2 and parts.match[name][0] == "0"]
        if not padded:
            return
        y, m, d = parts.values
        expected = f"{y}年{m}月{d}日"
        yield ctx.diagnostic(self, parts.start, parts.end, fix=(parts.start, parts.end, expected), expected=expected)

    def _form(self, ctx: Context, parts: DateParts) -> Iterator[Diagnostic]:
        if not (parts.separated or parts.chinese):
            return
        written = parts.as_date()
        expected = f"{written.year}年{written.month}月{written.day}日" if written else "YYYY年M月D日"
        fix = (parts.start, parts.end, expected) if written else None
        yield ctx.diagnostic(self, parts.start, parts.end, fix=fix, expected=expected)

    def _invalid(self, ctx: Context, parts: DateParts) -> Iterator[Diagnostic]:
        y, m, d = parts.values
        if y is None or m is None or d is None:
            return
        if y < 1 or not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
            yield ctx.diagnostic(self, parts.start, parts.end, problem="日期不存在", problem_en="no such date")
            return
        printed = self._printed_date(ctx)
        written = parts.as_date()
        if printed is not None and written is not None and written > printed[0]:
            yield ctx.diagnostic(
                self,
                parts.start,
                parts.end,
                severity=self.later_severity,
                problem="成文日期晚于印发日期",
                problem_en="later than the 印发 date",
                related=[("印发日期", printed[1])],
            )

    @staticmethod
    def _printed_date(ctx: Context) -> tuple[date, int] | None:
        header = ctx.doc.header
        if not header.printed or not header.printed_line:
            return None
        match = _PRINTED_DATE.search(header.printed)
        if not match:
            return None
        try:
            printed = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        line_start = ctx.doc.line_starts[header.printed_line - 1]
        offset = ctx.doc.line_text(header.printed_line).find(match.group(0))
        return printed, line_start + max(0, offset)


def _neighbour(doc, line: int, step: int) -> int | None:
    """The nearest non-blank line before (step -1) or after (step 1) ``line``."""
    line += step
    while 1 <= line <= doc.line_count:
        if doc.line_text(line).strip():
            return line
        line += step
    return None


RULE = HeaderDateRule
