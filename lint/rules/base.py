"""RuleSpec (the base every rule kind extends), RuleDoc, and the per-document Context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from lint.choices import DocKind
from lint.diagnostics import Diagnostic, Edit, Fix, Related, Severity
from lint.spec import Options, derived, option

if TYPE_CHECKING:
    from lint.analysis import Analysis
    from lint.document.model import Document
    from lint.edits import Span
    from lint.outline.model import Outline

CODE_PATTERN = r"^[A-Z]{2,4}\d{3}$"
NAME_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class RuleDoc(Options):
    """What `gwlint rule CODE` prints."""

    what: str = option(min_length=1)
    why: str = option(min_length=1)
    wrong: str = option(min_length=1)
    right: str = option(min_length=1)
    standard: str = option(min_length=1)


class RuleDocTranslation(Options):
    """A translation of a RuleDoc (pack key `doc-zh`); a field left out falls back to English."""

    what: str | None = option(None, min_length=1)
    why: str | None = option(None, min_length=1)
    wrong: str | None = option(None, min_length=1)
    right: str | None = option(None, min_length=1)
    standard: str | None = option(None, min_length=1)


class RuleCase(Options):
    """A rule test case: text in, exact findings out (``CODE line:col[-end_line:end_col]``)."""

    name: str | None = None
    text: str
    expect: list[str] = option(default_factory=list)
    kind: DocKind | None = None
    config: dict[str, Any] = option(default_factory=dict)
    fixed: str | None = None
    rules: Literal["self", "all"] = "self"
    path: str = "case.txt"
    # A .docx case: the text is built into a Word document with this layout (lint.review.textdocx
    # LayoutSpec; {} is the GB/T 9704 layout) and read back through the .docx reader.
    docx: dict[str, Any] | None = None
    # An audit case: the plan the text (a summary) is checked against (`gwlint audit`).
    plan: str | None = None


class _SafeFormat(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class RuleSpec(Options):
    """One configured rule: a plain class (lint.spec), validated from YAML by pydantic
    only when the rule table is built. Kinds subclass this, add their options, and implement
    ``check``; a kind computes what it needs from its options in ``__post_init__``."""

    code: str = option(pattern=CODE_PATTERN)
    name: str = option(pattern=NAME_PATTERN)
    kind: str
    severity: Literal["error", "warning", "info"]
    message: str = option(min_length=1)
    message_en: str | None = option(None, alias="message-en")
    doc: RuleDoc
    doc_zh: RuleDocTranslation | None = option(None, alias="doc-zh")
    doc_kinds: list[DocKind] | None = option(None, alias="doc-kinds")
    skip_kinds: list[DocKind] = option(default_factory=list, alias="skip-kinds")
    enabled: bool = True
    status: Literal["stable", "preview"] = "stable"
    # Outside the default selection: runs with `preset: pedantic`, `select: [ALL]` or when selected.
    pedantic: bool = False
    # unsafe: the rule's fix changes a figure, a word or a unit (applied only with --unsafe-fixes).
    fix_safety: Literal["safe", "unsafe"] = option("safe", alias="fix-safety")
    tests: list[RuleCase] = option(default_factory=list)

    # Set by the pack loader (not YAML keys).
    pack: str = derived(default="")
    source: str = derived(default="")
    source_line: int = derived(default=0)

    #: Whether diagnostics of this kind can carry a mechanical fix.
    fixable: ClassVar[bool] = False

    def applies_to(self, doc_kind: str) -> bool:
        if doc_kind in self.skip_kinds:
            return False
        return self.doc_kinds is None or doc_kind in self.doc_kinds

    @property
    def default_severity(self) -> Severity:
        return Severity.parse(self.severity)

    def doc_for(self, lang: str) -> RuleDoc:
        """The documentation in ``lang`` (zh | en), each missing Chinese field taken from English.

        Chinese comes from the rule's own `doc-zh`, else from the built-in rules/docs-zh.yaml
        (read on first use: only `gwlint rule(s)` and the documenting reports need it).
        """
        if lang != "zh":
            return self.doc
        from lint.rules.docs_zh import chinese_doc

        return chinese_doc(self)

    def is_fixable(self) -> bool:
        return self.fixable

    def check(self, ctx: Context) -> Iterable[Diagnostic]:  # pragma: no cover - abstract
        raise NotImplementedError

    def format_message(self, lang: str, **values: Any) -> str:
        template = self.message_en if lang == "en" and self.message_en else self.message
        return template.format_map(_SafeFormat(values))


# True while a user's pack loads: every pattern it holds then runs under the regex time budget
# (lint.rules.regexguard), whatever its shape; the built-in packs' patterns are reviewed here.
GUARD_EVERY_PATTERN: ContextVar[bool] = ContextVar("GUARD_EVERY_PATTERN", default=False)


def compile_regex(pattern: str, what: str = "pattern", flags: int = 0) -> re.Pattern:
    """Compile a pack regex; a bad one becomes a ValueError the pack loader reports with file:line."""
    if GUARD_EVERY_PATTERN.get():
        from lint.rules.regexguard import compile_guarded

        return compile_guarded(pattern, what, flags)  # type: ignore[return-value]
    return _compile(pattern, what, flags)


def _compile(pattern: str, what: str, flags: int) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"{what} {pattern!r} does not compile: {exc}") from None


class Context:
    """Everything a rule may look at for one document. Rules never read files.

    What is derived from the document (kind, outline, quantities, statements) lives in its
    ``Analysis``, computed once and shared by every rule.
    """

    def __init__(self, doc: Document, lang: str = "zh", registry: Any = None, analysis: Analysis | None = None):
        from lint.analysis import Analysis

        self.doc = doc
        self.lang = lang
        self.analysis = analysis if analysis is not None else Analysis(doc, registry)
        self.severity_override: dict[str, Severity] = {}

    @property
    def kind(self) -> str:
        return self.analysis.kind

    @property
    def outline(self) -> Outline:
        return self.analysis.outline

    @property
    def line_roles(self) -> dict:
        """Line → LineRole (标题, 层次标题, 正文, 成文日期 …) for the layout rules."""
        return self.analysis.line_roles

    @property
    def quantities(self) -> list:
        return self.analysis.quantities

    @property
    def unit_registry(self) -> Any:
        return self.analysis.unit_registry

    @property
    def text(self) -> str:
        return self.doc.text

    def diagnostic(
        self,
        rule: RuleSpec,
        start: int,
        end: int,
        *,
        fix: Span | list[Span] | None = None,
        related: Iterable[tuple[str, int]] = (),
        severity: str | Severity | None = None,
        message: str | None = None,
        **values: Any,
    ) -> Diagnostic:
        """Build a Diagnostic from document offsets ``[start, end)``.

        ``fix`` is (start, end, replacement) in document offsets, or a list of them applied together
        (each becomes the smallest edits that make its change); ``related`` is (message, offset).
        """
        doc = self.doc
        end = max(end, start)
        line, column = doc.line_col(start)
        end_line, end_column = doc.line_col(end)
        fix_obj = self._fix(rule, fix) if fix is not None else None
        related_objs = tuple(Related(msg, *doc.line_col(off)) for msg, off in related)
        sev = Severity.parse(severity) if severity is not None else rule.default_severity
        sev = self.severity_override.get(rule.code, sev)
        values.setdefault("match", doc.text[start:end])
        text = message if message is not None else rule.format_message(self.lang, **values)
        return Diagnostic(
            code=rule.code,
            name=rule.name,
            severity=sev,
            message=text,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix_obj,
            related=related_objs,
            start=start,
            end=end,
        )

    def _fix(self, rule: RuleSpec, fix: Span | list[Span]) -> Fix | None:
        """The Fix for a rule's replacement(s): minimal edits in document order, described in the
        document's language; None when nothing would change."""
        from lint.edits import describe, split_edit

        doc = self.doc
        spans = sorted(
            edit
            for start, end, text in (fix if isinstance(fix, list) else [fix])
            for edit in split_edit(doc.text, start, end, text)
        )
        if not spans:
            return None
        edits = tuple(Edit(text, *doc.line_col(start), *doc.line_col(end)) for start, end, text in spans)
        message = describe(((doc.text[start:end], text) for start, end, text in spans), self.lang)
        return Fix(edits, safe=rule.fix_safety == "safe", message=message)


def iter_checks(rules: Iterable[RuleSpec], ctx: Context) -> Iterator[Diagnostic]:
    for rule in rules:
        if rule.applies_to(ctx.kind):
            yield from rule.check(ctx)
