"""Files → FileResults: discovery, per-directory configuration, decoding errors as IO001, fixes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Settings, find_config, load_config_file
from lint.diagnostics import FileResult, Severity
from lint.document import DecodeError, load_path, load_text
from lint.engine import Engine, Overrides, path_matches
from lint.errors import UsageError

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".docx"}
_SKIP_DIRS = {".git", ".hg", ".svn", ".gwlint_cache", "__pycache__", "node_modules", ".venv", "venv",
              ".tox", ".mypy_cache", ".pytest_cache", "build", "dist"}  # and *.egg-info


@dataclass
class RunOptions:
    config: Path | None = None
    overrides: Overrides = field(default_factory=Overrides)
    fix: bool = False
    diff: bool = False


class EngineCache:
    """One Engine per configuration file (or the explicit --config).

    Settings are parsed separately from engines (and memoised) so that the result cache can
    fingerprint a configuration, and discovery can read `exclude`, without loading rule packs.
    """

    def __init__(self, options: RunOptions):
        self.options = options
        self._engines: dict[Path | None, Engine] = {}
        self._settings: dict[Path | None, Settings] = {}
        self._explicit = load_config_file(options.config) if options.config else None
        self.first_key: Path | None | bool = False  # the first configuration used (False: none yet)
        self._used: dict[Path | None, Settings] = {}  # every configuration used, in order

    def settings_for(self, path: Path) -> tuple[Path | None, Settings]:
        if self._explicit is not None:
            return self.options.config, self._explicit
        config = find_config(_real_folder(path))
        if config is None:
            return None, Settings()
        return config, None  # loaded lazily below

    def settings(self, path: Path) -> tuple[Path | None, Settings]:
        """The configuration key and parsed Settings for ``path`` (no rule packs loaded)."""
        key = self.settings_for(path)[0] if self._explicit is None else self.options.config
        settings = self._settings.get(key)
        if settings is None:
            if self._explicit is not None:
                settings = self._explicit
            else:
                settings = load_config_file(key) if key is not None else Settings()
            self._settings[key] = settings
        if self.first_key is False:
            self.first_key = key
        self._used.setdefault(key, settings)
        return key, settings

    def engine_for(self, path: Path) -> Engine:
        return self._engine(*self.settings(path))

    def _engine(self, key: Path | None, settings: Settings) -> Engine:
        engine = self._engines.get(key)
        if engine is None:
            engine = Engine(settings, self.options.overrides)
            self._engines[key] = engine
        return engine

    def first(self) -> Engine:
        """The engine of the first configuration used (the default one when none was)."""
        if self.first_key is not False and self.first_key in self._engines:
            return self._engines[self.first_key]
        if self._engines:
            return next(iter(self._engines.values()))
        return self.default()

    def default(self) -> Engine:
        return self.engine_for(Path.cwd() / "stdin.txt")

    def engines(self) -> list[Engine]:
        return list(self._engines.values())

    def report_settings(self) -> tuple[str, Severity, Mapping[str, object]]:
        """(lang, fail_on, rules by code) of the first configuration used. Rule packs load only
        if a formatter reads the rules, so a run answered from the result cache builds no engine.
        The rules are those of every configuration's packs (first configuration wins)."""

        def all_rules() -> dict:
            engines = [self._engine(key, settings) for key, settings in self._used.items()]
            return {code: rule for e in reversed(engines) for code, rule in e.codes.items()}

        if self.first_key is False:  # nothing was checked: the default engine validates options
            engine = self.first()
            return engine.lang, engine.fail_on, all_rules()
        settings = self._used[self.first_key]
        overrides = self.options.overrides
        return (overrides.lang or settings.lang, Severity.parse(overrides.fail_on or settings.fail_on),
                _LazyRules(all_rules))


def _real_folder(path: Path) -> Path:
    try:
        return path.resolve().parent
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return path.absolute().parent


