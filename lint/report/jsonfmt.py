"""`--format json`, schema version 2 (see lint/report/schema.json): a fix is
{applicability, message, edits: [{replacement, line, column, end_line, end_column}]}, one edit per
changed mark (version 1 had one replacement range per fix)."""

from __future__ import annotations

import json

from lint.diagnostics import FileResult
from lint.report import ReportMeta, summary


def to_data(results: list[FileResult], meta: ReportMeta) -> dict:
    return {
        "version": 2,
        "tool": {"name": "gwlint", "version": meta.version},
        "files": [
            {"path": r.path, "kind": r.kind, "diagnostics": [d.to_dict() for d in r.diagnostics]} for r in results
        ],
        "summary": summary(results),
    }


def render(results: list[FileResult], meta: ReportMeta) -> str:
    return json.dumps(to_data(results, meta), ensure_ascii=False, indent=2) + "\n"
