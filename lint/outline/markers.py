"""Marker styles, their GB/T 9704 rank, and Chinese/Arabic numeral values of markers."""

from __future__ import annotations

import re

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

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_LINE_MARKER = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十百]{1,4}[、．.](?![一二三四五六七八九十两〇][、等产级类])"
    r"|[（(][一二三四五六七八九十]{1,4}[）)]|[0-9０-９]{1,2}[.．、](?![0-9０-９])"
    r"|[（(][0-9０-９]{1,2}[）)]|[①-⑳⑴-⒇])"
)


def starts_with_marker(text: str) -> bool:
    return bool(_LINE_MARKER.match(text))


def cn_value(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105. None when not a plain numeral."""
    if not text:
        return None
    total = 0
    current = 0
    seen_unit = False
    for ch in text:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
            seen_unit = True
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
            seen_unit = True
        else:
            return None
    if not seen_unit and len(text) > 1:
        return None  # 一二 is not a number
    return total + current


def arabic_value(text: str) -> int:
    return int(text.translate(_FULL_WIDTH))


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
        return (cn_value(match.group(0)) or 0) if match else 0
    if style == "circled" or (style == "arabic-paren" and marker[:1] in "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"):
        return circled_value(marker[0])
    match = _ARABIC.search(marker)
    return arabic_value(match.group(0)) if match else 0


def is_full_width(marker: str) -> bool:
    """Whether the marker's brackets/points are the full-width forms."""
    return any(ch in "（）．、" or "\uff10" <= ch <= "\uff19" for ch in marker) and not any(
        ch in "().," for ch in marker
    )
