"""pattern: a regular expression over the text; every match is a finding.

Options (YAML):
  patterns        list of regexes; macros {HAN} {CJK} {CJK_PUNCT} {CN_NUM} {DIGIT} {UNIT} {LATIN}
                  expand to classes, {CN_MARKER} / {MARKER} to the marker table's 一、 / any marker.
                  A named group ``flag`` narrows the reported span to that group.
                  An item may instead be a mapping ``{pattern, severity, fix, requires}``: its own
                  severity, its own fix (``fix: null`` for none), and ``requires``, a regex that must
                  occur somewhere in the document for the item to run (e.g. ％ only where % is used).
  requires        a regex the document must contain for the rule to run at all (a gate, as
                  ``if-contains``, for patterns too costly to scan every document with).
  if-contains     list of plain strings: the rule (or, inside an item, the item) runs only on a
                  document containing at least one of them. A cheap gate (substring search) that
                  skips the regex scans on the many documents that cannot match.
  exceptions      regexes for look-alikes: a match overlapping an exception match is dropped.
  skip-quoted     drop matches inside 《…》 titles and “…” quotes (default false).
  zone            all | header | body: the 红头 front matter, or what follows it (default all).
  fix             replacement template for the flagged span (``\\1`` / ``\\g<name>`` allowed).
  fix-map         per-character replacement applied to the flagged span (e.g. "," → "，"), or
                  ``halfwidth``: each full-width ASCII form (０-９, Ａ-Ｚ, ．, －, ％ …) becomes its
                  ASCII twin.
  group           match (default): one finding per match; line: the matches on one line become one
                  finding spanning them all, with their fixes combined and ``{count}`` in the message
                  (``{match}`` is then the first match) — for defects that come by the hundred.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.needles import Needles, TextProbe, needles_of

# Pack regexes that could backtrack catastrophically run with a time budget (see regexguard).
from lint.rules.regexguard import compile_guarded as compile_regex
from lint.rules.textutil import expand_macros
from lint.text.spans import SpanSet, merged_spans, quoted_spans


class PatternItem(BaseModel):
    """One pattern with its own severity, fix or document precondition."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)
    pattern: str
    severity: Literal["error", "warning", "info"] | None = None
    fix: str | None = None
    requires: str | None = None
    if_contains: list[str] = Field(default_factory=list, alias="if-contains")

    _requires: re.Pattern | None = PrivateAttr(default=None)
    _requires_needles: Needles = PrivateAttr(default=())

    @property
    def overrides_fix(self) -> bool:
        return "fix" in self.model_fields_set


