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

from lint.document.docx_layout import typed_indent
from lint.rules.base import Context

if TYPE_CHECKING:
    from lint.document.docx_layout import FontSpan, ParagraphFormat
    from lint.document.roles import LineRole

MAX_RELATED = 5
# A line indented this deep (characters) is placed (a date or subtitle pushed right), not indented.
PLACED_INDENT = Decimal(8)


def normalise_font(name: str) -> str:
    return "".join(name.split()).casefold()


def font_in(name: str | None, family: Iterable[str]) -> bool:
    return name is not None and normalise_font(name) in {normalise_font(alias) for alias in family}


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f" \
        or "\uff00" <= ch <= "\uffef"


def dominant_font(spans: Iterable[FontSpan], text: str, start: int = 0,
                  end: int | None = None) -> tuple[str | None, int | None]:
    """(East-Asian font, size in half-points) carrying most of the CJK text in [start, end).

    Text without CJK characters is judged by its ASCII font.  (None, None) when nothing shows.
    """
    end = len(text) if end is None else end
    fonts: Counter = Counter()
    sizes: Counter = Counter()
    latin_fonts: Counter = Counter()
    for span in spans:
        lo, hi = max(span.start, start), min(span.end, end)
        if lo >= hi:
            continue
        chunk = text[lo:hi]
        cjk = sum(1 for ch in chunk if is_cjk(ch))
        visible = sum(1 for ch in chunk if not ch.isspace())
        if cjk:
            fonts[span.east_asia] += cjk
        elif visible:
            latin_fonts[span.ascii] += visible
        if visible:
            sizes[span.size] += visible
    font = fonts.most_common(1)[0][0] if fonts else (latin_fonts.most_common(1)[0][0] if latin_fonts else None)
    size = sizes.most_common(1)[0][0] if sizes else None
    return font, size


def roles(ctx: Context) -> dict[int, LineRole]:
    """The text's line roles, with a title set over several paragraphs joined up: a paragraph
    right after a title line, centred and in the title's size, continues the title."""
    from lint.document.roles import LineRole, line_roles

    found = line_roles(ctx.doc, ctx.outline)
    layout = ctx.doc.layout
    if layout is None:
        return found
    for line in sorted(n for n, r in found.items() if r.role == "title"):
        title = layout.paragraphs.get(line)
        if title is None:
            continue
        size = dominant_font(title.spans, ctx.doc.line_text(line))[1]
        following = line + 1
        while found.get(following) is not None and found[following].role in ("body", "other"):
            fmt = layout.paragraphs.get(following)
            text = ctx.doc.line_text(following)
            if fmt is None or fmt.alignment != "center" or dominant_font(fmt.spans, text)[1] != size:
                break
            found[following] = LineRole("title")
            following += 1
    return found


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
    names = {Decimal(42): "初号", Decimal(26): "1号", Decimal(22): "2号", Decimal(16): "3号",
             Decimal(14): "4号", Decimal(12): "小4号", Decimal("10.5"): "5号"}
    return names.get(points, f"{points.normalize():f}磅")


def report_lines(ctx: Context, rule, lines: list[int], **values) -> Iterable:
    """One finding on the first of ``lines``, the next few as related locations."""
    if not lines:
        return []
    start, end = line_span(ctx, lines[0])
    related = [("同类问题", ctx.doc.line_starts[n - 1]) for n in lines[1:1 + MAX_RELATED]]
    return [ctx.diagnostic(rule, start, end, related=related, **values)]


def describe_counts(counter: Counter, unit: str = "段") -> str:
    """Counter({'宋体': 12, 'Calibri': 2}) → "12段为宋体、2段为Calibri"."""
    return "、".join(f"{count}{unit}为{name}" for name, count in counter.most_common())


def indent_chars(fmt: ParagraphFormat, text: str, size: int | None) -> Decimal:
    """Where the first line starts, in characters of the paragraph's size from the margin:
    left indent + first-line indent, plus leading spaces typed into the text (U+3000 counts one
    character, two ASCII spaces one)."""
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
