"""The one Diagnostic record every rule produces and every formatter consumes.

Plain dataclasses (not pydantic) because they sit on the hot path.
Lines and columns are 1-based and count Unicode code points; end columns are exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Fix:
    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int
    # Safe: only the form changes (punctuation width, dash, bracket, spaces, date form), applied by
    # --fix. Unsafe: a figure, word or unit changes meaning; applied only with --unsafe-fixes.
    safe: bool = True

    def to_dict(self) -> dict:
        return {
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "safe": self.safe,
        }


@dataclass(frozen=True, slots=True)
class Related:
    message: str
    line: int
    column: int

    def to_dict(self) -> dict:
        return {"message": self.message, "line": self.line, "column": self.column}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    # Offsets into Document.text; used by suppression and baselines, not serialised.
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)

    @property
    def sort_key(self) -> tuple:
        return (self.line, self.column, self.code, self.end_line, self.end_column)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": self.fix.to_dict() if self.fix else None,
            "related": [r.to_dict() for r in self.related],
        }


@dataclass(slots=True)
class FileResult:
    """All findings for one file. ``text`` is the decoded text (formatters may show it)."""

    path: str
    kind: str
    diagnostics: list[Diagnostic]
    text: str = ""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)
