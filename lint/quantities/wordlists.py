"""Word lists read from rule packs (a pack's `statements:` section): appended pack by pack and
compiled into alternatives once per run."""

from __future__ import annotations

import re
from typing import Self

from lint.spec import Options, option_names


class WordLists(Options):
    """A section of word lists (each field a list): a pack's lists are appended to the shipped ones."""

    def merged(self, other: Self) -> Self:
        return type(self)(**{name: getattr(self, name) + getattr(other, name) for name in option_names(type(self))})


def alternatives(words: list[str]) -> str:
    """Regex alternatives as the body of one group (never matches when there are none)."""
    return "|".join(f"(?:{w})" for w in words) if words else "(?!)"


def literal_alternatives(words: list[str]) -> str:
    """Literal words as alternatives, the longest first (so 个方面 wins over 个)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"
