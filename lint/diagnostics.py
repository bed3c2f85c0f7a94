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
class Edit:
    """Replace line:column up to end_line:end_column (exclusive) by ``replacement``; an empty
    range is an insertion, an empty replacement a deletion."""

    replacement: str
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def span(self) -> tuple[int, int, int, int]:
        return self.line, self.column, self.end_line, self.end_column

    def to_dict(self) -> dict:
        return {
            "replacement": self.replacement,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True, slots=True)
class Fix:
    """One finding's fix: small edits (one per changed mark, never one spanning untouched text),
    applied together or not at all, and a one-line description of the change (“,”→“，”×3)."""

    edits: tuple[Edit, ...]
    # Safe: only the form changes (punctuation width, dash, bracket, spaces, date form), applied by
    # --fix. Unsafe: a figure, word or unit changes meaning; applied only with --unsafe-fixes.
    safe: bool = True
    message: str = ""

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"

    def to_dict(self) -> dict:
        return {
            "applicability": self.applicability,
            "message": self.message,
            "edits": [edit.to_dict() for edit in self.edits],
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


def text_between(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> str:
    """The text of ``lines`` (joined by "\\n") from 1-based line:column to end_line:end_column,
    positions beyond the text clamped to it."""
    if not lines:
        return ""
    first, last = _clamp(lines, line, column), _clamp(lines, end_line, end_column)
    if last <= first:
        return ""
    if first[0] == last[0]:
        return lines[first[0]][first[1] : last[1]]
    middle = lines[first[0] + 1 : last[0]]
    return "\n".join([lines[first[0]][first[1] :], *middle, lines[last[0]][: last[1]]])


def _clamp(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """0-based (line, column) inside ``lines``."""
    index = min(max(line, 1), len(lines)) - 1
    return index, min(max(column - 1, 0), len(lines[index]))
