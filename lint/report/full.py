"""Editor-style snippets: the source line with a caret under the span (wide CJK aware).

Uses rich for colour; colour is off for NO_COLOR and when the output is not a terminal.
"""

from __future__ import annotations

import unicodedata

from lint.diagnostics import FileResult, Fix, Severity
from lint.report import ReportMeta, fix_note

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
_PLACES = 8  # positions listed after a fix with several edits
_CONTEXT = 36  # code points of context shown either side of a span in very long lines


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end) so the snippet stays readable."""
    left = max(0, start - _CONTEXT)
    right = min(len(line), max(end, start + 1) + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, start - left + len(prefix), end - left + len(prefix)


def _places(fix: Fix) -> str:
    """Where a fix with several edits changes the text: `` @ 3:12 3:20`` (the first few)."""
    if len(fix.edits) < 2:
        return ""
    shown = " ".join(f"{e.line}:{e.column}" for e in fix.edits[:_PLACES])
    return f" @ {shown}" + (" …" if len(fix.edits) > _PLACES else "")


def render(results: list[FileResult], meta: ReportMeta) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.markup import escape

    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=meta.color,
        no_color=not meta.color,
        width=meta.width or 200,
        highlight=False,
        soft_wrap=True,
    )
    for result in results:
        lines = result.lines
        for d in result.diagnostics:
            style = _STYLE[d.severity]
            console.print(
                f"[bold]{escape(result.path)}:{d.line}:{d.column}:[/bold] "
                f"[{style}]{d.severity.label}[/{style}][{d.code}] {escape(d.message)}"
            )
            if 1 <= d.line <= len(lines) and lines[d.line - 1].strip():
                line = lines[d.line - 1]
                end_col = d.end_column if d.end_line == d.line else len(line) + 1
                snippet, s, e = _window(line, d.column - 1, end_col - 1)
                gutter = f"{d.line:>5} │ "
                console.print(f"[dim]{gutter}[/dim]{escape(snippet)}")
                pad = " " * (len(gutter) + cell_width(snippet[:s]))
                carets = "^" * max(1, cell_width(snippet[s:e]))
                console.print(f"{pad}[{style}]{carets}[/{style}]")
            if d.fix is not None:
                console.print(f"      [green]{escape(fix_note(d.fix))}[/green]{_places(d.fix)}")
            for rel in d.related:
                console.print(f"      [dim]{escape(result.path)}:{rel.line}:{rel.column}: {escape(rel.message)}[/dim]")
            console.print()
    if meta.tables:
        from lint.report.tables import as_text

        for table in meta.tables:
            console.print(escape(as_text(table)))
    return buffer.getvalue()