class PatternRule(RuleSpec):
    kind: Literal["pattern"]
    patterns: list[str | PatternItem] = Field(min_length=1)
    exceptions: list[str] = Field(default_factory=list)
    if_contains: list[str] = Field(default_factory=list, alias="if-contains")
    requires: str | None = None
    skip_quoted: bool = Field(default=False, alias="skip-quoted")
    group: Literal["match", "line"] = "match"
    zone: Literal["all", "header", "body"] = "all"
    fix: str | None = None
    fix_map: dict[str, str] | Literal["halfwidth"] | None = Field(default=None, alias="fix-map")

    _compiled: list[re.Pattern] = PrivateAttr(default_factory=list)
    _items: list[PatternItem | None] = PrivateAttr(default_factory=list)
    _exceptions: list[re.Pattern] = PrivateAttr(default_factory=list)
    _requires: re.Pattern | None = PrivateAttr(default=None)
    # What each regex cannot match without (lint.rules.needles): a document lacking it is not scanned.
    _needles: list[Needles] = PrivateAttr(default_factory=list)
    _exception_needles: list[Needles] = PrivateAttr(default_factory=list)
    _requires_needles: Needles = PrivateAttr(default=())

    @model_validator(mode="after")
    def _compile(self) -> PatternRule:
        self._compiled, self._items = [], []
        for entry in self.patterns:
            item = entry if isinstance(entry, PatternItem) else None
            source = entry.pattern if isinstance(entry, PatternItem) else entry
            self._compiled.append(compile_regex(expand_macros(source), "pattern"))
            if item is not None and item.requires:
                item._requires = compile_regex(expand_macros(item.requires), "requires")
                item._requires_needles = needles_of(item._requires.pattern)
            self._items.append(item)
        # Compiled one by one (not joined) so exceptions may reuse group names such as ``flag``.
        self._exceptions = [compile_regex(expand_macros(p), "exception") for p in self.exceptions]
        if self.requires:
            self._requires = compile_regex(expand_macros(self.requires), "requires")
            self._requires_needles = needles_of(self._requires.pattern)
        self._needles = [needles_of(regex.pattern) for regex in self._compiled]
        self._exception_needles = [needles_of(regex.pattern) for regex in self._exceptions]
        return self

    def is_fixable(self) -> bool:
        return (
            self.fix is not None
            or self.fix_map is not None
            or any(item is not None and item.fix is not None for item in self._items)
        )

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        hits: Iterable[tuple] = self._hits(ctx)
        if self.group == "line":
            hits = self._by_line(ctx, hits)
        for start, end, fix, severity, values in hits:
            yield ctx.diagnostic(self, start, end, fix=fix, severity=severity, **values)

    def _by_line(self, ctx: Context, hits: Iterable[tuple]) -> list[tuple]:
        """Merge the hits on each line (same severity) into one, whose fix holds the hits' edits."""
        groups: dict[tuple[int, str | None], list[tuple]] = {}
        for hit in hits:
            groups.setdefault((ctx.doc.line_col(hit[0])[0], hit[3]), []).append(hit)
        merged = []
        text = ctx.text
        for (_, severity), members in groups.items():
            members.sort(key=lambda hit: hit[0])
            start, end = members[0][0], max(hit[1] for hit in members)
            fixes = [hit[2] for hit in members]
            # One fix of the members' edits, when every member has one and none overlaps the next.
            ordered = None not in fixes and all(a[1] <= b[0] for a, b in pairwise(fixes))
            fix = fixes if ordered else None
            values = dict(members[0][4])
            values.setdefault("match", text[members[0][0] : members[0][1]])
            values["count"] = len(members)
            merged.append((start, end, fix, severity, values))
        return sorted(merged, key=lambda hit: hit[0])

    def _hits(self, ctx: Context) -> Iterator[tuple]:
        text = ctx.text
        probe = ctx.analysis.probe
        if not _preconditions_hold(probe, self.if_contains, self._requires, self._requires_needles):
            return
        low, high = self._zone_bounds(ctx)
        exceptions = list(zip(self._exceptions, self._exception_needles, strict=True))
        excluded = _Excluded(probe, quoted_spans(text) if self.skip_quoted else None, exceptions)
        seen: set[tuple[int, int]] = set()
        for regex, item, needles in zip(self._compiled, self._items, self._needles, strict=True):
            if not _item_runs(probe, item, needles):
                continue
            severity = item.severity if item is not None else None
            for match in regex.finditer(text, low, high):
                start, end = _flagged_span(regex, match)
                if (start, end) in seen or excluded.covers(start, end):
                    continue
                seen.add((start, end))
                values = {k: v for k, v in match.groupdict().items() if v is not None}
                values.setdefault("count", 1)
                yield (start, end, self._fix_for(match, start, end, text, item), severity, values)

    def _zone_bounds(self, ctx: Context) -> tuple[int, int]:
        """The part of the text the patterns search: all of it, the header or the body."""
        if self.zone == "all":
            return 0, len(ctx.text)
        body_line = ctx.doc.header.body_start_line
        cut = ctx.doc.line_starts[body_line - 1] if body_line else 0
        return (cut, len(ctx.text)) if self.zone == "body" else (0, cut)

    def _fix_for(self, match: re.Match, start: int, end: int, text: str, item: PatternItem | None = None):
        if item is not None and item.overrides_fix:
            if item.fix is None:
                return None
            return (start, end, match.expand(item.fix) if "\\" in item.fix else item.fix)
        if self.fix is not None:
            return (start, end, match.expand(self.fix) if "\\" in self.fix else self.fix)
        if self.fix_map == "halfwidth":
            return (start, end, to_halfwidth(text[start:end]))
        if isinstance(self.fix_map, dict):
            mapping = self.fix_map
            return (start, end, "".join(mapping.get(ch, ch) for ch in text[start:end]))
        return None


def _preconditions_hold(
    probe: TextProbe, if_contains: list[str], requires: re.Pattern | None, requires_needles: Needles
) -> bool:
    """`if-contains` (any of these strings) and `requires` (this pattern) of a rule or one pattern."""
    if if_contains and not any(probe.contains(needle) for needle in if_contains):
        return False
    if requires is None:
        return True
    return probe.may_match(requires_needles) and requires.search(probe.text) is not None


def _item_runs(probe: TextProbe, item: PatternItem | None, needles: Needles) -> bool:
    """Whether one pattern is scanned: its own preconditions hold and the text may hold a match."""
    if item is not None and not _preconditions_hold(probe, item.if_contains, item._requires, item._requires_needles):
        return False
    return probe.may_match(needles)


def _flagged_span(regex: re.Pattern, match: re.Match) -> tuple[int, int]:
    """The `flag` group when the pattern has one and it took part, else the whole match."""
    if "flag" in regex.groupindex and match.start("flag") >= 0:
        return match.span("flag")
    return match.span()


class _Excluded:
    """Where a match is not reported: quoted text (`skip-quoted`) and the matches of the rule's
    `exceptions` (searched and merged on first need)."""

    def __init__(self, probe: TextProbe, quoted: SpanSet | None, exceptions: list[tuple[re.Pattern, Needles]]):
        self.probe = probe
        self.quoted = quoted
        self.exceptions = exceptions
        self._merged: SpanSet | None = None

    def covers(self, start: int, end: int) -> bool:
        if self.quoted is not None and self.quoted.overlaps(start, end):
            return True
        if not self.exceptions:
            return False
        if self._merged is None:
            text, probe = self.probe.text, self.probe
            spans = sorted(
                m.span() for regex, needles in self.exceptions if probe.may_match(needles) for m in regex.finditer(text)
            )
            self._merged = merged_spans(spans)
        return self._merged.overlaps(start, end)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII forms (U+FF01–U+FF5E) to ASCII; everything else unchanged."""
    return "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)


RULE = PatternRule
