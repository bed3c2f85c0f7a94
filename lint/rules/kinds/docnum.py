"""docnum: the form of 发文字号 — 机关代字〔年份〕序号号 (GB/T 9704-2012 §7.2.5).

Every 发文字号-shaped string in the text is checked, the one under the 红头 and those cited in
the body ("（浙政发〔2021〕3号）") alike: Han 机关代字, a bracketed year, a serial number, 号.

Options (YAML):
  check           bracket: the year must sit in 六角括号 〔〕 (fix: the brackets);
                  form: no 第 (or 字) before the number, no leading zeros, a four-digit year
                  (fix: 第/字 and the zeros dropped; a two-digit year is only reported).
  require-header  only look at documents with a 红头 (default true): scraped web text is
                  left alone.
  skip-quoted     leave strings inside 《》 and “” alone (default true).
  exceptions      regexes for look-alikes; a match overlapping one is dropped.

Not document numbers: court case numbers "（2022）浙01民初123号" (text follows the bracket),
"3号楼", "（2022）5号地块" (号 starts a place name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.spec import derived, option
from lint.text.spans import merged_spans, quoted_spans

DOCNUM = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{2,14})(?P<open>[〔\[［(（【〖{｛<＜〈])[ \u3000]*(?P<year>[0-9０-９]{2,4})[ \u3000]*"
    r"(?P<close>[〕\]］)）】〗}｝>＞〉])[ \u3000]*(?P<zi>字)?[ \u3000]*(?P<di>第)?[ \u3000]*"
    r"(?P<num>[0-9０-９]{1,5})[ \u3000]*号(?![楼院地线房室库井机码站门口段位桥路街店铺栋幢层区块车船柜])"
)
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class DocNumberRule(RuleSpec):
    kind: Literal["docnum"]
    check_: Literal["bracket", "form"] = option(alias="check")
    require_header: bool = option(default=True, alias="require-header")
    skip_quoted: bool = option(default=True, alias="skip-quoted")
    exceptions: list[str] = option(default_factory=list)

    _exceptions: re.Pattern | None = derived(default=None)

    def __post_init__(self) -> None:
        if self.exceptions:
            self._exceptions = compile_regex("|".join(f"(?:{p})" for p in self.exceptions), "exception")

    def is_fixable(self) -> bool:
        return True

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self.require_header and not ctx.doc.header.found:
            return
        text = ctx.text
        if "号" not in text:
            return
        quoted = quoted_spans(text) if self.skip_quoted else None
        exceptions = None
        for match in DOCNUM.finditer(text):
            start, end = match.start("open"), match.end()
            if quoted is not None and quoted.overlaps(start, end):
                continue
            if self._exceptions is not None:
                if exceptions is None:
                    exceptions = merged_spans(m.span() for m in self._exceptions.finditer(text))
                if exceptions.overlaps(start, end):
                    continue
            if self.check_ == "bracket":
                yield from self._bracket(ctx, match)
            else:
                yield from self._form(ctx, match)

    def _bracket(self, ctx: Context, match: re.Match) -> Iterator[Diagnostic]:
        if match["open"] == "〔" and match["close"] == "〕":
            return
        start, end = match.start("open"), match.end("close")
        year = match["year"].translate(_FULL_DIGITS)
        yield ctx.diagnostic(
            self, start, end, fix=(start, end, f"〔{year}〕"), expected=f"〔{year}〕", docnum=_docnum(match)
        )

    def _form(self, ctx: Context, match: re.Match) -> Iterator[Diagnostic]:
        problems, problems_en = [], []
        number = match["num"].translate(_FULL_DIGITS)
        if match["di"] or match["zi"]:
            problems.append("序号前不加“第”字" if match["di"] else "序号前不加“字”")
            problems_en.append("no 第/字 before the number")
        if len(number) > 1 and number.startswith("0"):
            problems.append("序号不编虚位")
            problems_en.append("no leading zeros")
        year = match["year"].translate(_FULL_DIGITS)
        if len(year) != 4:
            problems.append("年份应标全称")
            problems_en.append("a four-digit year")
        if not problems:
            return
        start, end = match.start("open"), match.end()
        fix = None
        if len(year) == 4:
            tail_start = match.end("close")
            fix = (tail_start, end, f"{int(number)}号")
        expected = f"{match['open']}{year}{match['close']}{int(number)}号" if len(year) == 4 else None
        yield ctx.diagnostic(
            self,
            start,
            end,
            fix=fix,
            docnum=_docnum(match),
            problem="，".join(problems),
            problem_en=", ".join(problems_en),
            expected=expected or "〔YYYY〕N号",
        )


def _docnum(match: re.Match) -> str:
    """The 发文字号 as written, without the words that merely precede it in the sentence."""
    return match.group(0)[-(match.end() - match.start("open")) - min(len(match["org"]), 6) :]


RULE = DocNumberRule
