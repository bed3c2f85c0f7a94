"""Lines → paragraphs → outline tree. Never raises on odd input: it records what was written.

Steps: the Lark grammar classifies every physical line; lines broken mid-sentence are joined back
into paragraphs; each marker paragraph becomes a Node whose title runs to the first 。;
nodes nest by the order in which marker styles first appear (GB/T 9704: 一、→（一）→1.→（1）),
so an inverted or skipped level is kept as written for the OUT rules to judge; run-in
一是/二是 items become ``inline-cn`` children of the paragraph's heading.
"""

from __future__ import annotations

import re

from lint.document.model import Document
from lint.outline.model import Node, Outline, Paragraph
from lint.outline.parser import scan_lines
from lint.text.markers import FAMILY, RANK, RUN_IN, marker_number

# A physical line ending in one of these closes its sentence, so the next line is not its continuation.
_SENTENCE_END = set("。！？!?；;：:…")
_CLOSERS = set("”’」』）)】〕》")
_NO_JOIN_START = ("——", "■", "●", "◆", "【", "<!--", "附件", "抄送", "（此件", "(此件")
# A physical line at least this long that stops mid-sentence was broken by extraction.
_MIN_BROKEN_LINE = 30
_TITLE_END = re.compile(r"[。！？!?；;]")
_RUN_IN = re.compile(r"(?:^|(?<=[。；;：:！？!?，,\s]))" + RUN_IN)
_PUNCT = re.compile(r"[。，；：、,;:!?！？]")


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        if len(stripped) >= 2 and stripped[-2] in _SENTENCE_END:
            return True
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def build_outline(doc: Document) -> Outline:
    text = doc.text
    records = scan_lines(text)
    body_start = doc.header.body_start_line or 1
    skip_lines = {doc.title_line} if doc.title_line else set()
    paragraphs: list[Paragraph] = []
    heads: list[tuple[Paragraph, str, str]] = []  # (paragraph, style, marker text)
    current: Paragraph | None = None
    current_is_heading = False
    previous_line = ""
    printed_line = doc.header.printed_line
    for index, (content, _marker_end, style, marker_text) in enumerate(records):
        lineno = index + 1
        line_end = doc.line_starts[lineno] - 1 if lineno < len(doc.line_starts) else len(text)
        raw = text[content:line_end].rstrip()
        if lineno < body_start or lineno in skip_lines or lineno == printed_line:
            current = None
            continue
        if not raw.strip():
            continue
        if style is None and current is not None and _continues(previous_line, raw, current, current_is_heading):
            current.pieces.append((len(current.text), content))
            current.text += raw
            current.last_line = lineno
            previous_line = raw
            continue
        current = Paragraph(text=raw, start=content, first_line=lineno, last_line=lineno, pieces=[(0, content)])
        paragraphs.append(current)
        previous_line = raw
        current_is_heading = False
        if style is not None:
            heads.append((current, style, marker_text.strip()))
            current_is_heading = not _TITLE_END.search(raw)
    notes_at = _notes_start(heads, paragraphs)
    notes = paragraphs[notes_at:] if notes_at is not None else []
    if notes:
        heads = [head for head in heads if head[0].first_line < notes[0].first_line]
    roots = _nest(doc, heads, paragraphs[: len(paragraphs) - len(notes)])
    outline = Outline(roots=roots, paragraphs=paragraphs, body_start_line=body_start, notes=notes)
    _attach_run_in(doc, outline)
    _set_levels(outline.roots, 1)
    return outline


_SHORT_TAIL_END = re.compile(r"[。！？!?；;…][”’」』）)】]*$")
_ALIGNED = re.compile(r"[ \u3000\u00a0\t]{3,}")
_OPTION = re.compile(r"^[A-Za-zＡ-Ｚ][．.、)）]")


# A line that opens the notes of a document (注释： 注： 附注 备注：), and the opening words of a
# footnote item (1.本公报中数据均为初步统计数…).
_NOTES_HEAD = re.compile(r"^(?:注释?|附注|备注)[ \u3000]*(?:[：:]|$)|^注[0-9０-９①-⑳]")
_FOOTNOTE = re.compile(r"^(?:本(?:公报|报告中)|(?:资料|数据)来源)")


def _notes_start(heads: list[tuple[Paragraph, str, str]], paragraphs: list[Paragraph]) -> int | None:
    """Index of the paragraph where the notes after the last section begin, or None.

    The notes follow the last top-level section (no top-level heading comes after them) and
    their numbered items are one list: either a notes line (注释：) opens them, or the document
    ends with a list from 1, after the last section's own text, one of whose items is a footnote
    (本公报中…). A 注： under a table in the middle of the body is followed by more sections and
    stays where it is; a list that opens the last section is its content.
    """
    if len(heads) < 2:
        return None
    top = FAMILY[heads[0][1]]
    last_top = next(i for i in range(len(heads) - 1, -1, -1) if FAMILY[heads[i][1]] == top)
    tail = heads[last_top + 1 :]
    if len({FAMILY[style] for _, style, _ in tail}) > 1:
        return None
    after = heads[last_top][0].last_line
    first_after = len(paragraphs)
    while first_after > 0 and paragraphs[first_after - 1].first_line > after:
        first_after -= 1
    for index in range(first_after, len(paragraphs)):
        if _NOTES_HEAD.match(paragraphs[index].text):
            return index
    first_item = next((i for i in range(len(tail) - 1, -1, -1) if marker_number(tail[i][1], tail[i][2]) == 1), None)
    if first_item is None:
        return None
    items = tail[first_item:]
    start = items[0][0]
    at = next(i for i in range(first_after, len(paragraphs)) if paragraphs[i] is start)
    if paragraphs[at - 1].first_line <= after or any(head[0] is paragraphs[at - 1] for head in tail):
        return None  # the list opens the last section or continues one of its items
    if not any(_FOOTNOTE.match(paragraph.text[len(marker) :].lstrip()) for paragraph, _, marker in items):
        return None
    return at


