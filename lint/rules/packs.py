"""YAML rule packs → validated rule objects. Every error names the pack file and line.

A pack is a mapping::

    pack: core                 # optional name (defaults to the file stem)
    description: …
    extends: [other.yaml]      # optional; paths relative to this pack, or built-in pack names
    rules:
      - code: PH001            # a new rule: needs `kind`
        kind: pattern
        …
      - code: PUNC001          # an override of a rule defined earlier: no `kind`
        severity: info         #   only severity / enabled / pedantic may change
        enabled: false
"""

from __future__ import annotations

import copy
import importlib
import re
import string
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import UsageError
from lint.rules.base import GUARD_EVERY_PATTERN, RuleSpec
from lint.rules.tablecache import cached_table, text_digest

if TYPE_CHECKING:
    from pydantic import ValidationError

    from lint.yamlio import Located

_PACK_KEYS = {"pack", "description", "extends", "rules", "units", "indicators", "statements"}
_OVERRIDE_KEYS = {"code", "severity", "enabled", "pedantic"}
# YAML files in rules/ that are data, not rule packs.
NOT_PACKS = {"units.yaml", "docs-zh.yaml"}


def builtin_dir() -> Path:
    """rules/ in a source checkout or editable install; lint/packs inside an installed wheel."""
    source = Path(__file__).resolve().parents[2] / "rules"
    if (source / "core.yaml").exists() or source.is_dir() and any(source.glob("*.yaml")):
        return source
    from importlib.resources import files

    return Path(str(files("lint.packs")))


def builtin_pack_paths() -> list[Path]:
    directory = builtin_dir()
    return sorted(p for p in directory.glob("*.yaml") if p.name not in NOT_PACKS)


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_KIND_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def kind_class(kind: str) -> type[RuleSpec] | None:
    """The class of a rule kind, or None for a name that is not one (`a.b`, `_structure`)."""
    if not _KIND_NAME.fullmatch(kind):
        return None
    module_name = "lint.rules.kinds." + kind.replace("-", "_")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, "RULE", None)


def known_kinds() -> list[str]:
    directory = Path(__file__).with_name("kinds")
    return sorted(p.stem.replace("_", "-") for p in directory.glob("*.py") if not p.stem.startswith("_"))


