"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message``; info becomes
``::notice``. Values are escaped as the runner expects, or a message containing "::" or a
newline would end the command early.
"""

from __future__ import annotations

from lint.diagnostics import FileResult, Severity
from lint.report import ReportMeta, fix_note

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], meta: ReportMeta) -> str:
    lines = []
    for result in results:
        path = escape_property(result.path.replace("\\", "/"))
        for d in result.diagnostics:
            message = d.message
            for rel in d.related:
                message += f"\n{result.path}:{rel.line}:{rel.column}: {rel.message}"
            if d.fix is not None:
                message += "\n" + fix_note(d.fix)
            lines.append(
                f"::{COMMANDS[d.severity]} file={path},line={d.line},col={d.column},"
                f"endLine={d.end_line},endColumn={d.end_column},"
                f"title={escape_property(d.code)}::{escape_data(message)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
