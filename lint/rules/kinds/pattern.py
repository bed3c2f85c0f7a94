"""pattern: a regular expression over the text; every match is a finding.

Options (YAML):
  patterns        list of regexes; macros {HAN} {CJK} {CJK_PUNCT} {CN_NUM} {DIGIT} expand to classes.
                  A named group ``flag`` narrows the reported span to that group.
  exceptions      regexes for look-alikes: a match overlapping an exception match is dropped.
  skip-quoted     drop matches inside 《…》 titles and “…” quotes (default false).
  zone            all | header | body: the 红头 front matter, or what follows it (default all).
  fix             replacement template for the flagged span (``\\1`` / ``\\g<name>`` allowed).
  fix-map         per-character replacement applied to the flagged span (e.g. "," → "，").
"""

from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import Field, PrivateAttr, model_validator

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.rules.textutil import expand_macros, merged_spans, quoted_spans


class PatternRule(RuleSpec):
    kind: Literal["pattern"]
    patterns: list[str] = Field(min_length=1)
    exceptions: list[str] = Field(default_factory=list)
    skip_quoted: bool = Field(default=False, alias="skip-quoted")
    zone: Literal["all", "header", "body"] = "all"
    fix: str | None = None
    fix_map: dict[str, str] | None = Field(default=None, alias="fix-map")

    _compiled: list[re.Pattern] = PrivateAttr(default_factory=list)
    _exceptions: re.Pattern | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _compile(self) -> "PatternRule":
        self._compiled = [compile_regex(expand_macros(p), "pattern") for p in self.patterns]
        if self.exceptions:
            joined = "|".join(f"(?:{expand_macros(p)})" for p in self.exceptions)
            self._exceptions = compile_regex(joined, "exception")
        return self

    def is_fixable(self) -> bool:
        return self.fix is not None or self.fix_map is not None

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        text = ctx.text
        low, high = 0, len(text)
        body_line = ctx.doc.header.body_start_line
        if self.zone != "all":
            cut = ctx.doc.line_starts[body_line - 1] if body_line else 0
            low, high = (cut, high) if self.zone == "body" else (0, cut)
        quoted = quoted_spans(text) if self.skip_quoted else None
        exceptions = None
        seen: set[tuple[int, int]] = set()
        for regex in self._compiled:
            for match in regex.finditer(text, low, high):
                if "flag" in regex.groupindex and match.start("flag") >= 0:
                    start, end = match.span("flag")
                else:
                    start, end = match.span()
                if (start, end) in seen:
                    continue
                if quoted is not None and quoted.overlaps(start, end):
                    continue
                if self._exceptions is not None:
                    if exceptions is None:
                        exceptions = merged_spans(m.span() for m in self._exceptions.finditer(text))
                    if exceptions.overlaps(start, end):
                        continue
                seen.add((start, end))
                yield ctx.diagnostic(self, start, end, fix=self._fix_for(match, start, end, text),
                                     **{k: v for k, v in match.groupdict().items() if v is not None})

    def _fix_for(self, match: re.Match, start: int, end: int, text: str):
        if self.fix is not None:
            return (start, end, match.expand(self.fix) if "\\" in self.fix else self.fix)
        if self.fix_map is not None:
            flagged = text[start:end]
            return (start, end, "".join(self.fix_map.get(ch, ch) for ch in flagged))
        return None


RULE = PatternRule
