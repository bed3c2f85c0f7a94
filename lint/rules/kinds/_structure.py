"""Helpers shared by the structure kinds (OUT/SEC): numbered sibling lists, marker re-spelling,
and the look-alikes that are not outline items (lists run in after a colon; abbreviated lists are
lint.outline.items')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.outline.items import is_abbreviated_list
from lint.outline.model import Node, Outline
from lint.text.markers import (
    ARABIC_NUMERAL_RE,
    CLOSE,
    CN_NUM_CHARS,
    CN_NUMERAL_RE,
    CN_WRONG_POINTS,
    FAMILY,
    circled,
    circled_value,
)
from lint.text.numerals import to_chinese

# A numeral inside a longer one (the 二 of 十二) is not that number's marker.
_NOT_AFTER_NUMERAL = f"(?<![{CN_NUM_CHARS}])"


def say(ctx, zh: str, en: str) -> str:
    """A related-location label in the language of the run."""
    return en if getattr(ctx, "lang", "zh") == "en" else zh


def respell(node: Node, number: int) -> str:
    """The node's marker written with another number: （三） → （四）, 3. → 4., 三是 → 四是."""
    marker = node.marker
    if node.style in ("cn-dun", "cn-paren", "inline-cn"):
        return CN_NUMERAL_RE.sub(to_chinese(number), marker, count=1)
    if node.style == "circled" or circled_value(marker[:1]):
        return circled(number, paren=node.style != "circled") or marker
    return ARABIC_NUMERAL_RE.sub(str(number), marker, count=1)


def inline_marker_regex(node: Node, number: int) -> re.Pattern:
    """Where the marker numbered ``number`` of the node's family might be written in running text,
    loosely (a PDF may have split it, "（\n三）"; "20.2026年…" is item 20 all the same): used only to
    stay silent, never to report."""
    numeral = r"\s*".join(to_chinese(number))
    if node.style == "cn-paren":
        return re.compile(_NOT_AFTER_NUMERAL + numeral + r"\s*" + CLOSE)
    if node.style == "cn-dun":
        return re.compile(_NOT_AFTER_NUMERAL + numeral + r"\s*[、" + re.escape(CN_WRONG_POINTS) + "]")
    if node.style == "inline-cn":
        return re.compile(numeral + "是")
    if node.style == "circled" or circled_value(node.marker[:1]):
        return re.compile(re.escape(respell(node, number)))
    if node.style == "arabic-paren":
        return re.compile(r"(?<![0-9０-９])" + str(number) + r"\s*[）)]")
    return re.compile(r"(?<![0-9０-９.．])" + str(number) + r"\s*[.．、)）]")


def is_numbered(node: Node) -> bool:
    return node.style != "inline-cn"


def text_before(text: str, offset: int) -> str:
    """The text just before ``offset`` without the blanks and line breaks that end it."""
    return text[max(0, offset - 80) : offset].rstrip(" \t\u3000\u00a0\n")


def follows_colon(text: str, node: Node) -> bool:
    """The node opens a list that the sentence before introduced with a colon ("举报：（一）…")
    or a question (the options of an exam question)."""
    return text_before(text, node.start).endswith(("：", ":", "？", "?"))


def family_runs(group: list[Node]) -> Iterator[list[Node]]:
    """The numbered nodes of one sibling list, split by marker family, order kept."""
    by_family: dict[str, list[Node]] = {}
    for node in group:
        if is_numbered(node) and not is_abbreviated_list(node):
            by_family.setdefault(FAMILY[node.style], []).append(node)
    yield from by_family.values()


def numbered_sibling_groups(outline: Outline) -> Iterator[tuple[Node | None, list[Node]]]:
    """(parent, children) for every list of numbered siblings; parent None for the top level."""
    yield None, [n for n in outline.roots if is_numbered(n)]
    for node in outline.walk():
        if node.children and is_numbered(node):
            kids = [n for n in node.children if is_numbered(n)]
            if kids:
                yield node, kids


def cached(outline: Outline, key: str, build):
    """A value derived from the outline, computed once per document and shared by the rules."""
    store = outline.__dict__.setdefault("_gwlint_structure_cache", {})
    if key not in store:
        store[key] = build()
    return store[key]


def colon_list_nodes(text: str, outline: Outline) -> set[int]:
    return cached(outline, "colon-lists", lambda: _colon_list_nodes(text, outline))


def _colon_list_nodes(text: str, outline: Outline) -> set[int]:
    """ids of items of lists introduced by a colon ("举报：（一）…；（二）…", the 15834 B.3.4
    example), and of whatever the builder hung under them: not an outline level, so level rules
    leave them alone. Items have no numbered children; only the last may have text after it."""
    out: set[int] = set()
    for _, group in numbered_sibling_groups(outline):
        for run in family_runs(group):
            members: list[Node] = []
            for node in run + [None]:
                if node is None or node.number == 1:
                    if members and _plain_items(members):
                        for member in members:
                            out.update(id(n) for n in member.walk())
                    members = [node] if node is not None and follows_colon(text, node) else []
                elif members:
                    members.append(node)
    return out


def _plain_items(members: list[Node]) -> bool:
    if any(is_numbered(child) for node in members for child in node.children):
        return False
    return not any(node.body for node in members[:-1])


def under_unnumbered_heading(outline: Outline, node: Node) -> bool:
    """The paragraph just before the node is a short standalone line of its own ("名词解释",
    "2026年自治区民生实事") that is not the parent's heading: the list belongs to that line."""
    parent = node.parent
    if node.paragraph is None:
        return False
    paragraphs = outline.paragraphs
    index = _paragraph_index(outline, node.paragraph)
    if index <= 0:
        return False
    before = paragraphs[index - 1]
    if parent is not None and before is parent.paragraph:
        return False
    line = before.text.strip()
    return 0 < len(line) <= 24 and before.node is not None and not _SENTENCE_PUNCT.search(line)


_SENTENCE_PUNCT = re.compile(r"[。；;，,！？!?]")


def _paragraph_index(outline: Outline, paragraph) -> int:
    index = cached(outline, "paragraph-index", lambda: {id(p): i for i, p in enumerate(outline.paragraphs)})
    return index.get(id(paragraph), -1)
