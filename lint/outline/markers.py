"""Marker styles, their GB/T 9704 rank, and Chinese/Arabic numeral values of markers."""

from __future__ import annotations

import re

from lint.text.numerals import parse_int

# style → rank in the order 一、 > （一） > 1. > （1） > ①. 1、 shares the rank of 1. (same level).
RANK = {
    "cn-dun": 0,
    "cn-paren": 1,
    "arabic-dot": 2,
    "arabic-dun": 2,
    "arabic-paren": 3,
    "circled": 4,
    "inline-cn": 5,
}
# Styles that are the same outline level written two ways (OUT006/OUT007 judge the form).
FAMILY = {"cn-dun": "cn-dun", "cn-paren": "cn-paren", "arabic-dot": "arabic", "arabic-dun": "arabic",
          "arabic-paren": "arabic-paren", "circled": "circled", "inline-cn": "inline-cn"}


_LINE_MARKER = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十百]{1,4}[、．.](?![一二三四五六七八九十两〇][、等产级类])"
    r"|[（(][一二三四五六七八九十]{1,4}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９])"
    r"|[（(][0-9０-９]{1,2}[）)]|[①-⑳⑴-⒇])"
)


def starts_with_marker(text: str) -> bool:
    return bool(_LINE_MARKER.match(text))




def circled_value(ch: str) -> int:
    code = ord(ch)
    if 0x2460 <= code <= 0x2473:
        return code - 0x2460 + 1
    if 0x2474 <= code <= 0x2487:
        return code - 0x2474 + 1
    return 0


_CN_NUMERAL = re.compile(r"[一二三四五六七八九十百]+")
_ARABIC = re.compile(r"[0-9０-９]+")


def marker_number(style: str, marker: str) -> int:
    if style in ("cn-dun", "cn-paren", "inline-cn"):
        match = _CN_NUMERAL.search(marker)
        return (parse_int(match.group(0)) or 0) if match else 0
    if style == "circled" or (style == "arabic-paren" and marker[:1] in "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"):
        return circled_value(marker[0])
    match = _ARABIC.search(marker)
    return (parse_int(match.group(0)) or 0) if match else 0


def is_full_width(marker: str) -> bool:
    """Whether the marker's brackets/points are the full-width forms."""
    return any(ch in "（）．、" or "\uff10" <= ch <= "\uff19" for ch in marker) and not any(
        ch in "().," for ch in marker
    )
