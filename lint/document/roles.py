"""What each line of a 公文 is, for layout: 标题, 发文字号, 主送, 层次标题, 正文, 署名, 成文日期, 附件说明, 版记.

GB/T 9704 prescribes fonts and placement per element, so the LAY rules and the .docx writer
both need to know which line is which.  The roles come from the text alone (the 红头 header,
the outline's numbered headings and a few line patterns); the formats come from the .docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.document.header import CC, DATE, DATE_SEPARATED, PRINTED

if TYPE_CHECKING:
    from lint.document.model import Document
    from lint.outline.model import Outline

# Numbered heading styles GB/T 9704 §7.3.3 gives fonts for (一、 （一） 1. （1）).
HEADING_STYLES = ("cn-dun", "cn-paren", "arabic-dot", "arabic-paren")
ATTACHMENT = re.compile(r"^[ \t\u3000]*附件[ \t\u3000]*[：:]")
_TAIL_SCAN = 10  # the signature block sits within the last lines before the 版记
_SIGNATURE_MAX = 40


@dataclass(frozen=True, slots=True)
class LineRole:
    """``role``: issuer | docnum | title | addressee | heading | body | attachment | signature |
    date | record (版记) | other.  For a heading, ``style`` is its marker style and
    [head_start, head_end) the marker and title within the line (the rest is body text)."""

    role: str
    style: str | None = None
    head_start: int = 0
    head_end: int = 0


def line_roles(doc: Document, outline: Outline) -> dict[int, LineRole]:
    """Roles of the document's non-blank lines, by 1-based line number."""
    lines = doc.lines()
    roles: dict[int, LineRole] = {}
    non_blank = [n for n, text in enumerate(lines, 1) if text.strip()]
    if not non_blank:
        return roles

    record_start = _header_roles(doc, roles)
    tail = [n for n in non_blank if record_start is None or n < record_start][-_TAIL_SCAN:]
    closing_date = _closing_roles(lines, tail, roles)
    for number in non_blank:
        text = lines[number - 1]
        if number not in roles and (PRINTED.match(text.strip()) or CC.match(text.strip())):
            roles[number] = LineRole("record")
    _heading_roles(doc, outline, lines, roles)
    _body_roles(lines, non_blank, record_start, closing_date, roles)
    return roles


def _header_roles(doc: Document, roles: dict[int, LineRole]) -> int | None:
    """The header's lines (issuer, 发文字号, title, addressee, 版记, a 印发 notice's signature and
    date); returns the first line of the 版记, if any."""
    header = doc.header
    for number, role in (
        (header.issuer_line, "issuer"),
        (header.doc_number_line, "docnum"),
        (header.title_line, "title"),
        (doc.title_line, "title"),
        (header.addressee_line, "addressee"),
        (header.cc_line, "record"),
        (header.printed_line, "record"),
    ):
        if number:
            roles[number] = LineRole(role)
    record_start = min((n for n in (header.cc_line, header.printed_line) if n), default=None)
    # A 印发 notice's own signature and date come before the document it carries.
    if header.date_line:
        roles[header.date_line] = LineRole("date")
        if header.signatory_line:
            roles[header.signatory_line] = LineRole("signature")
    return record_start


def _closing_roles(lines: list[str], tail: list[int], roles: dict[int, LineRole]) -> int | None:
    """The closing date among the last lines and the signature right above it; returns the date's line."""
    closing_date = None
    for number in reversed(tail):
        text = lines[number - 1].strip()
        if number in roles:
            continue
        if DATE.match(text) or DATE_SEPARATED.match(text):
            roles[number] = LineRole("date")
            closing_date = number
            above = [n for n in tail if n < number]
            if above and above[-1] not in roles:
                signature = lines[above[-1] - 1].strip()
                if len(signature) <= _SIGNATURE_MAX and not re.search(r"[。，；：:]", signature):
                    roles[above[-1]] = LineRole("signature")
            break
    return closing_date


def _heading_roles(doc: Document, outline: Outline, lines: list[str], roles: dict[int, LineRole]) -> None:
    line_starts = doc.line_starts
    for node in outline.walk():
        if node.style not in HEADING_STYLES or node.line in roles:
            continue
        start = line_starts[node.line - 1]
        head_end = node.title_end - start
        text = lines[node.line - 1]
        if head_end < len(text) and text[head_end] in "。．.":
            head_end += 1  # the run-in heading's closing point belongs to the heading
        roles[node.line] = LineRole("heading", node.style, node.start - start, head_end)


def _body_roles(
    lines: list[str],
    non_blank: list[int],
    record_start: int | None,
    closing_date: int | None,
    roles: dict[int, LineRole],
) -> None:
    """Every other line: attachment notes, body text between the header and the close, or other."""
    first_body = max(
        (
            n
            for n, r in roles.items()
            if r.role in ("title", "addressee", "docnum", "issuer") and n < (record_start or 10**9)
        ),
        default=0,
    )
    for number in non_blank:
        if number in roles:
            continue
        text = lines[number - 1]
        if ATTACHMENT.match(text):
            roles[number] = LineRole("attachment")
        elif (
            number > first_body
            and (record_start is None or number < record_start)
            and (closing_date is None or number < closing_date)
        ):
            roles[number] = LineRole("body")
        else:
            roles[number] = LineRole("other")


def layout_roles(doc: Document, outline: Outline) -> dict[int, LineRole]:
    """``line_roles`` read with the .docx layout: a title set over several paragraphs is one
    title (a paragraph right after a title line, centred and in the title's size, continues it)."""
    from lint.document.docx_layout import dominant_font

    found = line_roles(doc, outline)
    layout = doc.layout
    if layout is None:
        return found
    for line in sorted(n for n, r in found.items() if r.role == "title"):
        title = layout.paragraphs.get(line)
        if title is None:
            continue
        size = dominant_font(title.spans, doc.line_text(line))[1]
        following = line + 1
        while found.get(following) is not None and found[following].role in ("body", "other"):
            fmt = layout.paragraphs.get(following)
            if (
                fmt is None
                or fmt.alignment != "center"
                or dominant_font(fmt.spans, doc.line_text(following))[1] != size
            ):
                break
            found[following] = LineRole("title")
            following += 1
    return found
