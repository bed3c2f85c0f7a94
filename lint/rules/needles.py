"""What a regular expression cannot match without: substrings the text must contain.

A pack regex is scanned over the whole document, and a scan that starts with a lookbehind costs
as much on a document it cannot match as on one it can. Most patterns name a rare character or
word they cannot do without (－, TODO, 【, 〇, a full-width letter): ``needles_of`` reads them
from the parsed pattern, and a document that contains none of them is not scanned at all.

The answer is a conjunction of alternatives: every group must have one of its strings in the
text. It is sound, never complete: anything not understood (a class by category, a negated class,
a back-reference, case-insensitive matching) gives no group, so the pattern is always scanned.
Strings inside lookarounds count too: a lookbehind reads the text before the match, which the
document contains all the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# All of these groups, one string of each: () when nothing is known.
Needles = tuple[tuple[str, ...], ...]
Groups = list[frozenset[str]]

# A group with more strings than this (a wide class, many branches) is not worth testing.
MAX_GROUP = 64
# Branches combine their groups pairwise; beyond this many combinations keep the best few.
MAX_COMBINATIONS = 16

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def needles_of(pattern: str, flags: int = 0) -> Needles:
    """The groups of strings one of which a match of ``pattern`` needs in the text, best first."""
    try:
        tree = sre_parse.parse(pattern, flags & ~re.UNICODE)
    except (re.error, RecursionError):
        return ()
    if tree.state.flags & re.IGNORECASE:
        return ()
    groups = {group for group in _sequence(list(tree)) if len(group) <= MAX_GROUP}
    return tuple(tuple(sorted(group)) for group in sorted(groups, key=_cost))


def _cost(group: frozenset[str]) -> tuple:
    """Fewer and longer strings first: the cheapest test, and the likeliest to fail."""
    return (len(group), -min(map(len, group)), sorted(group))


def _sequence(items: list) -> Groups:
    """Every item of a sequence is needed: the groups of all of them, a run of literals as one string."""
    groups: Groups = []
    run: list[str] = []
    for op, arg in items:
        if op is sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        if run and op is sre_constants.BRANCH:  # the parser took out a common prefix: T(?:BD|ODO)
            arg = (arg[0], [_literals(run) + list(branch) for branch in arg[1]])
            run = []
        if run:
            groups.append(frozenset(["".join(run)]))
            run = []
        groups.extend(_item(op, arg))
    if run:
        groups.append(frozenset(["".join(run)]))
    return groups


def _literals(run: list[str]) -> list:
    return [(sre_constants.LITERAL, ord(char)) for char in run]


def _item(op, arg) -> Groups:
    if op is sre_constants.IN:
        charset = _charset(arg)
        return [charset] if charset else []
    if op is sre_constants.BRANCH:
        return _branches([_sequence(list(branch)) for branch in arg[1]])
    if op is sre_constants.SUBPATTERN:
        _, added_flags, _, body = arg
        return [] if added_flags & re.IGNORECASE else _sequence(list(body))
    if op in _REPEATS:
        low, _, body = arg
        return _sequence(list(body)) if low >= 1 else []
    if op is sre_constants.ASSERT:  # a lookahead or lookbehind that must hold
        return _sequence(list(arg[1]))
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(list(arg))
    return []  # optional, negative, zero-width or not understood: needs nothing


def _branches(alternatives: list[Groups]) -> Groups:
    """(a1 ∧ a2) ∨ (b1 ∧ b2) = (a1 ∨ b1) ∧ (a1 ∨ b2) ∧ (a2 ∨ b1) ∧ (a2 ∨ b2)."""
    if not all(alternatives):
        return []
    while _combinations(alternatives) > MAX_COMBINATIONS:
        widest = max(range(len(alternatives)), key=lambda i: len(alternatives[i]))
        if len(alternatives[widest]) == 1:
            return []
        alternatives[widest] = sorted(alternatives[widest], key=_cost)[:-1]
    unions = (frozenset().union(*choice) for choice in product(*alternatives))
    return [group for group in unions if len(group) <= MAX_GROUP]


def _combinations(alternatives: list[Groups]) -> int:
    count = 1
    for groups in alternatives:
        count *= len(groups)
    return count


def _charset(items: list) -> frozenset[str] | None:
    """The characters of a class of literals and small ranges; None for anything wider."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(arg))
        elif op is sre_constants.RANGE and arg[1] - arg[0] < MAX_GROUP:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        else:  # a category (\d, \s), a negation, a wide range
            return None
        if len(chars) > MAX_GROUP:
            return None
    return frozenset(chars)


class TextProbe:
    """``needle in text``, remembered: the pattern rules of one document share their needles."""

    def __init__(self, text: str):
        self.text = text
        self._found: dict[str | tuple[str, ...], bool] = {}

    def contains(self, needle: str) -> bool:
        found = self._found.get(needle)
        if found is None:
            found = self._found[needle] = needle in self.text
        return found

    def may_match(self, needles: Needles) -> bool:
        """False when the text lacks every string of some group: the pattern cannot match."""
        return all(self._has_one_of(group) for group in needles)

    def _has_one_of(self, group: tuple[str, ...]) -> bool:
        if len(group) <= _FEW_CHARS or max(map(len, group)) > 1:
            return any(self.contains(needle) for needle in group)
        # Many single characters (a class such as Ａ-Ｚａ-ｚ): one scan for all, not one each.
        found = self._found.get(group)
        if found is None:
            found = self._found[group] = _char_class(group).search(self.text) is not None
        return found


# Up to this many single characters are looked for one by one (each a fast `in`).
_FEW_CHARS = 8


@lru_cache(maxsize=256)
def _char_class(chars: tuple[str, ...]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(char) for char in chars) + "]")
