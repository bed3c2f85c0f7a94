"""gwlint FileResult → LSP diagnostics and text edits (pure: no server, no I/O).

Positions are converted against the text as the editor holds it: gwlint lints that text with
line breaks normalised and a leading BOM dropped, which changes no line and, except for the
BOM on line 1, no column.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from lint.diagnostics import Diagnostic, FileResult, Severity, text_between
from lint.lsp.positions import UTF16, split_lines, to_lsp

SOURCE = "gwlint"

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Finding:
    """One published diagnostic and, when the rule offers one, its fix: one TextEdit per changed
    mark, applied together, and the change in one line (“,”→“，”（3处）) for the action's title."""

    diagnostic: types.Diagnostic
    code: str
    edits: tuple[types.TextEdit, ...] = ()
    fix_message: str = ""
    fix_safe: bool = True  # unsafe fixes are offered one by one, never in fix-all


class PositionMapper:
    """Maps gwlint 1-based line:column (code points) onto the editor's text."""

    def __init__(self, editor_text: str, encoding: str = UTF16):
        self.lines = split_lines(editor_text)
        self.bom = len(editor_text) - len(editor_text.lstrip("\ufeff"))
        self.encoding = encoding

    def position(self, line: int, column: int) -> types.Position:
        if line == 1:
            column += self.bom
        lsp_line, character = to_lsp(self.lines, line, column, self.encoding)
        return types.Position(line=lsp_line, character=character)

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(line, column), end=self.position(end_line, end_column))


def findings_for(
    result: FileResult,
    editor_text: str,
    uri: str,
    encoding: str = UTF16,
    docs_url: str | None = None,
    paragraphs: bool = False,
) -> list[Finding]:
    """Every diagnostic of ``result`` as an LSP Finding for the document at ``uri``.

    ``docs_url`` is an optional template such as ``https://example.org/rules/{code}`` (``{name}``
    works too) that fills ``codeDescription``; without one the code alone is sent.
    ``paragraphs``: the document is a .docx whose lines are Word paragraphs: each message names
    its paragraph (第N段) and no fix is offered (the editor cannot apply a text edit to it).
    """
    mapper = PositionMapper(editor_text, encoding)
    linted_lines = result.lines
    findings = [_finding(d, mapper, linted_lines, uri, docs_url) for d in result.diagnostics]
    if paragraphs:
        findings = [_in_paragraph(f, d.line) for f, d in zip(findings, result.diagnostics, strict=True)]
    return findings


def _in_paragraph(finding: Finding, paragraph: int) -> Finding:
    """The finding of a .docx paragraph: its message names the paragraph, and it has no fix."""
    finding.diagnostic.message = f"第{paragraph}段：{finding.diagnostic.message}"
    return Finding(diagnostic=finding.diagnostic, code=finding.code)


def _finding(d: Diagnostic, mapper: PositionMapper, linted_lines: list[str], uri: str, docs_url: str | None) -> Finding:
    # gwlint's related locations are points; an empty range there is what LSP offers for one.
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=mapper.range(r.line, r.column, r.line, r.column)), message=r.message
        )
        for r in d.related
    ]
    diagnostic = types.Diagnostic(
        range=mapper.range(d.line, d.column, d.end_line, d.end_column),
        message=d.message,
        severity=SEVERITIES[d.severity],
        code=d.code,
        code_description=types.CodeDescription(href=docs_url.replace("{code}", d.code).replace("{name}", d.name))
        if docs_url
        else None,
        source=SOURCE,
        related_information=related or None,
        data={"name": d.name},
    )
    edits: tuple[types.TextEdit, ...] = ()
    if d.fix is not None:
        edits = tuple(
            types.TextEdit(range=mapper.range(*edit.span), new_text=edit.replacement)
            for edit in d.fix.edits
            if text_between(linted_lines, *edit.span) != edit.replacement  # no edit that changes nothing
        )
    return Finding(
        diagnostic=diagnostic,
        code=d.code,
        edits=edits,
        fix_message=d.fix.message if d.fix is not None else "",
        fix_safe=d.fix is None or d.fix.safe,
    )


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two LSP ranges touch (an empty range at a diagnostic's edge counts)."""
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _key(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def compatible_edits(findings: list[Finding]) -> list[types.TextEdit]:
    """The edits of the findings' fixes that go together, in document order, as `--fix` chooses
    them: a finding whose edits overlap those of an earlier finding is left out whole."""
    from lint.edits import compatible

    groups = [[(_key(e.range.start), _key(e.range.end), e.new_text) for e in f.edits] for f in findings]
    return [
        types.TextEdit(range=types.Range(start=_position(start), end=_position(end)), new_text=new_text)
        for start, end, new_text in compatible(groups)
    ]


def _position(key: tuple[int, int]) -> types.Position:
    return types.Position(line=key[0], character=key[1])
