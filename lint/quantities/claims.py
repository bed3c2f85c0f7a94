"""Count claims: "十项重点改革", "重点抓好以下四个方面工作：", "A、B、C三大工程" — and what they count.

Built once per document (``Analysis.count_claims``). A claim is a numeral with a measure word
(项, 个, 个方面, 大, 支, 条 …) and the noun it counts. What it counts is read from the text around
it, in this order (``CountClaim.how``):

* ``children``   a numbered heading's own claim ("（三）十项重点改革"): its numbered children, or
                 the run-in 一是… items that open its body;
* ``after colon`` "…三个方面：" followed by run-in 一是… items, numbered paragraphs, 一是…
                 paragraphs, or a ；/、-list up to the end of the sentence;
* ``run-in``     "今年重点抓好三项工作。一是…二是…" in the same paragraph;
* ``following``  a paragraph that closes on the claim ("重点抓好以下四个方面工作。") followed by
                 the numbered headings or 一是… paragraphs it announces;
* ``list before`` the 、-list that ends where the numeral begins ("稳增长、防风险、保民生三项基本任务");
* ``bound``      至少/以上/近/约 claims: a bound, not a count;
* ``unresolved`` the text does not say what is counted (a named program: "深化十项改革").

Only what the text says is taken: a list whose items are too long, hold numbers, are joined by
和/及 or are verbs is not a list of the counted items, and the claim stays unresolved.

The words that decide what a claim is and what it counts (measure words, introducers, bounds …)
are the ``count-claims:`` lists of the packs' ``statements:`` sections (rules/counts.yaml;
``claim_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lint.text.numerals import parse_int

from . import claim_items as items_of

if TYPE_CHECKING:
    from lint.outline.model import Outline
    from lint.text.spans import SpanSet

    from .claim_words import ClaimWords

# The counted noun: the first words after the measure word (a quoted name is one word), up to
# punctuation or a linking word.
_NOUN_RE = re.compile(r"(?:“[^”\n]{1,10}”|[\u4e00-\u9fff]){0,6}")
_NOUN_STOP = re.compile(r"[的和与及等是]")
# 十八大, 二十大: a party congress, not eighteen of anything.
_CONGRESS = re.compile(r"(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大")
_LARGEST = 30


@dataclass(frozen=True)
class CountClaim:
    """One count claim and, when the text says, the items it counts.

    ``counts``: the item counts the listed items allow ({3}, or {3, 4} when 和 may join two);
    ``open``: the list may be partial (等, 包括): only more items than claimed contradicts it;
    ``sure``: the claim plainly introduces its items (a colon, 以下/如下, a heading's children),
    so a mismatch is an error rather than a doubt.
    """

    start: int
    end: int
    numeral: str
    value: int
    measure: str
    noun: str
    how: str
    items: tuple[tuple[int, int], ...] = ()
    counts: frozenset[int] = frozenset()
    open: bool = False
    sure: bool = True
    heading: bool = False

    @property
    def text(self) -> str:
        return f"{self.numeral}{self.measure}{self.noun}"

    @property
    def resolved(self) -> bool:
        return bool(self.items)

    @property
    def listed(self) -> int:
        """The listed count reported against the claim (the nearest the list allows)."""
        return min(self.counts, key=lambda c: (abs(c - self.value), c)) if self.counts else 0

    @property
    def agrees(self) -> bool | None:
        """None when nothing is counted; True when the items allow the claim."""
        if not self.resolved:
            return None
        if self.open:
            return min(self.counts) <= self.value
        return self.value in self.counts

    def to_dict(self, line_col) -> dict:
        line, column = line_col(self.start)
        data = {
            "line": line,
            "column": column,
            "claim": self.text,
            "value": self.value,
            "measure": self.measure,
            "noun": self.noun,
            "counts": self.how,
            "items": [line_col(a)[0] for a, _ in self.items],
            "listed": sorted(self.counts),
            "open": self.open,
            "agrees": self.agrees,
        }
        return data


def find_count_claims(text: str, outline: Outline, quoted: SpanSet, words: ClaimWords) -> list[CountClaim]:
    """Every count claim of the document, each with what it counts (or ``unresolved``)."""
    reader = items_of.ItemReader(text, outline, words)
    claims = []
    for m in claim_matches(text, words):
        claim = _claim_at(text, m, quoted, words)
        if claim is not None:
            claims.append(_resolved(reader, claim))
    return claims


def claim_matches(text: str, words: ClaimWords) -> Iterator[re.Match]:
    """Numeral + measure word that may be a count claim (the one pattern). After a character of
    ``not-after`` or a numeral the numeral is an ordinal, an estimate or part of a longer number
    (第三个, 近十项, 一百二十个, 1.5个): checked by hand, a look-behind at every position is slow."""
    not_after = words.not_after
    for m in words.claim.finditer(text):
        if m.start() == 0 or text[m.start() - 1] not in not_after:
            yield m


def _claim_at(text: str, m: re.Match, quoted: SpanSet, words: ClaimWords) -> CountClaim | None:
    value = parse_int(m.group("n"))
    if value is None or not 2 <= value <= _LARGEST:
        return None
    if quoted.overlaps(m.start(), m.end()) or _named(text, m.start(), m.end(), words.named_counts):
        return None
    bound_after = words.bound_after.match(text, m.end())
    bound = words.bound_before.search(text, max(0, m.start() - 4), m.start()) or bound_after
    noun = "" if bound_after else _noun(text, m.end())
    return CountClaim(
        start=m.start(),
        end=m.end() + len(noun),
        numeral=m.group("n"),
        value=value,
        measure=m.group("m"),
        noun=noun,
        how="bound" if bound else "unresolved",
    )


def _noun(text: str, pos: int) -> str:
    noun = _NOUN_RE.match(text, pos).group(0)  # type: ignore[union-attr]
    stop = _NOUN_STOP.search(noun)
    return noun[: stop.start()] if stop else noun


def _named(text: str, start: int, end: int, named_counts: tuple[str, ...]) -> bool:
    window = text[max(0, start - 2) : end + 3]
    return any(name in window for name in named_counts) or bool(_CONGRESS.fullmatch(text, start, end))


def _resolved(reader: items_of.ItemReader, claim: CountClaim) -> CountClaim:
    if claim.how == "bound" or reader.words.back_reference.search(reader.text, max(0, claim.start - 2), claim.start):
        return claim
    found = reader.what_is_counted(claim)
    if found is None:
        return claim
    return replace(
        claim,
        how=found.how,
        items=found.items,
        counts=found.counts,
        open=found.open,
        sure=found.sure,
        heading=found.heading,
    )
