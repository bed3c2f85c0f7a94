"""Suppressions: Markdown comments and config `ignore` entries; unused ones are reported (LINT001)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.diagnostics import Diagnostic

_DIRECTIVE = re.compile(
    r"<!--\s*gwlint-(?P<what>disable-next-line|disable|enable)(?P<codes>(?:\s+[A-Z]{2,4}\d{0,3}\s*,?)*)\s*-->"
)


@dataclass
class Directive:
    what: str
    codes: list[str]
    line: int
    start: int
    end: int
    used: bool = False
    # For disable: the line range it covers (inclusive); filled once enables are known.
    first: int = 0
    last: int = 10**9
    partners: list[Directive] = field(default_factory=list)

    def covers(self, code: str, line: int) -> bool:
        if not (self.first <= line <= self.last):
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


def parse_directives(text: str, line_of) -> list[Directive]:
    directives: list[Directive] = []
    for match in _DIRECTIVE.finditer(text):
        codes = [c.strip() for c in re.split(r"[\s,]+", match["codes"]) if c.strip()]
        line = line_of(match.start())[0]
        directives.append(Directive(match["what"], codes, line, match.start(), match.end()))
    disables: list[Directive] = []
    for directive in directives:
        if directive.what == "disable-next-line":
            directive.first = directive.last = directive.line + 1
        elif directive.what == "disable":
            directive.first = directive.line
            disables.append(directive)
        else:  # enable closes matching open disables (all of them when it names no code)
            for open_disable in disables:
                if open_disable.last != 10**9:
                    continue
                if not directive.codes or set(open_disable.codes) & set(directive.codes) or not open_disable.codes:
                    open_disable.last = directive.line
            directive.used = True  # an enable suppresses nothing by itself
    return directives


def apply_directives(diagnostics: list[Diagnostic], directives: list[Directive]) -> list[Diagnostic]:
    kept = []
    active = [d for d in directives if d.what != "enable"]
    for diagnostic in diagnostics:
        hit = None
        for directive in active:
            if directive.covers(diagnostic.code, diagnostic.line):
                hit = directive
                break
        if hit is None:
            kept.append(diagnostic)
        else:
            hit.used = True
    return kept
