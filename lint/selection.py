"""Which rules run: select / extend-select / ignore by code prefix; the longest prefix wins.

Without `select`, the preset decides the base: ``default`` is every rule a reviewer acts on
(pedantic rules left out, like ruff's default set), ``pedantic`` is every stable rule. An
explicit `select` (``ALL``, a prefix or a code) or `extend-select` also picks pedantic rules.
"""

from __future__ import annotations

from lint.errors import UsageError


def _longest(code: str, prefixes: list[str]) -> str | None:
    best = None
    for prefix in prefixes:
        if prefix == "ALL" or code.startswith(prefix):
            key = "" if prefix == "ALL" else prefix
            if best is None or len(key) > len(best):
                best = key
    return best


class Selector:
    def __init__(self, select: list[str] | None, extend_select: list[str], ignore: list[str], preset: str = "default"):
        self.select = list(select) if select is not None else ["ALL"]
        self.extend_select = list(extend_select)
        self.ignore = list(ignore)
        # Pedantic rules are left out only when the base is the quiet default set.
        self.quiet = select is None and preset == "default"

    def is_selected(self, code: str, *, enabled: bool = True, preview: bool = False, pedantic: bool = False) -> bool:
        chosen = _longest(code, self.select + self.extend_select)
        if chosen is None:
            return False
        ignored = _longest(code, self.ignore)
        if ignored is not None and len(ignored) >= len(chosen):
            return False
        if pedantic and self.quiet and _longest(code, self.extend_select) is None:
            return False
        explicit = chosen == code
        if not enabled and not explicit:
            return False
        if preview and not chosen:  # preview rules run only when selected by prefix or code
            return False
        return True


def check_codes(entries: list[str], known: list[str], what: str, source: str | None, line: int | None) -> None:
    """Every entry must be ALL or a prefix of at least one known rule code."""
    for entry in entries:
        if entry == "ALL":
            continue
        if not any(code.startswith(entry) for code in known):
            from lint.config import did_you_mean

            raise UsageError(f"{what}: unknown rule code or prefix {entry!r}{did_you_mean(entry, known)}", source, line)


def split_codes(values: list[str] | None) -> list[str]:
    """CLI values: "PH001,UNIT" and repeated options both work."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip().upper() for part in value.split(",") if part.strip())
    return out
