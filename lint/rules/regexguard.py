"""A time budget for pack regexes that could backtrack catastrophically.

A pattern such as ``(a+)+$`` or ``(a|aa)+$`` takes exponential time on a long line of ``a``
that ends in something else: with the standard ``re`` engine one line could hang gwlint for hours.
Such patterns cannot be rejected outright: ``(\\d+、)+`` is both useful and safe. So a pattern
whose repeated part itself repeats or alternates — the shape every catastrophic case has — is
compiled with the third-party ``regex`` engine, whose searches accept a timeout; every other
pattern keeps the standard ``re`` engine. When a search runs out of time its remaining matches
are dropped (findings we cannot be sure of are not reported) and a warning goes to stderr.

The budget is generous (TIME_BUDGET seconds plus SECONDS_PER_MB of text per search); a sane
pattern never comes near it. Without the ``regex`` package installed the pattern runs unguarded.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from re import _constants as sre_constants
from re import _parser as sre_parse

from lint.rules.base import GUARD_EVERY_PATTERN, _compile

TIME_BUDGET = 1.0
SECONDS_PER_MB = 0.5

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_warned: set[str] = set()


def compile_guarded(pattern: str, what: str = "pattern", flags: int = 0, force: bool = False):
    """Like base.compile_regex (same errors), but risky patterns get a time budget; with
    ``force``, or while a user's pack loads (GUARD_EVERY_PATTERN), every pattern does: a user's
    `待定.*待定.*待定.*截止` is polynomial, not exponential, yet hangs on a long line all the same."""
    compiled = _compile(pattern, what, flags)
    if not (force or GUARD_EVERY_PATTERN.get() or is_risky(pattern, flags)):
        return compiled
    try:
        import regex
    except ImportError:  # pragma: no cover - regex is a dependency; run unguarded without it
        return compiled
    try:
        engine = regex.compile(pattern, _regex_flags(flags) | regex.VERSION0)
    except regex.error:  # the engines disagree on some exotic syntax: keep re
        return compiled
    return GuardedPattern(compiled, flags, engine)


# A repeated part that can hold a repeat or an alternation is a group followed by a quantifier
# that allows more than one pass: `)+`, `)*`, `){2,}`, `){,9}`, `){12}`… Patterns without one
# (most) skip the parse below, which would cost as much again as compiling them.
_QUANTIFIED_GROUP = re.compile(r"\)(?:[+*]|\{\d*,\d*\}|\{\d*[2-9]\d*\}|\{\d+0\})")


@lru_cache(maxsize=1024)
def is_risky(pattern: str, flags: int = 0) -> bool:
    """True when some repeated part contains another repeat or an alternation."""
    if not _QUANTIFIED_GROUP.search(pattern):
        return False
    try:
        tree = sre_parse.parse(pattern, flags)
    except re.error:
        return False
    return _walk(tree, inside_repeat=False)


def _walk(items, inside_repeat: bool) -> bool:
    """Whether some repeat in ``items`` (a parsed pattern) holds another repeat or an alternation."""
    return any(_risky_item(op, arg, inside_repeat) for op, arg in items)


def _risky_item(op, arg, inside_repeat: bool) -> bool:
    if op in _REPEATS:
        low, high, body = arg
        repeats = high > 1
        return (inside_repeat and repeats) or _walk(body, inside_repeat or repeats)
    if op is sre_constants.BRANCH:
        return inside_repeat or any(_walk(branch, inside_repeat) for branch in arg[1])
    return any(_walk(body, inside_repeat) for body in _bodies(op, arg))


def _bodies(op, arg) -> tuple:
    """The sub-patterns of a group, lookaround or conditional; none for an atomic group or a
    possessive repeat (which cannot backtrack into itself) or a plain item."""
    if op is sre_constants.SUBPATTERN:
        return (arg[-1],)
    if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return (arg[1],)
    if op is sre_constants.GROUPREF_EXISTS:
        _, yes, no = arg
        return (yes,) if no is None else (yes, no)
    return ()


def _regex_flags(flags: int) -> int:
    import regex

    out = 0
    for name in ("IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII", "UNICODE"):
        if flags & getattr(re, name):
            out |= getattr(regex, name)
    return out


def _budget(text: str) -> float:
    return TIME_BUDGET + SECONDS_PER_MB * len(text) / 1_000_000


def _gave_up(pattern: str, seconds: float) -> None:
    if pattern not in _warned:
        _warned.add(pattern)
        print(
            f"gwlint: warning: pattern {pattern!r} ran out of time ({seconds:.1f} s) and was stopped "
            "(catastrophic backtracking); its remaining matches are not reported",
            file=sys.stderr,
        )


class GuardedPattern:
    """A compiled ``regex`` pattern whose searches stop at a time budget.

    Offers the parts of the ``re.Pattern`` interface that rule kinds use; anything else is
    answered by the equivalent ``re`` pattern.
    """

    def __init__(self, fallback: re.Pattern, flags: int, engine=None):
        self._fallback = fallback
        self._flags = flags  # as given to compile_guarded
        self._compiled = engine  # None until first needed: a table read from the cache skips it
        self.pattern = fallback.pattern
        self.flags = fallback.flags
        self.groups = fallback.groups
        self.groupindex = fallback.groupindex

    @property
    def _engine(self):
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.pattern, _regex_flags(self._flags) | regex.VERSION0)
        return self._compiled

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        budget = _budget(string)
        try:
            yield from self._engine.finditer(string, pos, len(string) if endpos is None else endpos, timeout=budget)
        except TimeoutError:
            _gave_up(self.pattern, budget)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list:
        budget = _budget(string)
        try:
            return self._engine.findall(string, pos, len(string) if endpos is None else endpos, timeout=budget)
        except TimeoutError:
            _gave_up(self.pattern, budget)
            return []

    def _single(self, method: str, string: str, pos: int, endpos: int | None):
        budget = _budget(string)
        try:
            return getattr(self._engine, method)(string, pos, len(string) if endpos is None else endpos, timeout=budget)
        except TimeoutError:
            _gave_up(self.pattern, budget)
            return None

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._single("search", string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._single("match", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._single("fullmatch", string, pos, endpos)

    def sub(self, repl, string: str, count: int = 0):
        try:
            return self._engine.sub(repl, string, count, timeout=_budget(string))
        except TimeoutError:
            _gave_up(self.pattern, _budget(string))
            return string

    def __getattr__(self, name: str):
        return getattr(self._fallback, name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GuardedPattern) and self._fallback == other._fallback

    def __hash__(self) -> int:
        return hash(self._fallback)

    def __reduce__(self):  # picklable (the rule-table cache, worker processes): the engine is compiled when used
        return (GuardedPattern, (self._fallback, self._flags))

    def __repr__(self) -> str:
        return f"GuardedPattern({self.pattern!r})"
