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
from typing import Literal, NamedTuple

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec
from lint.rules.needles import Needles, TextProbe, needles_of

# Pack regexes that could backtrack catastrophically run with a time budget (see regexguard).
from lint.rules.regexguard import compile_guarded as compile_regex
from lint.rules.textutil import expand_macros
from lint.spec import Options, derived, option
from lint.text.spans import SpanSet, merged_spans, quoted_spans


class PatternItem(Options):
    """One pattern with its own severity, fix or document precondition."""

    pattern: str
    severity: Literal["error", "warning", "info"] | None = None
    fix: str | None = None
    requires: str | None = None
    if_contains: list[str] = option(default_factory=list, alias="if-contains")

    # `fix: null` (no fix for this item) differs from no `fix` key (the rule's fix).
    overrides_fix: bool = derived(default=False)

    def keys_given(self, keys: frozenset[str]) -> None:
        self.overrides_fix = "fix" in keys


class Gate(NamedTuple):
    """A document precondition as compiled: `if-contains` strings and a `requires` regex with
    what that regex cannot match without (lint.rules.needles)."""

    if_contains: list[str]
    requires: re.Pattern | None
    requires_needles: Needles

    def holds(self, probe: TextProbe) -> bool:
        if self.if_contains and not any(probe.contains(needle) for needle in self.if_contains):
            return False
        if self.requires is None:
            return True
        return probe.may_match(self.requires_needles) and self.requires.search(probe.text) is not None


class Scan(NamedTuple):
    """One pattern as compiled: its regex, what it cannot match without, its own item and gate."""

    regex: re.Pattern
    needles: Needles
    item: PatternItem | None
    gate: Gate | None


class Compiled(NamedTuple):
    """Everything a PatternRule compiles, kept together: built once when the rule is configured,
    read once per document."""

    scans: list[Scan]
    exceptions: list[tuple[re.Pattern, Needles]]
    gate: Gate


def _gate(if_contains: list[str], requires: str | None) -> Gate:
    regex = compile_regex(expand_macros(requires), "requires") if requires else None
    return Gate(if_contains, regex, needles_of(regex.pattern) if regex is not None else ())


def _scan(entry: str | PatternItem) -> Scan:
    item = entry if isinstance(entry, PatternItem) else None
    source = entry.pattern if isinstance(entry, PatternItem) else entry
    regex = compile_regex(expand_macros(source), "pattern")
    gate = _gate(item.if_contains, item.requires) if item is not None else None
    return Scan(regex, needles_of(regex.pattern), item, gate)


class PatternRule(RuleSpec):
    kind: Literal["pattern"]
    patterns: list[str | PatternItem] = option(min_length=1)
    exceptions: list[str] = option(default_factory=list)
    if_contains: list[str] = option(default_factory=list, alias="if-contains")
    requires: str | None = None
    skip_quoted: bool = option(default=False, alias="skip-quoted")
    group: Literal["match", "line"] = "match"
    zone: Literal["all", "header", "body"] = "all"
    fix: str | None = None
    fix_map: dict[str, str] | Literal["halfwidth"] | None = option(default=None, alias="fix-map")

    # What each regex cannot match without (lint.rules.needles): a document lacking it is not scanned.
    _compiled: Compiled = derived()

    def __post_init__(self) -> None:
        scans = [_scan(entry) for entry in self.patterns]
        # Compiled one by one (not joined) so exceptions may reuse group names such as ``flag``.
        exceptions = [compile_regex(expand_macros(p), "exception") for p in self.exceptions]
        self._compiled = Compiled(
            scans,
            [(regex, needles_of(regex.pattern)) for regex in exceptions],
            _gate(self.if_contains, self.requires),
        )

    def is_fixable(self) -> bool:
        return (
            self.fix is not None
            or self.fix_map is not None
            or any(isinstance(item, PatternItem) and item.fix is not None for item in self.patterns)
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
        compiled = self._compiled
        if not compiled.gate.holds(probe):
            return
        low, high = self._zone_bounds(ctx)
        excluded = _Excluded(probe, quoted_spans(text) if self.skip_quoted else None, compiled.exceptions)
        seen: set[tuple[int, int]] = set()
        for regex, needles, item, gate in compiled.scans:
            if not probe.may_match(needles) or (gate is not None and not gate.holds(probe)):
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