class _LazyRules(Mapping):
    """code → RuleSpec, building the engines only when first read."""

    def __init__(self, build):
        self._build = build
        self._rules = None

    def _table(self):
        if self._rules is None:
            self._rules = self._build()
        return self._rules

    def __getitem__(self, code):
        return self._table()[code]

    def __iter__(self):
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def discover(paths: list[str], cache: EngineCache) -> list[tuple[Path, str]]:
    """Expand folders into documents; a missing path stops the run (exit 2)."""
    found: list[tuple[Path, str]] = []
    seen: set[str] = set()
    no_excludes: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise UsageError("no such file or directory", given)
        if path.is_dir():
            for file_path in _walk(path):
                display = str(file_path)
                if is_excluded(file_path, cache, no_excludes):
                    continue
                real = os.path.realpath(file_path)
                if real not in seen:
                    seen.add(real)
                    found.append((file_path, display))
        else:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                found.append((path, given))
    return found


def _walk(root: Path):
    from lint.gitignore import GitIgnores

    ignores = GitIgnores(root)
    # followlinks=False: a symlink loop cannot send the walk round forever.
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=None):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith(".")
                         and not d.endswith(".egg-info") and not ignores.ignored(here / d, is_dir=True))
        for name in sorted(files):
            if (Path(name).suffix.lower() in DOCUMENT_SUFFIXES and not name.startswith((".", "~$"))
                    and not ignores.ignored(here / name)):
                yield here / name


def is_excluded(path: Path, cache: EngineCache, no_excludes: set[str] | None = None) -> bool:
    """``no_excludes``: folders already known to have no `exclude` setting (one run's memo)."""
    folder = str(path.parent)
    if no_excludes is not None and folder in no_excludes:
        return False
    if not cache.settings(path)[1].exclude:  # settings only: no rule packs loaded for this
        if no_excludes is not None:
            no_excludes.add(folder)
        return False
    engine = cache.engine_for(path)
    relative = engine.relative(str(path))
    return any(path_matches(glob, relative) for glob in engine.settings.exclude)


def lint_file(path: Path, display: str, engine: Engine) -> FileResult:
    try:
        doc = load_path(path, display)
    except PermissionError:
        return engine.io_error(display, "permission denied")
    except IsADirectoryError:
        return engine.io_error(display, "is a directory")
    except DecodeError as exc:
        return engine.io_error(display, str(exc))
    except OSError as exc:
        return engine.io_error(display, exc.strerror or str(exc))
    return engine.lint(doc)


def lint_source(text: str, display: str, engine: Engine, source_format: str = "txt") -> FileResult:
    return engine.lint(load_text(text, display, source_format))


MAX_FIX_PASSES = 6


def fix_file(path: Path, display: str, engine: Engine, write: bool) -> tuple[FileResult, str | None, str | None]:
    """Apply fixes until none remain. Returns (remaining result, original text, fixed text).

    Texts are None when the file was not fixable (unreadable, .docx, or nothing to fix).
    """
    from lint.fix import apply_fixes

    try:
        data = path.read_bytes()
        from lint.document.load import load_bytes, source_format_of

        fmt = source_format_of(str(path))
        doc = load_bytes(data, display, fmt)
    except (OSError, DecodeError):
        return lint_file(path, display, engine), None, None
    result = engine.lint(doc)
    if fmt == "docx":
        return result, None, None
    original = doc.restore(doc.text)
    current = doc
    for _ in range(MAX_FIX_PASSES):
        new_text = apply_fixes(current, result.diagnostics)
        if new_text is None:
            break
        current = load_text(new_text, display, fmt)
        current.line_endings = doc.line_endings if new_text.count("\n") == doc.text.count("\n") else current.line_endings
        result = engine.lint(current)
    if current is doc:
        return result, None, None
    fixed = doc.restore(current.text) if current.text.count("\n") == doc.text.count("\n") else current.text
    if write:
        encoded = fixed.encode(doc.encoding)
        if doc.bom:
            import codecs

            boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
                    "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
                    "utf-32-be": codecs.BOM_UTF32_BE}
            encoded = boms.get(doc.encoding, b"") + encoded
        path.write_bytes(encoded)
    return result, original, fixed
