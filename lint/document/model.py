"""The Document: decoded text plus everything needed to map offsets back to line:column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lint.text.spans import line_col, line_starts

if TYPE_CHECKING:
    from lint.document.docx_layout import DocxLayout


class DecodeError(Exception):
    """The bytes are not a readable text document (reported as IO001, not raised to the user)."""


@dataclass
class Header:
    """红头 front matter of a 通知 (only the parts that were found)."""

    issuer: str | None = None
    issuer_line: int | None = None
    doc_number: str | None = None
    doc_number_line: int | None = None
    title: str | None = None
    title_line: int | None = None
    addressee: str | None = None
    addressee_line: int | None = None
    signatory: str | None = None
    signatory_line: int | None = None
    date: str | None = None  # as written, e.g. 2022年3月2日
    date_line: int | None = None
    printed: str | None = None  # the 印发 line
    printed_line: int | None = None
    cc: str | None = None  # 抄送 line
    cc_line: int | None = None
    body_start_line: int | None = None  # first line of the carried document

    def iso_date(self) -> str | None:
        from lint.document.header import iso_date

        return iso_date(self.date) if self.date else None

    def to_dict(self) -> dict:
        out: dict = {}
        for key in ("issuer", "doc_number", "title", "addressee", "signatory"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.date:
            out["date"] = self.iso_date() or self.date
        if self.printed:
            out["printed"] = self.printed
        return out

    @property
    def found(self) -> bool:
        return bool(self.issuer or self.doc_number or self.addressee or self.date)


@dataclass
class Document:
    """A decoded document. ``text`` uses "\\n" line breaks; columns count code points."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    source_format: str = "txt"  # txt | md | docx
    line_endings: list[str] = field(default_factory=list)
    title: str | None = None
    title_line: int | None = None
    header: Header = field(default_factory=Header)
    line_starts: list[int] = field(default_factory=list)
    # .docx only: page setup, paragraph formats and page numbers (the LAY rules read them).
    layout: DocxLayout | None = None

    def __post_init__(self) -> None:
        if not self.line_starts:
            self.line_starts = line_starts(self.text)

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_text(self, line: int) -> str:
        """Text of 1-based ``line`` without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    def lines(self) -> list[str]:
        return self.text.split("\n")

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset into ``text``."""
        return line_col(self.text, self.line_starts, offset)

    def offset(self, line: int, column: int) -> int:
        line = max(1, min(line, len(self.line_starts)))
        return self.line_starts[line - 1] + column - 1

    def restore(self, text: str) -> str:
        """Put the original line endings back on normalised ``text`` (same line count)."""
        if all(e in ("\n", "") for e in self.line_endings):
            return text
        parts = text.split("\n")
        endings = self.line_endings
        return "".join(part + (endings[i] if i < len(endings) else "\n") for i, part in enumerate(parts))
