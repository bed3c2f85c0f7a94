"""gwlint positions (1-based lines, 1-based code-point columns) ↔ LSP positions.

LSP counts lines from 0 and characters in code units of the negotiated position encoding,
UTF-16 unless the client offers another: a character outside the Basic Multilingual Plane
(e.g. the CJK extension character 𠀀 U+20000) is one gwlint column but two UTF-16 units.
Pure functions on plain values so they can be tested without a server.
"""

from __future__ import annotations

import re

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"

# LSP and gwlint agree on what ends a line.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their breaks (a final break yields a last empty line)."""
    return _LINE_BREAK.split(text)


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    # A lone surrogate (possible in a str, not in a real editor buffer) counts as one unit.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def column_to_character(line_text: str, column: int, encoding: str = UTF16) -> int:
    """1-based code-point ``column`` on ``line_text`` → 0-based LSP character.

    Columns past the end of the line (an exclusive end at the line end is ``len + 1``) clamp to
    the line end, as LSP asks of positions beyond a line.
    """
    index = min(max(column - 1, 0), len(line_text))
    return units(line_text[:index], encoding)


def character_to_column(line_text: str, character: int, encoding: str = UTF16) -> int:
    """0-based LSP ``character`` on ``line_text`` → 1-based code-point column.

    A character pointing into the middle of a multi-unit code point rounds down to that
    code point; one past the end clamps to the line end.
    """
    if character <= 0:
        return 1
    count = 0
    for index, ch in enumerate(line_text):
        width = units(ch, encoding)
        if count + width > character:
            return index + 1
        count += width
    return len(line_text) + 1


def to_lsp(lines: list[str], line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
    """1-based (line, column) → 0-based (line, character); lines past the end clamp to the end."""
    if not lines:
        return 0, 0
    index = min(max(line - 1, 0), len(lines) - 1)
    if line - 1 >= len(lines):
        return index, units(lines[index], encoding)
    return index, column_to_character(lines[index], column, encoding)


def from_lsp(lines: list[str], line: int, character: int, encoding: str = UTF16) -> tuple[int, int]:
    """0-based (line, character) → 1-based (line, column)."""
    if not lines:
        return 1, 1
    if line >= len(lines):
        return len(lines), len(lines[-1]) + 1
    index = max(line, 0)
    return index + 1, character_to_column(lines[index], character, encoding)
