"""Helpers shared by the quantity rule kinds (UNIT, SUM, CNT, TGT): word lists, small numbers
and message variants. Interval arithmetic lives in ``lint.quantities.intervals``; sentence and
bracket positions in ``lint.quantities.textindex`` (both reached through ``ctx.analysis``).
"""

from __future__ import annotations

import re

from lint.text.numerals import parse_int


def small_cn_number(written: str) -> int | None:
    """一 … 九十九 (and 两) → int; Arabic digits too; None for anything else."""
    value = parse_int(written)
    return value if value is not None and (value < 100 or written.isdigit()) else None


def compile_words(words: list[str], what: str) -> re.Pattern | None:
    """An alternation of literal words (longest first), or None for an empty list."""
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def segment_before(text: str, pos: int, limit: int = 40) -> str:
    """Text from the previous delimiter (，；。：、 or a bracket) up to ``pos``."""
    start = max(0, pos - limit)
    chunk = text[start:pos]
    cut = max(chunk.rfind(ch) for ch in "，,；;。：:、（(）)\n！？")
    return chunk[cut + 1 :]


def variant(ctx, rule, key: str, defaults: dict[str, tuple[str, str]], **values) -> str:
    """A secondary message of a rule: ``messages: {key: zh, key-en: en}`` in the pack, or the
    kind's default (zh, en). The primary message is the rule's own ``message``."""
    english = getattr(ctx, "lang", "zh") == "en"
    own = getattr(rule, "messages", None) or {}
    template = own.get(key + "-en" if english else key)
    if template is None:
        zh, en = defaults[key]
        template = en if english else zh
    return template.format_map(_Missing(values))


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
