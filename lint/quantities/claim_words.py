"""The words that decide what a count claim is and what it counts (see ``claims`` and
``claim_items``): the ``count-claims:`` part of a pack's ``statements:`` section, shipped in
rules/counts.yaml and appended to by user packs (``measure-words: [道]`` makes 三道防线 a claim).
Each list holds regex alternatives, except the literal words of ``measure-words``,
``named-counts``, ``not-after`` and ``list-verbs``."""

from __future__ import annotations

import re
from collections.abc import Callable

from lint.quantities.wordlists import WordLists, alternatives, literal_alternatives
from lint.spec import option

# A count's numeral: Chinese up to three characters or Arabic up to 99.
_NUMERAL = "[一二两三四五六七八九十]{1,3}|[1-9][0-9]?"
# After a digit or a numeral the match is part of a longer number (一百二十个, 1.5个).
_IN_A_NUMBER = ".．百千万亿零〇0123456789０１２３４５６７８９一二两三四五六七八九十"


class ClaimWordsSpec(WordLists):
    """``statements: count-claims:`` (keys documented in rules/counts.yaml)."""

    measure_words: list[str] = option(default_factory=list, alias="measure-words")
    not_after: list[str] = option(default_factory=list, alias="not-after")
    bound_before: list[str] = option(default_factory=list, alias="bound-before")
    bound_after: list[str] = option(default_factory=list, alias="bound-after")
    back_references: list[str] = option(default_factory=list, alias="back-references")
    named_counts: list[str] = option(default_factory=list, alias="named-counts")
    colon_words: list[str] = option(default_factory=list, alias="colon-words")
    sure_introducers: list[str] = option(default_factory=list, alias="sure-introducers")
    introducers: list[str] = option(default_factory=list)
    open_lead: list[str] = option(default_factory=list, alias="open-lead")
    open_list: list[str] = option(default_factory=list, alias="open-list")
    and_words: list[str] = option(default_factory=list, alias="and-words")
    not_item_end: list[str] = option(default_factory=list, alias="not-item-end")
    predicates: list[str] = option(default_factory=list)
    list_verbs: list[str] = option(default_factory=list, alias="list-verbs")


class ClaimWords:
    """The compiled count-claim words of one run."""

    def __init__(self, spec: ClaimWordsSpec, rx: Callable[[str, str], re.Pattern]):
        any_of = alternatives
        measures = literal_alternatives(spec.measure_words)
        self.claim = rx(rf"(?P<n>{_NUMERAL})(?P<m>{measures})", "count-claims.measure-words")
        self.not_after = frozenset("".join(spec.not_after) + _IN_A_NUMBER)
        self.bound_before = rx(rf"(?:{any_of(spec.bound_before)})$", "count-claims.bound-before")
        self.bound_after = rx(any_of(spec.bound_after), "count-claims.bound-after")
        self.back_reference = rx(rf"(?:{any_of(spec.back_references)})$", "count-claims.back-references")
        self.named_counts = tuple(spec.named_counts)
        # "…三个方面：", "…六项重点指标如下：": what may stand between a claim's noun and its colon
        self.to_colon = rx(
            rf"[\u4e00-\u9fff“”]{{0,8}}?(?:{any_of(spec.colon_words)})?[ \u3000]*[：:]", "count-claims.colon-words"
        )
        self.sure_introducer = rx(any_of(spec.sure_introducers), "count-claims.sure-introducers")
        self.introducer = rx(any_of(spec.introducers), "count-claims.introducers")
        self.open_lead = rx(any_of(spec.open_lead), "count-claims.open-lead")
        self.open_list = rx(any_of(spec.open_list), "count-claims.open-list")
        self.and_words = rx(any_of(spec.and_words), "count-claims.and-words")
        self.not_item_end = rx(rf"(?:{any_of(spec.not_item_end)})$", "count-claims.not-item-end")
        self.predicate = rx(any_of(spec.predicates), "count-claims.predicates")
        self.list_verbs = frozenset(spec.list_verbs)
