"""The one table of numbering markers: 一、 （一） 1. （1） ① and run-in 一是, as real documents write
them (width variants (一)/（一）, 1./1．, and the wrong points 一． 一, （一）、 that OUT005 reports).

The Lark grammar's marker terminals (lint/outline/grammar.lark), the outline builder and the rules'
marker patterns are all built from ``MARKERS``; a marker form is added here and nowhere else.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Numerals a marker is written with.
CN_NUM_CHARS = "一二三四五六七八九十百"
CN_NUM = f"[{CN_NUM_CHARS}]{{1,4}}"
# A numeral followed by a wrong comma (一， 十二，) is a marker only without 百: "一百二十，…" is a sentence.
CN_NUM_NO_HUNDRED = "[一二三四五六七八九十]{1,3}"
DIGITS = "[0-9０-９]{1,2}"
OPENS = "（("
CLOSES = "）)"
OPEN = f"[{OPENS}]"
CLOSE = f"[{CLOSES}]"
# 一 takes 、; these points after it are written by mistake (OUT005 fixes them to 、).
CN_WRONG_POINTS = "．.，,"
# A point a bracketed marker should not have, kept in the marker so OUT005 can report it: （一）、
_STRAY_POINT = "[、．.，,]?"
# Not a marker: 二、三产业, 一、二等奖 (an abbreviated list), 1.5万亩, 6、7月.
_NOT_ABBREVIATED = "(?![一二三四五六七八九十两〇][、等产级类])"
_NO_DIGIT_AFTER = "(?![0-9０-９])"
CIRCLED = "[①-⑳]"
PAREN_DIGITS = "[⑴-⒇]"
# Run-in items inside a paragraph: 一是…二是… (not 是否/是非).
RUN_IN_NUMERAL = "[一二三四五六七八九十]{1,3}"
RUN_IN = f"({RUN_IN_NUMERAL})是(?![否非])"


class MarkerStyle(NamedTuple):
    name: str  # the style name nodes carry (Node.style)
    terminal: str  # the Lark terminal of the style
    rank: int  # GB/T 9704 order: 一、 > （一） > 1. > （1） > ①
    family: str  # one outline level written two ways shares a family (1. and 1、)
    pattern: str  # the marker as it may stand at the start of a line (Python/Lark regex)


MARKERS: tuple[MarkerStyle, ...] = (
    MarkerStyle("cn-dun", "CN_DUN", 0, "cn-dun", f"(?:{CN_NUM}[、．.]|{CN_NUM_NO_HUNDRED}[，,]){_NOT_ABBREVIATED}"),
    MarkerStyle("cn-paren", "CN_PAREN", 1, "cn-paren", f"{OPEN}{CN_NUM}{CLOSE}{_STRAY_POINT}"),
    MarkerStyle("arabic-dot", "ARABIC_DOT", 2, "arabic", f"{DIGITS}[.．]{_NO_DIGIT_AFTER}"),
    MarkerStyle("arabic-dun", "ARABIC_DUN", 2, "arabic", f"{DIGITS}、{_NO_DIGIT_AFTER}"),
    MarkerStyle(
        "arabic-paren", "ARABIC_PAREN", 3, "arabic-paren", f"{OPEN}{DIGITS}{CLOSE}{_STRAY_POINT}|{PAREN_DIGITS}"
    ),
    MarkerStyle("circled", "CIRCLED", 4, "circled", CIRCLED),
)
INLINE = MarkerStyle("inline-cn", "", 5, "inline-cn", RUN_IN)

BY_NAME = {style.name: style for style in (*MARKERS, INLINE)}
BY_TERMINAL = {style.terminal: style for style in MARKERS}
RANK = {name: style.rank for name, style in BY_NAME.items()}
FAMILY = {name: style.family for name, style in BY_NAME.items()}
# The marker each rank is written with, for messages ("跳过了“（一）”").
RANK_EXAMPLE = {0: "一、", 1: "（一）", 2: "1.", 3: "（1）", 4: "①"}

_LINE_INDENT = "[ \t\u3000]*"
MARKER_ANY = "(?:" + "|".join(f"(?:{m.pattern})" for m in MARKERS) + ")"
# A marker at the start of a line (after indentation), and a marker wherever a match starts.
LINE_MARKER = re.compile(f"^{_LINE_INDENT}{MARKER_ANY}")
MARKER_AT = re.compile(MARKER_ANY)
ARABIC_ITEM_LINE = re.compile(f"^{_LINE_INDENT}(?:{BY_NAME['arabic-dot'].pattern}|{BY_NAME['arabic-dun'].pattern})")
RUN_IN_RE = re.compile(RUN_IN)


def lark_terminals() -> str:
    """The marker terminals of the outline grammar, one per style (priority 3, under INDENT's 4)."""
    return "\n".join(f"{style.terminal}.3: /{_lark_regex(style.pattern)}/" for style in MARKERS)


def _lark_regex(pattern: str) -> str:
    return pattern.replace("/", "\\/")


def starts_with_marker(text: str) -> bool:
    """Whether the line opens with a numbering marker of the table."""
    return bool(LINE_MARKER.match(text))


def circled_value(ch: str) -> int:
    """① → 1, ⑴ → 1 (1–20); 0 for any other character."""
    code = ord(ch) if len(ch) == 1 else 0
    if 0x2460 <= code <= 0x2473:
        return code - 0x2460 + 1
    if 0x2474 <= code <= 0x2487:
        return code - 0x2474 + 1
    return 0


def circled(number: int, paren: bool = False) -> str | None:
    """1 → ① (or ⑴ with ``paren``); None outside 1–20."""
    if not 1 <= number <= 20:
        return None
    return chr((0x2474 if paren else 0x2460) + number - 1)


# The numeral inside a marker as written: （十二） → 十二, 3． → 3.
CN_NUMERAL_RE = re.compile(f"[{CN_NUM_CHARS}]+")
ARABIC_NUMERAL_RE = re.compile(r"[0-9０-９]+")


@lru_cache(maxsize=1024)
def marker_number(style: str, marker: str) -> int:
    """The number a marker counts: （十二） → 12, 3． → 3, ⑤ → 5; 0 when it has none."""
    from lint.text.numerals import (
        parse_int,  # lazily: pack loading imports this table, not numbers
    )

    if style in ("cn-dun", "cn-paren", "inline-cn"):
        match = CN_NUMERAL_RE.search(marker)
    elif style == "circled" or (style == "arabic-paren" and circled_value(marker[:1])):
        return circled_value(marker[:1])
    else:
        match = ARABIC_NUMERAL_RE.search(marker)
    return (parse_int(match.group(0)) or 0) if match else 0
