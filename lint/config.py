"""Settings from `.gwlint.yaml` or `[tool.gwlint]` in pyproject.toml, found by walking up.

Unknown keys, wrong types and unknown rule codes stop the run (exit 2) naming file, line and key.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from lint.errors import UsageError
from lint.spec import Options, derived, option, option_names

if TYPE_CHECKING:
    from pydantic import ValidationError

CONFIG_NAMES = (".gwlint.yaml", ".gwlint.yml", "pyproject.toml")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


def _compiles(value: str | None) -> str | None:
    if value is not None:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"match regex does not compile: {exc}") from None
    return value


class IgnoreEntry(Options):
    """Suppress one code in files matching ``path``, optionally only where the flagged text matches."""

    code: str
    path: str = "**"
    match: str | None = option(None, check=_compiles)


class Pair(Options):
    """A summary and the plan it answers (paths relative to the config file). ``{year}`` in both
    pairs every year's summary with the same year's plan: 总结/{year}年工作总结.docx."""

    plan: str
    summary: str

    def plan_for(self, summary: str) -> str | None:
        """The plan of ``summary`` (a relative POSIX path) when this pair names it."""
        parts = [re.escape(piece) for piece in self.summary.split("{year}")]
        found = re.fullmatch(r"(?P<year>(?:19|20)\d{2})".join(parts), summary)
        if found is None:
            return None
        return self.plan.replace("{year}", found.group("year")) if "{year}" in self.summary else self.plan


class Settings(Options):
    """A plain class (lint.spec): pydantic validates a configuration file, and a run
    without one never imports it. Each key is the option's name in kebab case."""

    select: list[str] | None = None
    ignore: list[str | IgnoreEntry] = option(default_factory=list)
    extend_select: list[str] = option(default_factory=list, alias="extend-select")
    severity: dict[str, Literal["error", "warning", "info"]] = option(default_factory=dict)
    packs: list[str] = option(default_factory=list)
    exclude: list[str] = option(default_factory=list)
    per_file_ignores: dict[str, list[str]] = option(default_factory=dict, alias="per-file-ignores")
    kind: dict[str, Literal["summary", "plan", "notice", "report", "bulletin", "article"]] = option(
        default_factory=dict
    )
    fail_on: Literal["error", "warning", "info"] = option("error", alias="fail-on")
    min_severity: Literal["error", "warning", "info"] = option("info", alias="min-severity")
    preset: Literal["default", "pedantic"] = "default"
    lang: Literal["zh", "en"] = "zh"
    max_file_size: float | None = option(None, alias="max-file-size", gt=0)  # MB; larger files are reported, not read
    pairs: list[Pair] = option(default_factory=list)  # each summary audited against its plan

    # Where the settings came from (not keys).
    source: str | None = derived(default=None)
    root: Path | None = derived(default=None)
    lines: dict = derived(default_factory=dict)

    @property
    def ignore_codes(self) -> list[str]:
        return [entry for entry in self.ignore if isinstance(entry, str)]

    @property
    def ignore_entries(self) -> list[IgnoreEntry]:
        return [entry for entry in self.ignore if isinstance(entry, IgnoreEntry)]

    def pack_paths(self) -> list[Path]:
        base = self.root or Path.cwd()
        return [(base / p) for p in self.packs]

    def plan_for(self, summary: str) -> str | None:
        """The plan the summary at ``summary`` (relative to the config file) answers, if paired."""
        return next((plan for pair in self.pairs if (plan := pair.plan_for(summary)) is not None), None)

    def line_of(self, *path: Any) -> int | None:
        return self.lines.get(tuple(path)) or self.lines.get(tuple(path[:1]))


def default_settings() -> Settings:
    """The settings where no configuration file applies: the defaults, which need no validating."""
    return Settings()


def parse_settings(data: Any, source: str, lines: dict | None = None) -> Settings:
    lines = lines or {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UsageError("configuration must be a mapping of keys", source, 1)
    from pydantic import ValidationError

    from lint.validation import validate

    try:
        settings = validate(Settings, data)
    except ValidationError as exc:
        message, loc = describe_error(exc)
        raise UsageError(message, source, lines.get(loc) or lines.get(loc[:2]) or lines.get(loc[:1])) from None
    settings.source = source
    settings.root = Path(source).resolve().parent if source and source != "<cli>" else None
    settings.lines = lines
    return settings


# Pydantic names the alternative of a union it tried (`ignore: [str | IgnoreEntry]`); not keys.
_UNION_TAGS = ("str", "IgnoreEntry")


def describe_error(exc: ValidationError) -> tuple[str, tuple]:
    """A config validation error as ``ignore[0]: unknown key 'mtch' (did you mean 'match'?)``,
    with the location of the offending key (for its line number)."""
    errors = exc.errors()
    # A union reports one error per alternative; an unknown key inside a mapping is the telling one.
    error = next((e for e in errors if e.get("type") == "extra_forbidden"), errors[0])
    raw = tuple(error.get("loc", ()))
    loc = tuple(part for part in raw if part not in _UNION_TAGS)
    kind = error.get("type")
    if kind == "extra_forbidden" and loc:
        valid = (
            option_names(IgnoreEntry)
            if "IgnoreEntry" in raw
            else option_names(Pair)
            if loc[0] == "pairs"
            else [_kebab(name) for name in option_names(Settings)]
        )
        where = f"{format_location(loc[:-1])}: " if loc[:-1] else ""
        return f"{where}unknown key {loc[-1]!r}{did_you_mean(str(loc[-1]), valid)}", loc
    if kind == "literal_error":
        allowed = [
            str(v)
            for v in (error.get("ctx") or {}).get("expected", "").replace("'", "").replace(" or ", ", ").split(", ")
            if v
        ]
        value = error.get("input")
        hint = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        return f"{format_location(loc)}: {value!r} is not one of {', '.join(allowed)}{hint}", loc
    if loc[:1] == ("ignore",) and len(loc) == 2:
        return f"{format_location(loc)}: expected a rule code or a mapping with code, path and match", loc
    return f"{format_location(loc)}: {error.get('msg')}", loc


def format_location(loc: tuple) -> str:
    """('ignore', 0, 'match') → ignore[0].match"""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "configuration"


def did_you_mean(word: str, candidates: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load_config_file(path: Path) -> Settings:
    from lint.yamlio import read_text

    text = read_text(path, "config file")
    if path.name == "pyproject.toml":
        return _from_pyproject(text, path)
    from lint.yamlio import load_yaml

    located = load_yaml(text, str(path))
    return parse_settings(located.data, str(path), located.lines)


def _from_pyproject(text: str, path: Path) -> Settings:
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"invalid TOML: {exc}", str(path)) from None
    section = data.get("tool", {}).get("gwlint", {})
    lines = _toml_key_lines(text)
    return parse_settings(section, str(path), lines)


def _toml_key_lines(text: str) -> dict:
    """Approximate line numbers of keys inside [tool.gwlint] (tomllib keeps no positions)."""
    lines: dict = {}
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.startswith("[tool.gwlint")
            continue
        if inside and "=" in stripped:
            key = stripped.split("=", 1)[0].strip().strip('"')
            lines.setdefault((key,), number)
    return lines


def _has_gwlint_section(path: Path) -> bool:
    try:
        return "[tool.gwlint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def find_config(directory: Path) -> Path | None:
    """The nearest config file at or above ``directory``."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_gwlint_section(candidate)):
                return candidate
    return None
