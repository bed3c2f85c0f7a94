"""Registry hygiene (as ruff's registry tests): codes, names, docs, and test cases for every rule."""

from __future__ import annotations

import re

from lint.rules.packs import load_rules
from tests.test_rule_cases import CASES

RULES = load_rules().rules


def test_codes_and_names_follow_convention():
    for code, rule in RULES.items():
        assert re.fullmatch(r"[A-Z]{2,4}\d{3}", code)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name


def test_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))


def test_every_doc_field_is_filled():
    for rule in RULES.values():
        for field in ("what", "why", "wrong", "right", "standard"):
            assert getattr(rule.doc, field).strip(), f"{rule.code} doc.{field} is empty"


def test_every_text_rule_has_a_catch_and_a_look_alike():
    engine_made = {code for code, rule in RULES.items() if rule.kind == "engine"}
    for code in RULES:
        if code in engine_made:
            continue
        cases = [c for c in CASES if c.rule == code]
        catches = [c for c in cases if any(e.split()[0] == code for e in c.case.expect)]
        clean = [c for c in cases if not any(e.split()[0] == code for e in c.case.expect)]
        assert catches, f"{code} has no case it must catch"
        assert clean, f"{code} has no look-alike it must leave alone"
