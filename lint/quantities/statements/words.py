"""The words the statement model reads numbers by.

The words the SUM and UNIT rules depend on — change and growth verbs, share words, subset and
sum triggers, list stops, 分别, 按…统计, the dimensions of a partition (rules/sums.yaml), and the
words that introduce a conversion (rules/units-rules.yaml) — come from the ``statements:``
sections of the built-in packs (``BUILTIN_SECTIONS``), extended by the ``statements:`` sections of user
packs (word lists are appended, a partition replaces one of the same name), so a user adds a
partition (区域: 东部/中部/西部) by editing a pack. The words that make a figure a target and
name its period (rules/targets.yaml, ``targets:``) and those that decide what a count claim is and
counts (rules/counts.yaml, ``count-claims:``; lint/quantities/claim_words.py) come the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from lint.errors import UsageError
from lint.quantities.claim_words import ClaimWords, ClaimWordsSpec
from lint.quantities.wordlists import WordLists, alternatives
from lint.spec import Options, option, option_fields


class PartitionSpec(Options):
    """One dimension of a total: each member's label and the regex its part's name matches."""

    members: dict[str, str] = option(min_length=2)
    # the members that must all be present before the parts are taken as the whole
    # (default: every member; [] never: 国有/民营/外资 leave others out)
    complete: list[str] | None = None

    def __post_init__(self) -> None:
        unknown = [m for m in self.complete or () if m not in self.members]
        if unknown:
            raise ValueError(f"complete: {unknown[0]!r} is not one of the members")


class TargetWordsSpec(WordLists):
    """``statements: targets:`` — what makes a figure a target and the period it is for (keys
    documented in rules/targets.yaml)."""

    target_words: list[str] = option(default_factory=list, alias="target-words")
    modal_words: list[str] = option(default_factory=list, alias="modal-words")
    period_words: list[str] = option(default_factory=list, alias="period-words")
    target_titles: list[str] = option(default_factory=list, alias="target-titles")
    not_target_titles: list[str] = option(default_factory=list, alias="not-target-titles")
    not_target_sections: list[str] = option(default_factory=list, alias="not-target-sections")


class WordsSpec(Options):
    """A pack's ``statements:`` section. Each word list holds regex alternatives."""

    change_words: list[str] = option(default_factory=list, alias="change-words")
    comparison_words: list[str] = option(default_factory=list, alias="comparison-words")
    not_additive_words: list[str] = option(default_factory=list, alias="not-additive-words")
    cumulative_words: list[str] = option(default_factory=list, alias="cumulative-words")
    subset_words: list[str] = option(default_factory=list, alias="subset-words")
    open_words: list[str] = option(default_factory=list, alias="open-words")
    sum_words: list[str] = option(default_factory=list, alias="sum-words")
    stop_words: list[str] = option(default_factory=list, alias="stop-words")
    stop_start_words: list[str] = option(default_factory=list, alias="stop-start-words")
    respectively_words: list[str] = option(default_factory=list, alias="respectively-words")
    growth_up: list[str] = option(default_factory=list, alias="growth-up")
    growth_down: list[str] = option(default_factory=list, alias="growth-down")
    share_words: list[str] = option(default_factory=list, alias="share-words")
    by_words: list[str] = option(default_factory=list, alias="by-words")
    change_from_words: list[str] = option(default_factory=list, alias="change-from-words")
    change_to_words: list[str] = option(default_factory=list, alias="change-to-words")
    change_by_up: list[str] = option(default_factory=list, alias="change-by-up")
    change_by_down: list[str] = option(default_factory=list, alias="change-by-down")
    conversion_words: list[str] = option(default_factory=list, alias="conversion-words")
    conversion_bracket_words: list[str] = option(default_factory=list, alias="conversion-bracket-words")
    partitions: dict[str, PartitionSpec] = option(default_factory=dict)
    count_claims: ClaimWordsSpec = option(default_factory=ClaimWordsSpec, alias="count-claims")
    targets: TargetWordsSpec = option(default_factory=TargetWordsSpec)

    def merged(self, other: WordsSpec) -> WordsSpec:
        """This spec with ``other``'s words appended and its partitions added or replacing."""
        data = {name: getattr(self, name) + getattr(other, name) for name in _LISTS}
        return WordsSpec(
            **data,
            partitions={**self.partitions, **other.partitions},
            count_claims=self.count_claims.merged(other.count_claims),
            targets=self.targets.merged(other.targets),
        )


_LISTS = [field.name for field in option_fields(WordsSpec) if field.default_factory is list]