class RuleTable:
    """Rules by code, in load order, with the packs they came from."""

    def __init__(self) -> None:
        self.rules: dict[str, RuleSpec] = {}
        self.loaded: set[Path] = set()
        # `units:` sections of user packs (same keys as rules/units.yaml), merged in load order.
        self.unit_packs: list[tuple[dict, str]] = []
        self._registry = None
        # `indicators:` lists of user packs (entries as in rules/indicators/*.yaml), in load order.
        self.indicator_packs: list[tuple[list, str]] = []
        self._lexicon = None
        # `statements:` sections of user packs (word lists and partitions), in load order.
        self.statement_packs: list[tuple[dict, str]] = []
        self._words = None
        # Content digest of every pack read, by path: what makes a cached table stale.
        self.digests: dict[str, str] = {}

    def unit_registry(self):
        """The built-in unit registry extended by the packs' `units:` sections (built once; kept
        with the table in the rule-table cache, compiled, with rules/units.yaml among its digests)."""
        if self._registry is None:
            from lint.quantities.units import UnitRegistry

            registry = UnitRegistry.default()
            for mapping, source in self.unit_packs:
                registry = registry.extend(mapping, source)
            self._registry = registry
        return self._registry

    def lexicon(self):
        """The built-in indicator lexicon extended by the packs' `indicators:` lists (built once)."""
        if self._lexicon is None:
            from lint.quantities.indicators import Lexicon

            lexicon = Lexicon.builtin()
            for entries, source in self.indicator_packs:
                lexicon = lexicon.extend(entries, source)
            self._lexicon = lexicon
        return self._lexicon

    def statement_words(self):
        """The built-in statement words extended by the packs' `statements:` sections (built once)."""
        if self._words is None:
            from lint.quantities.statements.words import Words

            self._words = Words.from_sections(self.statement_packs)
        return self._words

    def load_pack(self, path: Path, *, builtin: bool = False) -> None:
        path = path.resolve()
        if path in self.loaded:
            return
        self.loaded.add(path)
        shown = path.name if builtin else str(path)
        from lint.yamlio import load_yaml, read_text  # YAML loads only when a pack is read, not cached

        text = read_text(path, "rule pack")
        self.digests[str(path)] = text_digest(text)
        located = load_yaml(text, shown)
        # A user's pack (and what it extends) runs every pattern under the regex time budget.
        token = GUARD_EVERY_PATTERN.set(not builtin or GUARD_EVERY_PATTERN.get())
        try:
            self._load_data(located, path, shown)
        finally:
            GUARD_EVERY_PATTERN.reset(token)

    def _load_data(self, located: Located, path: Path, shown: str) -> None:
        data = located.data
        _check_pack_shape(data, located, shown)
        for target in _extends_of(data, located, shown):
            self.load_pack(self._resolve(str(target), path, shown, located))
        self._load_vocabularies(data, located, path, shown)
        rules = data.get("rules", [])
        if not isinstance(rules, list):
            raise UsageError("`rules` must be a list", shown, located.line_of(("rules",)))
        pack_name = str(data.get("pack") or path.stem)
        for index, entry in enumerate(rules):
            self._load_rule(entry, index, pack_name, located, shown)

    def _load_vocabularies(self, data: dict, located: Located, path: Path, shown: str) -> None:
        """A pack's `units:`, `indicators:` and `statements:`: merged now, so that a malformed one
        stops the run naming the pack."""
        units = data.get("units")
        if units is not None:
            if not isinstance(units, dict):
                raise UsageError(
                    "`units` must be a mapping shaped like rules/units.yaml", shown, located.line_of(("units",))
                )
            self.unit_packs.append((units, shown))
            self._registry = None
            self.unit_registry()
        if "indicators" in data:
            self.indicator_packs.append((data["indicators"], shown))
            self._lexicon = None
            self.lexicon()
        if "statements" in data and path.parent != builtin_dir().resolve():  # not the built-in words
            self.statement_packs.append((data["statements"], shown))
            self._words = None
            self.statement_words()

    def _resolve(self, target: str, path: Path, shown: str, located: Located) -> Path:
        candidate = path.parent / target
        if candidate.exists():
            return candidate
        builtin = builtin_dir() / (target if target.endswith(".yaml") else target + ".yaml")
        if builtin.exists():
            return builtin
        raise UsageError(f"extends: pack {target!r} not found", shown, located.line_of(("extends",)))

    def _load_rule(self, entry: Any, index: int, pack: str, located: Located, shown: str) -> None:
        where = ("rules", index)
        line = located.line_of(where)
        if not isinstance(entry, dict):
            raise UsageError("each rule must be a mapping", shown, line)
        code = entry.get("code")
        if not isinstance(code, str):
            raise UsageError("rule has no `code`", shown, line)
        if "kind" not in entry:
            self._override(entry, code, located, where, shown)
            return
        if code in self.rules:
            first = self.rules[code]
            raise UsageError(
                f"duplicate rule code {code} (first defined in {first.source}:{first.source_line})",
                shown,
                located.line_of(where + ("code",)),
            )
        kind = entry["kind"]
        cls = kind_class(str(kind))
        if cls is None:
            raise UsageError(
                f"unknown rule kind {kind!r} (known: {', '.join(known_kinds())})",
                shown,
                located.line_of(where + ("kind",)),
            )
        from pydantic import ValidationError  # only building the table validates

        from lint.validation import validate

        try:
            rule = validate(cls, entry)
        except ValidationError as exc:
            raise _validation_error(exc, located, where, shown, code) from None
        except ValueError as exc:  # raised by a kind's own compile step
            raise UsageError(f"rule {code}: {exc}", shown, line) from None
        for key, template in (("message", rule.message), ("message-en", rule.message_en)):
            problem = _template_problem(template)
            if problem:
                raise UsageError(f"rule {code}: {key}: {problem}", shown, located.line_of(where + (key,)))
        rule.pack = pack
        rule.source = shown
        rule.source_line = line or 0
        self.rules[code] = rule

    def _override(self, entry: dict, code: str, located: Located, where: tuple, shown: str) -> None:
        if code not in self.rules:
            raise UsageError(
                f"rule {code} is not defined (an entry without `kind` overrides an existing rule)",
                shown,
                located.line_of(where + ("code",)),
            )
        unknown = set(entry) - _OVERRIDE_KEYS
        if unknown:
            key = sorted(unknown)[0]
            raise UsageError(
                f"an override may only set severity, enabled or pedantic, not {key!r}",
                shown,
                located.line_of(where + (key,)),
            )
        rule = copy.copy(self.rules[code])
        if "severity" in entry:
            if entry["severity"] not in ("error", "warning", "info"):
                raise UsageError(
                    "severity must be error, warning or info", shown, located.line_of(where + ("severity",))
                )
            rule.severity = entry["severity"]
        for flag in ("enabled", "pedantic"):
            if flag in entry:
                if not isinstance(entry[flag], bool):
                    raise UsageError(f"{flag} must be true or false", shown, located.line_of(where + (flag,)))
                setattr(rule, flag, entry[flag])
        self.rules[code] = rule


