"""`--format gitlab`: a GitLab Code Quality report (Code Climate JSON subset).

Fingerprints are the stable ones of lint.baseline (code, path, flagged text and its context),
so GitLab's merge request widget compares findings across pipelines, not line numbers.
"""

from __future__ import annotations

import json

from lint.baseline import fingerprints
from lint.diagnostics import FileResult, Severity
from lint.report import ReportMeta

# GitLab's scale is info < minor < major < critical < blocker; gwlint's error is a provable
# defect that should stop the document, not a crash of the pipeline (blocker).
SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}

# Code Climate categories by rule family: wrong figures and unfilled text are risks to what the
# document says; structure is clarity; marks and forms are style. Unknown families (a user
# pack's) are style.
CATEGORIES = {
    "SUM": "Bug Risk",
    "UNIT": "Bug Risk",
    "CNT": "Bug Risk",
    "PH": "Bug Risk",
    "IO": "Bug Risk",
    "TGT": "Clarity",
    "OUT": "Clarity",
    "SEC": "Clarity",
    "LINT": "Clarity",
    "META": "Style",
    "PUNC": "Style",
    "NUM": "Style",
    "FMT": "Style",
}


def category(code: str) -> str:
    return CATEGORIES.get(code.rstrip("0123456789"), "Style")


def to_data(results: list[FileResult], meta: ReportMeta) -> list[dict]:
    issues = []
    for result in results:
        path = result.path.replace("\\", "/").removeprefix("./")
        for d, fingerprint in zip(result.diagnostics, fingerprints(result), strict=True):
            issues.append(
                {
                    "type": "issue",
                    "description": f"{d.message} [{d.code}]",
                    "check_name": d.code,
                    "categories": [category(d.code)],
                    "fingerprint": fingerprint,
                    "severity": SEVERITIES[d.severity],
                    "location": {"path": path, "lines": {"begin": d.line, "end": d.end_line}},
                }
            )
    return issues


def render(results: list[FileResult], meta: ReportMeta) -> str:
    return json.dumps(to_data(results, meta), ensure_ascii=False, indent=2) + "\n"
