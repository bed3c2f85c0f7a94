"""Apply diagnostics' fixes to a document's text: non-overlapping, in order, nothing else touched."""

from __future__ import annotations

from lint.diagnostics import Diagnostic
from lint.document.model import Document


def apply_fixes(doc: Document, diagnostics: list[Diagnostic]) -> str | None:
    """Return the text with every non-overlapping fix applied, or None if nothing changed."""
    edits = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None:
            continue
        start = doc.offset(fix.line, fix.column)
        end = doc.offset(fix.end_line, fix.end_column)
        if doc.text[start:end] == fix.replacement:
            continue
        edits.append((start, end, fix.replacement))
    if not edits:
        return None
    edits.sort()
    out = []
    cursor = 0
    for start, end, replacement in edits:
        if start < cursor:  # overlaps an earlier edit: leave it for the next pass
            continue
        out.append(doc.text[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(doc.text[cursor:])
    text = "".join(out)
    return None if text == doc.text else text