def _check_pack_shape(data: Any, located: Located, shown: str) -> None:
    if not isinstance(data, dict):
        raise UsageError(
            "a rule pack must be a mapping with a `rules:` list, "
            f"not {type(data).__name__ if data is not None else 'an empty file'}",
            shown,
            1,
        )
    unknown = set(data) - _PACK_KEYS
    if unknown:
        key = sorted(map(str, unknown))[0]
        raise UsageError(
            f"unknown key {key!r} in rule pack (allowed: {', '.join(sorted(_PACK_KEYS))})",
            shown,
            located.line_of((key,)),
        )


def _extends_of(data: dict, located: Located, shown: str) -> list:
    extends = data.get("extends") or []
    if isinstance(extends, str):
        extends = [extends]
    if not isinstance(extends, list):
        raise UsageError("`extends` must be a list of packs", shown, located.line_of(("extends",)))
    return extends


def _template_problem(template: str | None) -> str | None:
    """Why a message template cannot be filled (named fields {match}, {count}… only), or None."""
    if template is None:
        return None
    try:
        for _, field, spec, conversion in string.Formatter().parse(template):
            if field is None:
                continue
            if not field or field.isdigit():
                return "positional fields such as {} or {0} are not allowed; name the value ({match})"
            if not _FIELD_NAME.fullmatch(field):
                return f"{{{field}}}: a field is a plain name such as {{match}} (no attributes or indexes)"
            if conversion or spec:  # a spec that fits one value fails on another, at lint time
                return f"{{{field}}}: conversions and format specs are not allowed"
    except ValueError as exc:  # a lone { or }
        return f"{exc} (write {{{{ and }}}} for literal braces)"
    return None


def _validation_error(exc: ValidationError, located: Located, where: tuple, shown: str, code: str) -> UsageError:
    error = exc.errors()[0]
    loc = tuple(error.get("loc", ()))
    # Discriminated or nested locations may name a model; keep only real keys/indices.
    path = where + tuple(part for part in loc if isinstance(part, (int, str)))
    field = ".".join(str(part) for part in loc) or "rule"
    message = error.get("msg", "invalid value")
    if error.get("type") == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}" if loc else "unknown key"
    elif error.get("type") == "missing":
        message = f"missing required key {field!r}"
    else:
        message = f"{field}: {message}"
    return UsageError(f"rule {code}: {message}", shown, located.line_of(path))


def load_rules(extra_packs: list[Path] | None = None) -> RuleTable:
    """The built-in packs, then ``extra_packs``: validated once, then read from the rule-table cache
    while no pack changes (lint.rules.tablecache)."""
    builtin, extra = builtin_pack_paths(), list(extra_packs or [])
    return cached_table(builtin + extra, lambda: _build_rules(builtin, extra))


def _build_rules(builtin: list[Path], extra: list[Path]) -> RuleTable:
    table = RuleTable()
    # The unit registry and the indicator lexicon are kept with the table (compiled): their data too.
    directory = builtin_dir()
    for data in [directory / "units.yaml", *sorted((directory / "indicators").glob("*.yaml"))]:
        table.digests[str(data.resolve())] = text_digest(data.read_text(encoding="utf-8"))
    for path in builtin:
        table.load_pack(path, builtin=True)
    for path in extra:
        table.load_pack(path)
    return table
