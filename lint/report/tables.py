"""Tables a command adds to its report (`gwlint audit`: plan against results).

A table is data (title, column names, rows of text); concise and full print it as aligned
text, html as a <table>. Other formats carry findings only and leave tables out.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""  # a sentence under the title (why the table is empty …)


def _pad(cell: str, width: int) -> str:
    from lint.report.full import cell_width

    return cell + " " * (width - cell_width(cell))


def as_text(table: Table) -> str:
    """Columns aligned by display width (a CJK character is two cells)."""
    from lint.report.full import cell_width

    grid = [table.columns, *table.rows]
    widths = [max(cell_width(row[i]) for row in grid) for i in range(len(table.columns))]
    lines = [table.title]
    if table.note:
        lines.append(table.note)
    for row in grid:
        lines.append("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def as_html(table: Table) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    note = f"<p>{escape(table.note)}</p>" if table.note else ""
    return f'<h2>{escape(table.title)}</h2>{note}<table class="audit"><tr>{head}</tr>{body}</table>'
