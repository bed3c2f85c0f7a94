"""The Lark LALR parser for outline lines, built once per process (grammar cached on disk)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lint.text.markers import MARKERS

GRAMMAR = Path(__file__).with_name("grammar.lark")


def grammar_text() -> str:
    """grammar.lark with its marker terminals generated from the marker table."""
    from lint.text.markers import lark_terminals

    return GRAMMAR.read_text(encoding="utf-8").replace("%MARKER_TERMINALS%", lark_terminals())


@lru_cache(maxsize=1)
def line_parser():
    from lark import Lark

    grammar = grammar_text()
    try:
        return Lark(grammar, parser="lalr", lexer="contextual", cache=True, maybe_placeholders=False)
    except OSError:  # read-only temp dir: build without the on-disk cache
        return Lark(grammar, parser="lalr", lexer="contextual", maybe_placeholders=False)


# Grammar rule (alias) → style name: the aliases are the style names with _ for -.
_STYLES = {style.name.replace("-", "_"): style.name for style in MARKERS}


def scan_lines(text: str) -> list[tuple[int, int, str | None, str]]:
    """One record per physical line: (content offset, marker end offset, style, marker text).

    ``content offset`` is where text starts after indentation and a Markdown heading prefix;
    ``style`` is None for a line with no marker. Offsets index ``text``.
    """
    from lark import Token, Tree

    tree = line_parser().parse(text)
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
