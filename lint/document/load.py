"""Entry points: path/bytes/text → Document (decoded, line index, 红头 header, title)."""

from __future__ import annotations

import re
from pathlib import Path

from lint.document.header import parse_header
from lint.document.model import DecodeError, Document
from lint.document.read import decode, split_lines

_FORMATS = {".md": "md", ".markdown": "md", ".docx": "docx"}
_TITLE_END = re.compile(r"[。；，：:;,]$")
# Lines between a notice and the document it carries that are not that document's title.
_NOT_A_TITLE = re.compile(r"^(?:[（(]此件[^）)]*[）)]|附件\s*[0-9０-９]*)$")


def source_format_of(path: str) -> str:
    return _FORMATS.get(Path(path).suffix.lower(), "txt")


def load_path(path: Path, display: str | None = None) -> Document:
    """Read and decode a file. Raises OSError (unreadable) or DecodeError (not text)."""
    data = path.read_bytes()
    return load_bytes(data, display or str(path), source_format_of(str(path)))


def load_bytes(data: bytes, path: str, source_format: str = "txt") -> Document:
    if source_format == "docx":
        from lint.document.docx import read_docx

        content = read_docx(data)
        lines = content.lines
        doc = _build("\n".join(lines), path, "docx", "docx", False, ["\n"] * (len(lines) - 1) + [""])
        doc.layout = content.layout
        return doc
    text, encoding, bom = decode(data)
    normalised, endings = split_lines(text)
    return _build(normalised, path, source_format, encoding, bom, endings)


def load_text(text: str, path: str = "<text>", source_format: str = "txt") -> Document:
    normalised, endings = split_lines(text.lstrip("\ufeff"))
    return _build(normalised, path, source_format, "utf-8", False, endings)


def _build(text: str, path: str, source_format: str, encoding: str, bom: bool, endings: list[str]) -> Document:
    doc = Document(path=path, text=text, encoding=encoding, bom=bom, source_format=source_format, line_endings=endings)
    lines = doc.lines()
    doc.header = parse_header(lines)
    start = doc.header.body_start_line or 1
    for lineno in range(start, min(len(lines), start + 12) + 1):
        candidate = lines[lineno - 1].strip().lstrip("#").strip()
        if len(candidate) > 80:  # checked first: the patterns below need not see a 1 MB line
            break
        if not candidate or _NOT_A_TITLE.match(candidate):
            continue
        from lint.text.markers import starts_with_marker

        if starts_with_marker(candidate) or _TITLE_END.search(candidate):
            break
        doc.title, doc.title_line = candidate, lineno
        break
    return doc


__all__ = ["load_path", "load_bytes", "load_text", "DecodeError", "source_format_of"]
