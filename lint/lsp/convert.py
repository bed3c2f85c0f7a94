"""gwlint FileResult → LSP diagnostics and text edits (pure: no server, no I/O).

Positions are converted against the text as the editor holds it: gwlint lints that text with
line breaks normalised and a leading BOM dropped, which changes no line and, except for the
BOM on line 1, no column.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from lint.diagnostics import Diagnostic, FileResult, Severity
from lint.lsp.positions import UTF16, split_lines, to_lsp

SOURCE = "gwlint"

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Finding:
    """One published diagnostic and, when the rule offers one, its fix as an LSP edit."""

    diagnostic: types.Diagnostic
    code: str
    fix: types.TextEdit | None = None
    fix_old_text: str = ""
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
    edit = None
    old_text = ""
    if d.fix is not None:
        f = d.fix
        old_text = text_between(linted_lines, f.line, f.column, f.end_line, f.end_column)
        if old_text != f.replacement:  # a fix that changes nothing is not worth offering
            edit = types.TextEdit(
                range=mapper.range(f.line, f.column, f.end_line, f.end_column), new_text=f.replacement
            )
    return Finding(
        diagnostic=diagnostic, code=d.code, fix=edit, fix_old_text=old_text, fix_safe=d.fix is None or d.fix.safe
    )


def text_between(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> str:
    """The text of ``lines`` (joined by "\\n") from 1-based line:column to end_line:end_column."""
    if not lines:
        return ""
    starts = [0]
    for text in lines[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    joined = "\n".join(lines)

    def offset(ln: int, col: int) -> int:
        ln = min(max(ln, 1), len(lines))
        return starts[ln - 1] + min(max(col - 1, 0), len(lines[ln - 1]))

    return joined[offset(line, column) : offset(end_line, end_column)]


def overlaps(a: types.Range, b: types.Range) -> bool:
    """Whether two LSP ranges touch (an empty range at a diagnostic's edge counts)."""
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _key(position: types.Position) -> tuple[int, int]:
    return position.line, position.character


def non_overlapping(edits: list[types.TextEdit]) -> list[types.TextEdit]:
    """The edits in document order, dropping any that overlap an earlier one (as `--fix` does)."""
    chosen: list[types.TextEdit] = []
    for edit in sorted(edits, key=lambda e: (_key(e.range.start), _key(e.range.end))):
        if chosen and _key(edit.range.start) < _key(chosen[-1].range.end):
            continue
        chosen.append(edit)
    return chosen
