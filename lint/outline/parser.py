"""The Lark LALR parser for outline lines, built once per process (grammar cached on disk)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from lint.text.markers import MARKER_AT, MARKERS

GRAMMAR = Path(__file__).with_name("grammar.lark")


def grammar_text() -> str:
    """grammar.lark with its marker terminals generated from the marker table."""
    from lint.text.markers import lark_terminals

    return GRAMMAR.read_text(encoding="utf-8").replace("%MARKER_TERMINALS%", lark_terminals())


def _import_lark():
    """lark, imported without the third-party ``regex`` module, which lark loads only to offer
    ``Lark(regex=True)`` (unused here): ~10 ms of a one-file start-up. regexguard imports
    ``regex`` itself when a guarded pattern first runs."""
    if "regex" in sys.modules:
        import lark
    else:
        sys.modules["regex"] = None  # type: ignore[assignment]  # lark's `import regex` fails
        try:
            import lark
        finally:
            del sys.modules["regex"]
    return lark


@lru_cache(maxsize=1)
def line_parser():
    Lark = _import_lark().Lark
    grammar = grammar_text()
    try:
        return Lark(grammar, parser="lalr", lexer="contextual", cache=True, maybe_placeholders=False)
    except OSError:  # read-only temp dir: build without the on-disk cache
        return Lark(grammar, parser="lalr", lexer="contextual", maybe_placeholders=False)


# The grammar's INDENT: the lines that are not parsed start their content after it.
_INDENT_CHARS = frozenset(" \t\u3000\u00a0")

# Grammar rule (alias) → style name: the aliases are the style names with _ for -.
_STYLES = {style.name.replace("-", "_"): style.name for style in MARKERS}


def scan_lines(text: str) -> list[tuple[int, int, str | None, str]]:
    """One record per physical line: (content offset, marker end offset, style, marker text).

    ``content offset`` is where text starts after indentation and a Markdown heading prefix;
    ``style`` is None for a line with no marker. Offsets index ``text``.

    Only the lines that may open with a marker or a Markdown prefix go through the parser (most
    lines of a document are prose): the grammar reads each line on its own, and on any other line
    it could only see indentation and REST.
    """
    records: list[tuple[int, int, str | None, str]] = []
    candidates: list[tuple[int, int, int]] = []  # (record index, line start, line end)
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        content = _indent_end(text, start, end)
        if MARKER_AT.match(text, content) or text.startswith("#", content, end):
            candidates.append((len(records), start, end))
        records.append((content, content, None, ""))
        start = end + 1
    if candidates:
        _parse_candidates(text, candidates, records)
    return records


def _indent_end(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _INDENT_CHARS:
        start += 1
    return start


def _parse_candidates(text: str, candidates: list[tuple[int, int, int]], records: list) -> None:
    """Parse the candidate lines joined by line breaks; their records replace the placeholders,
    shifted back to the lines' offsets in ``text``."""
    joined = "\n".join(text[start:end] for _, start, end in candidates)
    parsed = _parse(joined)
    joined_start = 0
    for (index, start, end), (content, marker_end, style, marker_text) in zip(candidates, parsed, strict=True):
        shift = start - joined_start
        records[index] = (content + shift, marker_end + shift, style, marker_text)
        joined_start += end - start + 1


def _parse(text: str) -> list[tuple[int, int, str | None, str]]:
    """The records of every line of ``text``, read by the Lark grammar."""
    parser = line_parser()  # first: it imports lark (_import_lark)
    from lark import Token, Tree

    tree = parser.parse(text)
    records: list[tuple[int, int, str | None, str]] = []
    line_start = 0
    for line in tree.children:
        content = line_start
        style = None
        marker_text = ""
        marker_end = content
        for child in line.children:
            if isinstance(child, Token):
                if child.type in ("INDENT", "MD_PREFIX") and child.end_pos is not None:
                    content = child.end_pos
                    marker_end = content
                elif child.type == "REST" and style is None:
                    marker_end = content
            elif isinstance(child, Tree):
                token = child.children[0]
                style = _STYLES[child.data]
                marker_text = str(token)
                if isinstance(token, Token) and token.end_pos is not None:
                    marker_end = token.end_pos
        records.append((content, marker_end, style, marker_text))
        next_break = text.find("\n", line_start)
        line_start = len(text) + 1 if next_break == -1 else next_break + 1
    return records