def _continues(previous: str, line: str, paragraph: Paragraph, after_heading: bool) -> bool:
    if _ends_sentence(previous) or line.startswith(_NO_JOIN_START) or previous.startswith("<!--"):
        return False
    # Table rows (tab-separated cells) and lettered options (A．… B．…) stand on their own lines.
    if "\t" in previous or "\t" in line or _OPTION.match(line):
        return False
    if after_heading:
        # A heading broken over two lines: a short tail with no punctuation of its own.
        return (
            paragraph.first_line == paragraph.last_line
            and len(previous) >= 15
            and len(line) <= 12
            and not _PUNCT.search(line)
        )
    if len(line) < 20 and not _SHORT_TAIL_END.search(line):
        return False  # a short line of its own: a dateline, a byline, 来源：…, 各位代表：
    if _ALIGNED.search(previous) or previous.endswith("|") or line.startswith("|"):
        return False  # laid out with runs of spaces or drawn as a table: not running prose
    return len(previous) >= _MIN_BROKEN_LINE


def _make_node(doc: Document, paragraph: Paragraph, style: str, marker: str) -> Node:
    start = paragraph.start
    marker_len = len(marker)
    rest = paragraph.text[marker_len:]
    stripped = rest.lstrip()
    lead = len(rest) - len(stripped)
    match = _TITLE_END.search(stripped)
    title_len = match.start() if match else len(stripped)
    title = stripped[:title_len].rstrip()
    title_start_p = marker_len + lead
    title_end_p = title_start_p + len(title)
    title_start, title_end = paragraph.doc_span(title_start_p, title_end_p)
    line, column = doc.line_col(start)
    return Node(
        style=style,
        marker=marker,
        number=marker_number(style, marker),
        title=title,
        line=line,
        column=column,
        start=start,
        marker_end=start + marker_len,
        title_start=title_start,
        title_end=title_end,
        run_in=bool(match and stripped[match.end() :].strip()),
        paragraph=paragraph,
    )


def _nest(doc: Document, heads: list[tuple[Paragraph, str, str]], paragraphs: list[Paragraph]) -> list[Node]:
    roots: list[Node] = []
    stack: list[Node] = []
    seen: set[str] = set()
    head_of = {}
    for paragraph, style, marker in heads:
        node = _make_node(doc, paragraph, style, marker)
        head_of[id(paragraph)] = node
        family = FAMILY[style]
        on_stack = [i for i, open_node in enumerate(stack) if FAMILY[open_node.style] == family]
        if on_stack:
            del stack[on_stack[-1] :]
        elif family in seen:
            while stack and RANK[stack[-1].style] >= RANK[style]:
                stack.pop()
        elif stack and all(RANK[open_node.style] > RANK[style] for open_node in stack):
            stack.clear()
        parent = stack[-1] if stack else None
        node.parent = parent
        (parent.children if parent else roots).append(node)
        stack.append(node)
        seen.add(family)
    owner: Node | None = None
    for paragraph in paragraphs:
        head = head_of.get(id(paragraph))
        if head is not None:
            owner = head
            paragraph.node = head
        else:
            paragraph.node = owner
            if owner is not None:
                owner.body.append(paragraph)
    return roots


def _attach_run_in(doc: Document, outline: Outline) -> None:
    touched: dict[int, list[Node]] = {}
    body = outline.paragraphs[: len(outline.paragraphs) - len(outline.notes)]
    for paragraph in body:
        text = paragraph.text
        if "是" not in text:
            continue
        owner = paragraph.node
        skip = 0
        if owner is not None and owner.paragraph is paragraph:
            skip = len(owner.marker)
        items = []
        for match in _RUN_IN.finditer(text, skip):
            number = marker_number("inline-cn", match.group(1))
            if number <= 0:
                continue
            items.append(match)
        # A lone 一是 is usually prose ("其一是…" is excluded above); a run needs 一是 and 二是.
        numbers = [marker_number("inline-cn", m.group(1)) for m in items]
        if len(items) < 2 or 1 not in numbers:
            continue
        for match in items:
            start_p = match.start(1)
            end_p = match.end()
            tail = text[end_p:]
            title_match = _TITLE_END.search(tail)
            title = tail[: title_match.start() if title_match else len(tail)].strip()
            start, marker_end = paragraph.doc_span(start_p, end_p)
            title_start, title_end = paragraph.doc_span(end_p, end_p + len(title))
            line, column = doc.line_col(start)
            node = Node(
                style="inline-cn",
                marker=match.group(0).strip(),
                number=marker_number("inline-cn", match.group(1)),
                title=title,
                line=line,
                column=column,
                start=start,
                marker_end=marker_end,
                title_start=title_start,
                title_end=title_end,
                run_in=True,
                paragraph=paragraph,
                parent=owner,
            )
            siblings = owner.children if owner else outline.roots
            siblings.append(node)
            touched[id(siblings)] = siblings
    # Run-in items join marker children; keep every sibling list in document order.
    for siblings in touched.values():
        siblings.sort(key=lambda n: n.start)


def _set_levels(nodes: list[Node], level: int) -> None:
    for node in nodes:
        node.level = level
        _set_levels(node.children, level + 1)
