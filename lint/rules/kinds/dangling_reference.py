"""dangling-reference: a phrase that points back (围绕上述目标) to something the text before it never states.

A plan whose 主要目标 section was dropped still says "围绕上述目标，重点抓好…" in its tasks: the
reference survives the section it referred to. Anything that states what the reference points to,
anywhere earlier in the document, satisfies it (a 目标 heading, "主要预期目标是：…", a figure set
as a target), so a reference that could have an antecedent is left alone.

Options (YAML):
  references   regexes: the back-referring phrases (上述目标, 以上目标).
  antecedents  regexes: what the reference points to; a match before the reference satisfies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from lint.diagnostics import Diagnostic
from lint.rules.base import Context, RuleSpec, compile_regex
from lint.spec import derived, option


class DanglingReferenceRule(RuleSpec):
    kind: Literal["dangling-reference"]
    references: list[str] = option(min_length=1)
    antecedents: list[str] = option(min_length=1)

    _references: re.Pattern | None = derived(default=None)
    _antecedents: re.Pattern | None = derived(default=None)

    def __post_init__(self) -> None:
        self._references = compile_regex(_alternation(self.references), "references")
        self._antecedents = compile_regex(_alternation(self.antecedents), "antecedents")

    def check(self, ctx: Context) -> Iterator[Diagnostic]:
        if self._references is None or self._antecedents is None:
            return  # compiled by the validator
        text = ctx.text
        for m in self._references.finditer(text):
            if self._antecedents.search(text, 0, m.start()):
                return  # every later reference has this antecedent too
            yield ctx.diagnostic(self, m.start(), m.end(), reference=m.group(0))


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


RULE = DanglingReferenceRule
