"""engine: a rule whose findings the engine itself produces (IO001 reading errors,
LINT001 unused suppressions). It has a code, name, docs and severity like any rule, so it can
be selected, ignored and explained, but its ``check`` finds nothing in the text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec


class EngineRule(RuleSpec):
    kind: Literal["engine"]

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        return iter(())


RULE = EngineRule
