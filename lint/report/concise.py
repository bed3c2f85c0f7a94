"""`path:line:col: severity: message [CODE]`, one line per finding."""

from __future__ import annotations

from lint.diagnostics import FileResult
from lint.report import ReportMeta


def render(results: list[FileResult], meta: ReportMeta) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            lines.append(f"{result.path}:{d.line}:{d.column}: {d.severity.label}: {d.message} [{d.code}]")
    out = "\n".join(lines) + ("\n" if lines else "")
    if meta.tables:
        from lint.report.tables import as_text

        out += "".join("\n" + as_text(table) for table in meta.tables)
    return out
