"""What the command line asks, and what it comes to over a configuration file.

``CheckOptions`` is everything `gwlint check` was asked, parsed once (lint.cli); its ``rules`` part
(``Overrides``) wins over each folder's configuration. ``resolve`` joins the two into the
``Effective`` settings of one configuration — the one place where an option beats a config key
beats a default — which the engine, the report and ``--show-settings`` all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.choices import DocKind, Lang, OutputFormat, Preset
from lint.diagnostics import Severity

if TYPE_CHECKING:
    from lint.config import Settings


@dataclass(frozen=True)
class Overrides:
    """Command-line choices that win over the configuration file (None: the file decides)."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    kind: DocKind | str | None = None  # None or "auto": the config's `kind:` globs, else detection
    lang: Lang | None = None
    fail_on: Severity | None = None
    min_severity: Severity | None = None
    preset: Preset | None = None
    packs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckOptions:
    """Everything `gwlint check` was asked."""

    paths: list[str]
    rules: Overrides = field(default_factory=Overrides)
    config: Path | None = None  # --config: this file instead of discovery
    format: OutputFormat | None = None  # None: full on a terminal, else concise
    output: Path | None = None
    fix: bool = False
    diff: bool = False
    unsafe_fixes: bool = False
    show_settings: bool = False
    exit_zero: bool = False
    statistics: bool = False
    quiet: bool = False
    stdin_filename: str | None = None
    no_cache: bool = False
    jobs: int | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None


@dataclass(frozen=True)
class Effective:
    """The settings one configuration and the command line come to."""

    select: list[str] | None  # None: the preset's rules
    extend_select: list[str]
    ignore: list[str]  # codes and prefixes (entries with a path or match stay in Settings)
    preset: Preset
    kind: DocKind | None  # --kind; None: the configuration's `kind:` globs, else detection
    lang: Lang
    fail_on: Severity
    min_severity: Severity
    packs: list[Path]


def resolve(settings: Settings, overrides: Overrides) -> Effective:
    return Effective(
        select=overrides.select if overrides.select is not None else settings.select,
        extend_select=settings.extend_select + overrides.extend_select,
        ignore=settings.ignore_codes + overrides.ignore,
        preset=Preset(overrides.preset or settings.preset),
        kind=None if overrides.kind in (None, "auto") else DocKind(overrides.kind),
        lang=Lang(overrides.lang or settings.lang),
        fail_on=Severity.parse(overrides.fail_on or settings.fail_on),
        min_severity=Severity.parse(overrides.min_severity or settings.min_severity),
        packs=settings.pack_paths() + [Path(p) for p in overrides.packs],
    )
