"""Formatters: each module renders list[FileResult] to text. Formatters never filter or judge.

A formatter module defines ``render(results: list[FileResult], meta: ReportMeta) -> str``.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lint.choices import OutputFormat
from lint.diagnostics import FileResult, Fix, Severity

FORMATS = tuple(OutputFormat)
_MODULES = {"json": "jsonfmt"}


@dataclass
class ReportMeta:
    version: str
    rules: Mapping[str, Any] = field(default_factory=dict)  # code → RuleSpec (read lazily by the runner)
    color: bool = False
    lang: str = "zh"
    statistics: bool = False
    width: int | None = None
    fail_on: Severity = Severity.ERROR  # JUnit: only findings at or above it are failures
    tables: list[Any] = field(default_factory=list)  # lint.report.tables.Table: concise, full, html


def summary(results: list[FileResult]) -> dict:
    diagnostics = [d for r in results for d in r.diagnostics]
    return {
        "files": len(results),
        "errors": sum(1 for d in diagnostics if d.severity == Severity.ERROR),
        "warnings": sum(1 for d in diagnostics if d.severity == Severity.WARNING),
        "infos": sum(1 for d in diagnostics if d.severity == Severity.INFO),
    }


def fix_note(fix: Fix) -> str:
    """A fix in one line for the text formats: ``fix: “,”→“，”（3处）``, or ``fix (unsafe): …``
    for one that only ``--unsafe-fixes`` applies."""
    return f"fix{'' if fix.safe else ' (unsafe)'}: {fix.message}"


def render(name: str, results: list[FileResult], meta: ReportMeta) -> str:
    module = importlib.import_module("lint.report." + _MODULES.get(name, name))
    return module.render(results, meta)


def available() -> list[str]:
    out: list[str] = []
    for name in FORMATS:
        try:
            spec = importlib.util.find_spec("lint.report." + _MODULES.get(name, name))
        except ModuleNotFoundError:
            continue
        if spec is not None:
            out.append(name)
    return out
