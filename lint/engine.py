"""One configured rule set applied to one Document: kind → rules → suppressions → sorted diagnostics."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import IgnoreEntry, Settings, default_settings
from lint.diagnostics import Diagnostic, FileResult, Severity
from lint.document.model import Document
from lint.errors import InternalError
from lint.options import Overrides, resolve
from lint.rules.base import Context, RuleSpec
from lint.rules.regexguard import compile_guarded
from lint.selection import Selector, check_codes

if TYPE_CHECKING:  # packs (and YAML) load only when an engine is built: cached runs need none
    from lint.analysis import Analysis
    from lint.rules.packs import RuleTable


def path_matches(pattern: str, path: str) -> bool:
    posix = path.replace("\\", "/")
    name = posix.rsplit("/", 1)[-1]
    pattern = pattern.rstrip("/")
    if pattern in ("**", "*"):
        return True
    return (
        fnmatch.fnmatch(posix, pattern)
        or fnmatch.fnmatch(name, pattern)
        or fnmatch.fnmatch(posix, pattern + "/*")
        or fnmatch.fnmatch(posix, "*/" + pattern)
        or fnmatch.fnmatch(posix, "*/" + pattern + "/*")
    )


class Engine:
    def __init__(
        self, settings: Settings | None = None, overrides: Overrides | None = None, table: RuleTable | None = None
    ):
        self.settings = settings or default_settings()
        self.overrides = overrides or Overrides()
        self.effective = effective = resolve(self.settings, self.overrides)
        if table is None:
            from lint.rules.packs import load_rules

            table = load_rules(effective.packs)
        self.table = table
        self.lang = effective.lang
        self.fail_on = effective.fail_on
        self.min_severity = effective.min_severity
        self._validate_codes()
        self.selector = Selector(effective.select, effective.extend_select, effective.ignore, effective.preset)
        self.severity = {code: Severity.parse(sev) for code, sev in self.settings.severity.items()}
        self.rules: list[RuleSpec] = [
            rule
            for rule in self.table.rules.values()
            if self.selector.is_selected(
                rule.code, enabled=rule.enabled, preview=rule.status == "preview", pedantic=rule.pedantic
            )
        ]
        self._ignore_used: dict[int, bool] = {}
        self._ignore_matched_files: dict[int, bool] = {}

    # -- configuration checks -------------------------------------------------------------
    def _validate_codes(self) -> None:
        known = list(self.table.rules)
        s = self.settings
        for key, values in (
            ("select", s.select or []),
            ("extend-select", s.extend_select),
            ("ignore", s.ignore_codes),
            ("severity", list(s.severity)),
        ):
            check_codes(values, known, key, s.source, s.line_of(key))
        for glob, codes in s.per_file_ignores.items():
            check_codes(codes, known, f"per-file-ignores {glob!r}", s.source, s.line_of("per-file-ignores"))
        for entry in s.ignore_entries:
            check_codes([entry.code], known, "ignore", s.source, s.line_of("ignore"))
        o = self.overrides
        for key, values in (("--select", o.select or []), ("--extend-select", o.extend_select), ("--ignore", o.ignore)):
            check_codes(values, known, key, None, None)

    @property
    def codes(self) -> dict[str, RuleSpec]:
        return self.table.rules

    def relative(self, path: str) -> str:
        if self.settings.root is not None:
            try:
                return Path(path).resolve().relative_to(self.settings.root).as_posix()
            except (ValueError, OSError):
                pass
        return Path(path).as_posix()

    def rules_for(self, path: str) -> list[RuleSpec]:
        ignored: list[str] = []
        relative = self.relative(path)
        for glob, codes in self.settings.per_file_ignores.items():
            if path_matches(glob, relative):
                ignored.extend(codes)
        if not ignored:
            return self.rules
        return [r for r in self.rules if not any(r.code.startswith(c) or c == "ALL" for c in ignored)]

    def chosen_kind(self, doc: Document) -> str | None:
        """The kind --kind or the configuration's ``kind:`` globs give, or None to detect it."""
        if self.effective.kind is not None:
            return self.effective.kind
        relative = self.relative(doc.path)
        for glob, kind in self.settings.kind.items():
            if path_matches(glob, relative):
                return kind
        return None

    # -- linting ---------------------------------------------------------------------------
    def lint(self, doc: Document, plan: Document | None = None) -> FileResult:
        """``plan``: the plan ``doc`` answers (`gwlint audit`, `pairs:`), read by the audit rules."""
        return self.lint_analysis(self.analyse(doc, plan))

    def analyse(self, doc: Document, plan: Document | None = None) -> Analysis:
        from lint.analysis import Analysis

        # All three come with the rule table: built once, kept compiled in the rule-table cache.
        table = self.table
        shared = {"lexicon": table.lexicon(), "words": table.statement_words()}
        registry = table.unit_registry()
        planned = Analysis(plan, registry, kind=self.chosen_kind(plan), **shared) if plan is not None else None
        return Analysis(doc, registry, kind=self.chosen_kind(doc), plan=planned, **shared)

    def lint_analysis(self, analysis: Analysis) -> FileResult:
        doc = analysis.doc
        ctx = Context(doc, lang=self.lang, analysis=analysis)
        ctx.severity_override = self.severity
        kind = analysis.kind
        diagnostics: list[Diagnostic] = []
        for rule in self.rules_for(doc.path):
            if rule.applies_to(kind):
                try:
                    diagnostics.extend(list(rule.check(ctx)))
                except Exception as exc:  # one broken rule costs its own findings, no more
                    if os.environ.get("GWLINT_DEBUG"):
                        raise
                    diagnostics.append(self.internal_error(InternalError(rule.code, exc)))
        diagnostics = self._suppress(doc, ctx, diagnostics)
        diagnostics.sort(key=lambda d: d.sort_key)
        diagnostics = [d for d in diagnostics if d.severity >= self.min_severity]
        return FileResult(path=doc.path, kind=kind, diagnostics=diagnostics, text=doc.text)

    def _suppress(self, doc: Document, ctx: Context, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        relative = self.relative(doc.path)
        for index, entry in enumerate(self.settings.ignore_entries):
            if not path_matches(entry.path, relative):
                continue
            self._ignore_matched_files[index] = True
            pattern = compile_guarded(entry.match, "ignore.match", force=True) if entry.match else None
            kept = []
            for d in diagnostics:
                if d.code.startswith(entry.code) and (
                    pattern is None or pattern.search(doc.text[d.start : d.end] or doc.line_text(d.line))
                ):
                    self._ignore_used[index] = True
                else:
                    kept.append(d)
            diagnostics = kept
        if doc.source_format == "md" and "gwlint-" in doc.text:
            from lint.suppress import apply_directives, parse_directives

            directives = parse_directives(doc.text, doc.line_col)
            diagnostics = apply_directives(diagnostics, directives)
            unused_rule = self.table.rules.get("LINT001")
            if unused_rule is not None and unused_rule in self.rules:
                for directive in directives:
                    if not directive.used:
                        diagnostics.append(
                            ctx.diagnostic(
                                unused_rule,
                                directive.start,
                                directive.end,
                                directive=doc.text[directive.start : directive.end],
                            )
                        )
        return diagnostics

    def unused_config_ignores(self) -> list[tuple[IgnoreEntry, int]]:
        """Config ignore entries that applied to a checked file but suppressed nothing."""
        out = []
        for index, entry in enumerate(self.settings.ignore_entries):
            if self._ignore_matched_files.get(index) and not self._ignore_used.get(index):
                out.append((entry, index))
        return out

    def internal_error(self, error: InternalError, line: int = 1) -> Diagnostic:
        """A LINT002 finding for a bug inside gwlint (always reported, whatever the selection)."""
        rule = self.table.rules.get("LINT002")
        values = {"where": error.where, "cause": error.summary}
        message = (
            rule.format_message(self.lang, **values) if rule else f"internal error in {error.where}: {error.summary}"
        )
        return Diagnostic(
            code="LINT002",
            name=rule.name if rule else "internal-error",
            severity=Severity.ERROR,
            message=message,
            line=line,
            column=1,
            end_line=line,
            end_column=1,
        )

    def io_error(self, path: str, cause: str) -> FileResult:
        """A file that cannot be read or decoded is a diagnostic (IO001), not a crash."""
        rule = self.table.rules.get("IO001")
        message = cause
        if rule is not None:
            message = rule.format_message(self.lang, cause=cause)
        diagnostic = Diagnostic(
            code="IO001",
            name=rule.name if rule else "unreadable-file",
            severity=Severity.ERROR,
            message=message,
            line=1,
            column=1,
            end_line=1,
            end_column=1,
        )
        return FileResult(path=path, kind="unknown", diagnostics=[diagnostic], text="")
