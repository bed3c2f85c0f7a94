"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns count Unicode code points (``columnKind: unicodeCodePoints``), end columns exclusive,
as in every gwlint format. ``partialFingerprints`` hash the code, path, flagged text and its
context (lint.baseline), not the line, so code scanning keeps one alert per finding while the
lines around it move.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from lint.baseline import fingerprints
from lint.diagnostics import Diagnostic, FileResult, Fix, Severity
from lint.report import ReportMeta
from lint.report.rulehelp import help_markdown, help_text, report_rules, short_description

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "gwlint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LEVEL_BY_NAME = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, percent-encoded (RFC 3986)."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    if len(posix) > 1 and posix[1] == ":":  # C:/… on Windows
        return "file:///" + quote(posix, safe="/:")
    return quote(str(PurePosixPath(posix)), safe="/")


def _region(line: int, column: int, end_line: int | None = None, end_column: int | None = None) -> dict:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_line is not None and end_column is not None:
        region["endLine"] = max(end_line, region["startLine"])
        region["endColumn"] = max(end_column, 1)
    return region


def _location(uri: str, region: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def _rule(info, lang: str) -> dict:
    full = " ".join(info.doc[k] for k in ("what", "why") if k in info.doc) or info.name
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": short_description(info)},
        "fullDescription": {"text": full},
        "help": {"text": help_text(info, lang), "markdown": help_markdown(info, lang)},
        "defaultConfiguration": {"level": _LEVEL_BY_NAME.get(info.severity, "warning")},
        "properties": {"tags": [tag for tag in ("gwlint", info.pack) if tag]},
    }


def _result(d: Diagnostic, uri: str, rule_index: int, fingerprint: str, text_lines: list[str]) -> dict:
    region = _region(d.line, d.column, d.end_line, d.end_column)
    if d.line == d.end_line and 1 <= d.line <= len(text_lines):
        snippet = text_lines[d.line - 1][d.column - 1 : d.end_column - 1]
        if snippet:
            region["snippet"] = {"text": snippet}
    result = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [_location(uri, region)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if d.related:
        result["relatedLocations"] = [
            {"id": index, "message": {"text": rel.message}, **_location(uri, _region(rel.line, rel.column))}
            for index, rel in enumerate(d.related, 1)
        ]
    if d.fix is not None:
        result["fixes"] = [_fix(d.fix, uri)]
    return result


def _fix(fix: Fix, uri: str) -> dict:
    """One SARIF fix: one replacement per edit (one per changed mark) in one artifactChange."""
    replacements = [
        {"deletedRegion": _region(*edit.span), "insertedContent": {"text": edit.replacement}} for edit in fix.edits
    ]
    return {
        "description": {"text": fix.message},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def to_data(results: list[FileResult], meta: ReportMeta) -> dict:
    rules = report_rules(results, meta, every_rule=False)  # the rules behind the results, not all 90
    index = {info.code: i for i, info in enumerate(rules)}
    sarif_results = []
    for file_result in results:
        uri = artifact_uri(file_result.path)
        lines = file_result.lines
        for d, fingerprint in zip(file_result.diagnostics, fingerprints(file_result), strict=True):
            sarif_results.append(_result(d, uri, index[d.code], fingerprint, lines))
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gwlint",
                        "version": meta.version,
                        "semanticVersion": meta.version,
                        "rules": [_rule(info, meta.lang) for info in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
                "invocations": [{"executionSuccessful": True}],
            }
        ],
    }


def render(results: list[FileResult], meta: ReportMeta) -> str:
    return json.dumps(to_data(results, meta), ensure_ascii=False, indent=2) + "\n"
