"""Shared by the LAY rules (GB/T 9704 layout of a .docx): font families, dominant fonts, spans.

Every LAY rule reports one finding per defect per document (a 宋体 body is one finding that
says how many paragraphs), anchored on the first paragraph concerned, with the next few as
related locations.  A document without layout facts (plain text) gets no LAY finding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from lint.rules.base import Context

if TYPE_CHECKING:
    from lint.document.docx_layout import ParagraphFormat
    from lint.document.roles import LineRole

MAX_RELATED = 5
# A line indented this deep (characters) is placed (a date or subtitle pushed right), not indented.
PLACED_INDENT = Decimal(8)


def normalise_font(name: str) -> str:
    return "".join(name.split()).casefold()


def font_in(name: str | None, family: Iterable[str]) -> bool:
    return name is not None and normalise_font(name) in {normalise_font(alias) for alias in family}


def roles(ctx: Context) -> dict[int, LineRole]:
    """The lines' roles, computed once per document (see lint.document.roles.layout_roles)."""
    return ctx.line_roles


def paragraphs_with(ctx: Context, wanted: Iterable[str]) -> list[tuple[int, LineRole, ParagraphFormat]]:
    """(line, role, format) of the body paragraphs (not in tables) whose role is in ``wanted``."""
    layout = ctx.doc.layout
    if layout is None:
        return []
    wanted = set(wanted)
    out = []
    for line, role in sorted(roles(ctx).items()):
        fmt = layout.paragraphs.get(line)
        if fmt is not None and role.role in wanted and ctx.doc.line_text(line).strip():
            out.append((line, role, fmt))
    return out


def line_span(ctx: Context, line: int) -> tuple[int, int]:
    """Document offsets of the line's text without surrounding blanks."""
    text = ctx.doc.line_text(line)
    start = ctx.doc.line_starts[line - 1]
    stripped = text.lstrip(" \t\u3000")
    lead = len(text) - len(stripped)
    return start + lead, start + lead + len(stripped.rstrip(" \t\u3000"))


def first_line(ctx: Context) -> int | None:
    """The first non-blank line: where document-wide findings (page, grid, page numbers) sit."""
    for number, text in enumerate(ctx.doc.lines(), 1):
        if text.strip():
            return number
    return None


def pt(half_points: int | None) -> str:
    if half_points is None:
        return "?"
    value = Decimal(half_points) / 2
    return f"{value.normalize():f}磅"


def size_name(points: Decimal) -> str:
    """16 → 3号 (the Chinese type sizes GB/T 9704 names)."""
    names = {
        Decimal(42): "初号",
        Decimal(26): "1号",
        Decimal(22): "2号",
        Decimal(16): "3号",
        Decimal(14): "4号",
        Decimal(12): "小4号",
        Decimal("10.5"): "5号",
    }
    return names.get(points, f"{points.normalize():f}磅")


def report_lines(ctx: Context, rule, lines: list[int], **values) -> Iterable:
    """One finding on the first of ``lines``, the next few as related locations."""
    if not lines:
        return []
    start, end = line_span(ctx, lines[0])
    related = [("同类问题", ctx.doc.line_starts[n - 1]) for n in lines[1 : 1 + MAX_RELATED]]
    return [ctx.diagnostic(rule, start, end, related=related, **values)]


def describe_counts(counter: Counter, unit: str = "段") -> str:
    """Counter({'宋体': 12, 'Calibri': 2}) → "12段为宋体、2段为Calibri"."""
    return "、".join(f"{count}{unit}为{name}" for name, count in counter.most_common())


def indent_chars(fmt: ParagraphFormat, text: str, size: int | None) -> Decimal:
    """Where the first line starts, in characters of the paragraph's size from the margin:
    left indent + first-line indent, plus leading spaces typed into the text (U+3000 counts one
    character, two ASCII spaces one)."""
    from lint.document.docx_layout import typed_indent  # a .docx only

    char_twips = Decimal((size or 32) * 10)  # half-points → twips: × 10
    total = Decimal(0)
    if fmt.left_chars is not None:
        total += Decimal(fmt.left_chars) / 100
    elif fmt.left is not None:
        total += Decimal(fmt.left) / char_twips
    if fmt.first_line_chars is not None:
        total += Decimal(fmt.first_line_chars) / 100
    elif fmt.first_line is not None:
        total += Decimal(fmt.first_line) / char_twips
    return total + typed_indent(text)
