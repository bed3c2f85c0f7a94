"""One finding per rule and line: repeats of a rule on one line become related locations.

Applied to what `gwlint check` reports (rules, rule cases and the editor see every finding).

A template with 178 X's is one PH001 per line (“本行共12处”), not 178 findings. Findings that
carry a fix or related locations of their own stay separate: each fix is its own edit, and
related locations (the parts of a total…) belong to one claim.
"""

from __future__ import annotations

from dataclasses import replace

from lint.diagnostics import Diagnostic, FileResult, Related

COUNT_SUFFIX = {"zh": "（本行共{count}处）", "en": " ({count} on this line)"}


def merge_repeats(diagnostics: list[Diagnostic], lang: str = "zh") -> list[Diagnostic]:
    """``diagnostics`` sorted by position; the result keeps that order."""
    groups: dict[tuple[str, int], list[Diagnostic]] = {}
    for d in diagnostics:
        if d.fix is None and not d.related:
            groups.setdefault((d.code, d.line), []).append(d)
    merged: dict[int, Diagnostic] = {}
    dropped: set[int] = set()
    suffix = COUNT_SUFFIX.get(lang, COUNT_SUFFIX["en"])
    for group in groups.values():
        if len(group) < 2:
            continue
        first, rest = group[0], group[1:]
        merged[id(first)] = replace(
            first,
            message=first.message + suffix.format(count=len(group)),
            related=tuple(Related(d.message, d.line, d.column) for d in rest),
        )
        dropped.update(id(d) for d in rest)
    if not merged:
        return diagnostics
    return [merged.get(id(d), d) for d in diagnostics if id(d) not in dropped]


def merge_results(results: list[FileResult], lang: str = "zh") -> list[FileResult]:
    return [
        FileResult(path=r.path, kind=r.kind, diagnostics=merge_repeats(r.diagnostics, lang), text=r.text)
        for r in results
    ]
