"""Every YAML rule case (tests/rule_cases/*.yaml and `tests:` inside shipped packs) must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.rulecases import load_case_file, run_case
from lint.rules.packs import builtin_pack_paths

CASE_DIR = Path(__file__).with_name("rule_cases")


def _all_cases():
    cases = []
    for path in sorted(CASE_DIR.glob("*.yaml")) + builtin_pack_paths():
        cases.extend(load_case_file(path))
    return cases


CASES = _all_cases()


@pytest.mark.parametrize("loaded", CASES, ids=[f"{c.rule}-{c.name}" for c in CASES])
def test_rule_case(loaded):
    outcome = run_case(loaded)
    assert outcome.ok, outcome.detail