class Words:
    """The compiled words of one run (built once, shared by every document)."""

    def __init__(self, spec: WordsSpec, source: str = "rules/sums.yaml"):
        from lint.rules.base import compile_regex

        def rx(pattern: str, what: str) -> re.Pattern:
            try:
                return compile_regex(pattern, f"statements: {what}")
            except ValueError as exc:
                raise UsageError(str(exc), source) from None

        any_of = alternatives
        self.spec = spec
        self.change = rx(any_of(spec.change_words), "change-words")
        self.comparison = rx(any_of(spec.comparison_words), "comparison-words")
        self.not_additive = rx(any_of(spec.not_additive_words), "not-additive-words")
        self.cumulative = rx(any_of(spec.cumulative_words), "cumulative-words")
        self.subset = rx(any_of(spec.subset_words), "subset-words")
        self.opens_subset = rx(rf"\s*(?:{any_of(spec.subset_words)})", "subset-words")
        self.open_words = rx(any_of(spec.open_words), "open-words")
        self.sum_words = rx(any_of(spec.sum_words), "sum-words")
        self.stop = rx(any_of(spec.stop_words), "stop-words")
        self.stop_start = rx(rf"^\s*(?:{any_of(spec.stop_start_words)})", "stop-start-words")
        self.respectively = rx(any_of(spec.respectively_words), "respectively-words")
        # a rate right after its verb: the verb is the last word before the number
        up, down = any_of(spec.growth_up), any_of(spec.growth_down)
        self.growth = rx(rf"(?:(?P<up>{up})|(?P<down>{down}))(?:了|为|达)?\s*$", "growth-up/growth-down")
        self.share = rx(any_of(spec.share_words), "share-words")
        self.by = rx(any_of(spec.by_words), "by-words")
        self._compile_changes(spec, rx)
        self._compile_targets(spec.targets, rx)
        self.claims = ClaimWords(spec.count_claims, rx)
        self.dimensions: dict[str, tuple[tuple[str, re.Pattern], ...]] = {
            dim: tuple((label, rx(pattern, f"partitions.{dim}.{label}")) for label, pattern in p.members.items())
            for dim, p in spec.partitions.items()
        }
        # only the dimensions whose parts can be the whole ([] = never)
        self.complete: dict[str, set[str]] = {
            dim: set(p.members if p.complete is None else p.complete)
            for dim, p in spec.partitions.items()
            if p.complete is None or p.complete
        }

    def _compile_changes(self, spec: WordsSpec, rx) -> None:
        """由A增至B，增长p% and 3000亩（约合200公顷）: the words before and between the figures."""
        any_of = alternatives
        # 由上年的30%: a few words ending in 的 may stand between 由 and the figure
        self.change_from = rx(
            rf"(?:{any_of(spec.change_from_words)})(?:[^，。；;,]{{0,12}}?的)?\s*$", "change-from-words"
        )
        self.change_to = rx(
            rf"^\s*(?:{any_of(spec.change_to_words)})(?:[^，。；;,]{{0,12}}?的)?\s*$", "change-to-words"
        )
        up, down = any_of(spec.change_by_up), any_of(spec.change_by_down)
        self.change_by = rx(rf"^\s*[，,]?\s*(?:(?P<up>{up})|(?P<down>{down}))(?:了|为|达)?\s*$", "change-by-up/down")
        self.conversion = rx(rf"^\s*[，,、]?\s*(?:{any_of(spec.conversion_words)})\s*$", "conversion-words")
        self.conversion_bracket = rx(
            rf"\s*[（(]\s*(?:{any_of(spec.conversion_bracket_words)})?\s*", "conversion-bracket-words"
        )

    def _compile_targets(self, spec: TargetWordsSpec, rx) -> None:
        any_of = alternatives
        self.target_words = rx(any_of(spec.target_words), "targets.target-words")
        self.modal = rx(any_of(spec.modal_words), "targets.modal-words")
        self.period = rx(any_of(spec.period_words), "targets.period-words")
        self.target_title = rx(any_of(spec.target_titles), "targets.target-titles")
        self.not_target_title = rx(any_of(spec.not_target_titles), "targets.not-target-titles")
        self.not_target_section = rx(
            any_of(spec.not_target_titles + spec.not_target_sections), "targets.not-target-sections"
        )

    @classmethod
    def from_sections(cls, sections: Iterable[tuple[Any, str]]) -> Words:
        """The built-in words extended by each (section, source) in order."""
        spec = builtin_spec()
        last = "rules/" + BUILTIN_SECTIONS[-1]
        for data, source in sections:
            spec = spec.merged(validate(data, source))
            last = source
        return cls(spec, last)


def validate(data: Any, source: str) -> WordsSpec:
    if not isinstance(data, dict):
        raise UsageError("`statements` must be a mapping (word lists and partitions)", source)
    from pydantic import ValidationError  # words read from the rule-table cache need none

    from lint.validation import validate as validate_options

    try:
        return validate_options(WordsSpec, data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(f"statements.{where}: {first['msg']}", source) from None


# The built-in packs whose `statements:` sections make the built-in words, merged in this order.
BUILTIN_SECTIONS = ("sums.yaml", "units-rules.yaml", "counts.yaml", "targets.yaml")


@lru_cache(maxsize=1)
def builtin_spec() -> WordsSpec:
    from lint.rules.packs import builtin_dir
    from lint.yamlio import load_yaml, read_text

    spec = WordsSpec()
    for name in BUILTIN_SECTIONS:
        path = builtin_dir() / name
        data = load_yaml(read_text(path, "rule pack"), path.name).data
        spec = spec.merged(validate(data.get("statements"), path.name))
    return spec


@lru_cache(maxsize=1)
def builtin_words() -> Words:
    return Words(builtin_spec())
