"""`--format rdjson`: reviewdog's Diagnostic Format (rdjson).

reviewdog counts columns in UTF-8 bytes, gwlint in code points: 报告 is 2 columns to gwlint and
6 to reviewdog. Columns are converted with the line's text; end positions stay exclusive.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any

from lint.diagnostics import FileResult, Severity
from lint.report import ReportMeta

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def byte_column(lines: list[str], line: int, column: int) -> int:
    """1-based UTF-8 byte column of a 1-based code-point column on ``line``."""
    if not 1 <= line <= len(lines):
        return column
    text = lines[line - 1]
    index = max(column - 1, 0)
    return len(text[:index].encode("utf-8")) + 1 + max(0, index - len(text))


def _range(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> dict:
    return {
        "start": {"line": line, "column": byte_column(lines, line, column)},
        "end": {"line": end_line, "column": byte_column(lines, end_line, end_column)},
    }


def _project_url() -> str | None:
    try:
        urls = metadata.metadata("gwlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    return urls[0].split(",", 1)[-1].strip() if urls else None


def to_data(results: list[FileResult], meta: ReportMeta) -> dict:
    source = {"name": "gwlint"}
    url = _project_url()
    if url:
        source["url"] = url
    diagnostics = []
    for result in results:
        lines = result.lines
        for d in result.diagnostics:
            item: dict[str, Any] = {
                "message": d.message,
                "location": {"path": result.path, "range": _range(lines, d.line, d.column, d.end_line, d.end_column)},
                "severity": SEVERITIES[d.severity],
                "source": source,
                "code": {"value": d.code},
            }
            if d.fix is not None:  # one suggestion per edit, applied together
                item["suggestions"] = [{"range": _range(lines, *e.span), "text": e.replacement} for e in d.fix.edits]
            diagnostics.append(item)
    return {"source": source, "diagnostics": diagnostics}


def render(results: list[FileResult], meta: ReportMeta) -> str:
    return json.dumps(to_data(results, meta), ensure_ascii=False, indent=2) + "\n"
