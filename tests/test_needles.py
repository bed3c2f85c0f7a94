"""What a regex cannot match without (lint.rules.needles): the skip must never lose a match."""

from __future__ import annotations

import random
import re

import pytest

from lint.rules.kinds.pattern import PatternRule
from lint.rules.needles import TextProbe, needles_of
from lint.rules.packs import load_rules
from tests.conftest import SEEDS


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        ("(?<![A-Za-z])(?:TBD|TODO)(?![A-Za-z])", (("TBD", "TODO"),)),
        ("【[ \u3000]*】", (("【",), ("】",))),
        ("(?:(?<=[一二])|^)－(?=[0-9])", (("－",), tuple("0123456789"))),
        # a lookbehind reads text the document holds: its characters are needed all the same
        ("(?<=第)X", (("X",), ("第",))),
        # each branch needs one of its own: (a ∧ b) ∨ c gives (a ∨ c) ∧ (b ∨ c)
        ("a[^x]b|c", (("a", "c"), ("b", "c"))),
    ],
)
def test_needles_name_what_a_match_needs(pattern: str, needles: tuple) -> None:
    assert needles_of(pattern) == needles


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"\d+年", (("年",),)),  # \d is a category: only 年 is known
        ("(?i)todo", ()),  # case-insensitive: T or t
        ("x?y*", ()),  # nothing is needed
        (r"(?P<a>[:：])\d(?P=a)", ((":", "："),)),  # the back-reference: whatever the group took
        ("(?!待定)[^。]+", ()),  # a negative lookahead and a negated class need nothing
    ],
)
def test_what_is_not_understood_needs_nothing(pattern: str, needles: tuple) -> None:
    assert needles_of(pattern) == needles


def test_probe_skips_only_texts_without_a_group() -> None:
    probe = TextProbe("共有TODO两处")
    assert probe.may_match((("TBD", "TODO"), ("两",)))
    assert not probe.may_match((("TBD", "TODO"), ("三",)))
    assert probe.may_match(())


def _pack_regexes() -> list[re.Pattern]:
    regexes: list[re.Pattern] = []
    for rule in load_rules([]).rules.values():
        if isinstance(rule, PatternRule):
            compiled = rule._compiled
            gates = [compiled.gate] + [scan.gate for scan in compiled.scans if scan.gate is not None]
            regexes += [scan.regex for scan in compiled.scans] + [regex for regex, _ in compiled.exceptions]
            regexes += [gate.requires for gate in gates if gate.requires is not None]
    return regexes


def test_no_pack_regex_matches_a_text_it_would_skip() -> None:
    """Every pattern of the shipped packs, over the seeds and random slices of them: wherever the
    needles say a text cannot match, the regex finds nothing there."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(12)
    slices = [
        text[start : start + rng.randrange(1, 120)] for text in texts for start in rng.sample(range(len(text)), 60)
    ]
    regexes = _pack_regexes()
    assert len(regexes) > 50
    skipped = 0
    for regex in regexes:
        needles = needles_of(regex.pattern)
        for text in texts + slices:
            if not TextProbe(text).may_match(needles):
                skipped += 1
                assert regex.search(text) is None, (regex.pattern, text)
    assert skipped > 1000  # the needles do skip scans
