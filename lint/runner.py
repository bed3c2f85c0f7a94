"""Files → FileResults: discovery, per-directory configuration, decoding errors as IO001, fixes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lint.choices import Lang
from lint.config import Settings, default_settings, find_config, load_config_file
from lint.diagnostics import FileResult, Severity
from lint.document import DecodeError, Document, load_bytes, load_text
from lint.document.read import MAX_FILE_BYTES, InputRefused, read_regular_file
from lint.engine import Engine, path_matches
from lint.errors import InternalError, UsageError
from lint.options import Overrides, resolve

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".docx"}
# `gwlint review`'s output: a copy of a document already checked, skipped when walking a folder
# (named on the command line, it is linted like any file).
REVIEWED_SUFFIX = ".reviewed.docx"
_SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    ".gwlint_cache",
    "__pycache__",
    "node_modules",
    ".venv",
    "venv",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    "build",
    "dist",
}  # and *.egg-info


class EngineCache:
    """One Engine per configuration file (or the explicit ``config``), each under the same
    command-line ``overrides``.

    Settings are parsed separately from engines (and memoised) so that the result cache can
    fingerprint a configuration, and discovery can read `exclude`, without loading rule packs.
    """

    def __init__(self, overrides: Overrides | None = None, config: Path | None = None):
        self.overrides = overrides or Overrides()
        self.config = config
        self._engines: dict[Path | None, Engine] = {}
        self._settings: dict[Path | None, Settings] = {}
        self._explicit = load_config_file(config) if config else None
        self.first_key: Path | None = None  # the first configuration used (meaningful once _used has one)
        self._used: dict[Path | None, Settings] = {}  # every configuration used, in order

    def settings_for(self, path: Path) -> tuple[Path | None, Settings | None]:
        """The configuration key for ``path`` and its Settings when known without loading (None: not loaded yet)."""
        if self._explicit is not None:
            return self.config, self._explicit
        config = find_config(_real_folder(path))
        if config is None:
            return None, default_settings()
        return config, None  # loaded lazily below

    def settings(self, path: Path) -> tuple[Path | None, Settings]:
        """The configuration key and parsed Settings for ``path`` (no rule packs loaded)."""
        key = self.settings_for(path)[0] if self._explicit is None else self.config
        settings = self._settings.get(key)
        if settings is None:
            if self._explicit is not None:
                settings = self._explicit
            else:
                settings = load_config_file(key) if key is not None else default_settings()
            self._settings[key] = settings
        if not self._used:
            self.first_key = key
        self._used.setdefault(key, settings)
        return key, settings

    def engine_for(self, path: Path) -> Engine:
        return self._engine(*self.settings(path))

    def _engine(self, key: Path | None, settings: Settings) -> Engine:
        engine = self._engines.get(key)
        if engine is None:
            engine = Engine(settings, self.overrides)
            self._engines[key] = engine
        return engine

    def first(self) -> Engine:
        """The engine of the first configuration used (the default one when none was)."""
        if self._used and self.first_key in self._engines:
            return self._engines[self.first_key]
        if self._engines:
            return next(iter(self._engines.values()))
        return self.default()

    def default(self) -> Engine:
        return self.engine_for(Path.cwd() / "stdin.txt")

    def engines(self) -> list[Engine]:
        return list(self._engines.values())

    def report_settings(self) -> tuple[Lang, Severity, Mapping[str, object]]:
        """(lang, fail_on, rules by code) of the first configuration used. Rule packs load only
        if a formatter reads the rules, so a run answered from the result cache builds no engine.
        The rules are those of every configuration's packs (first configuration wins)."""

        def all_rules() -> dict:
            engines = [self._engine(key, settings) for key, settings in self._used.items()]
            return {code: rule for e in reversed(engines) for code, rule in e.codes.items()}

        if not self._used:  # nothing was checked: the default engine validates options
            engine = self.first()
            return engine.lang, engine.fail_on, all_rules()
        effective = resolve(self._used[self.first_key], self.overrides)
        return effective.lang, effective.fail_on, _LazyRules(all_rules)


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
    """Expand folders into documents; a missing path stops the run (exit 2). FIFOs, devices and
    sockets are never opened (a FIFO named doc.txt would wait for a writer): said and skipped."""
    found: list[tuple[Path, str]] = []
    seen: set[str] = set()
    no_excludes: set[str] = set()
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise UsageError("no such file or directory", given)
        if not path.is_dir() and _special(path, given):
            continue
        if path.is_dir():
            for file_path in _walk(path):
                display = str(file_path)
                if _special(file_path, display) or is_excluded(file_path, cache, no_excludes):
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


def _special(path: Path, display: str) -> bool:
    """Whether ``path`` is a FIFO, device or socket (warned about on stderr)."""
    import stat
    import sys

    try:
        mode = path.stat().st_mode
    except OSError:  # missing or unreadable: lint_one reports it
        return False
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return False
    from lint.document.read import file_type

    print(f"gwlint: warning: {display}: not a regular file ({file_type(mode)}); skipped", file=sys.stderr)
    return True


def _walk(root: Path):
    from lint.gitignore import GitIgnores

    ignores = GitIgnores(root)
    # followlinks=False: a symlink loop cannot send the walk round forever.
    for folder, dirs, files in os.walk(root, followlinks=False, onerror=None):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in _SKIP_DIRS
            and not d.startswith(".")
            and not d.endswith(".egg-info")
            and not ignores.ignored(here / d, is_dir=True)
        )
        for name in sorted(files):
            if (
                Path(name).suffix.lower() in DOCUMENT_SUFFIXES
                and not name.startswith((".", "~$"))
                and not name.lower().endswith(REVIEWED_SUFFIX)
                and not ignores.ignored(here / name)
            ):
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


@dataclass(frozen=True)
class Source:
    """One document to check: a file on disk (``path``) or bytes already in hand (stdin, an
    editor's buffer: ``data``). ``display`` is the name reports show; ``format_name`` decides the
    reader (.docx, .md or plain text)."""

    display: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def format_name(self) -> str:
        from lint.document.load import source_format_of

        return source_format_of(str(self.path) if self.path is not None else self.display)

    def read(self, max_bytes: int) -> bytes:
        if self.data is not None:
            if len(self.data) > max_bytes:
                raise InputRefused(
                    f"input too large ({len(self.data) / 1048576:.1f} MB; the limit is "
                    f"{max_bytes / 1048576:g} MB, set by `max-file-size`)"
                )
            return self.data
        assert self.path is not None
        return read_regular_file(self.path, max_bytes)


def max_file_bytes(settings: Settings) -> int:
    """The size cap: `max-file-size` (MB) from the configuration, else the default."""
    if settings.max_file_size is not None:
        return int(settings.max_file_size * 1024 * 1024)
    return MAX_FILE_BYTES


def _debugging() -> bool:
    return bool(os.environ.get("GWLINT_DEBUG"))


def _load(source: Source, engine: Engine) -> tuple[Document | None, bytes | None, FileResult | None]:
    """(document, its bytes, None) or (None, None, the IO001/LINT002 result saying why not)."""
    try:
        data = source.read(max_file_bytes(engine.settings))
        return load_bytes(data, source.display, source.format_name), data, None
    except InputRefused as exc:
        return None, None, engine.io_error(source.display, str(exc))
    except IsADirectoryError:
        return None, None, engine.io_error(source.display, "is a directory")
    except PermissionError:
        return None, None, engine.io_error(source.display, "permission denied")
    except DecodeError as exc:
        return None, None, engine.io_error(source.display, str(exc))
    except OSError as exc:
        return None, None, engine.io_error(source.display, exc.strerror or str(exc))
    except Exception as exc:  # a bug in reading: this file only
        if _debugging():
            raise
        return None, None, _failed(engine, source.display, InternalError("reading", exc))


def lint_document(doc: Document, engine: Engine, plan: Document | None = None) -> FileResult:
    """The rules on one Document (``plan``: the plan it answers, from `pairs:`). A rule that
    raises costs its own findings (LINT002, from the engine); a step before the rules that
    raises (outline, kind) costs the file's findings."""
    return _run_rules(doc, engine, plan)[0]


def _run_rules(doc: Document, engine: Engine, plan: Document | None = None) -> tuple[FileResult, bool]:
    """(result, whether the rules ran): False when a step before the rules raised."""
    try:
        return engine.lint(doc, plan), True
    except Exception as exc:
        if _debugging():
            raise
        return _failed(engine, doc.path, InternalError("engine", exc), doc.text), False


def _failed(engine: Engine, display: str, error: InternalError, text: str = "") -> FileResult:
    return FileResult(path=display, kind="unknown", diagnostics=[engine.internal_error(error)], text=text)


def lint_one(source: Source, engine: Engine) -> FileResult:
    """The one way a document is checked, whatever asked (files, stdin, --fix, --diff, the result
    cache, a worker process, the language server). Never raises for a problem of one file."""
    doc, _, failure = _load(source, engine)
    if failure is not None:
        return failure
    assert doc is not None
    plan, unreadable = paired_plan(source, engine)
    result = lint_document(doc, engine, plan)
    result.diagnostics[:0] = unreadable
    return result


def paired_plan(source: Source, engine: Engine) -> tuple[Document | None, list]:
    """The plan `pairs:` pairs this document with (None when none), and the IO001 finding
    saying why it could not be read. A plan that does not exist is a configuration error."""
    settings = engine.settings
    if not settings.pairs or source.path is None:
        return None, []
    plan = settings.plan_for(engine.relative(str(source.path)))
    if plan is None:
        return None, []
    path = (settings.root or Path.cwd()) / plan
    if not path.is_file():
        raise UsageError(
            f"pairs: the plan {plan} of {source.display} does not exist", settings.source, settings.line_of("pairs")
        )
    doc, _, failure = _load(Source(plan, path=path), engine)
    if failure is None:
        return doc, []
    cause = "; ".join(d.message for d in failure.diagnostics)
    return None, engine.io_error(source.display, f"pairs: {plan}: {cause}").diagnostics


def lint_file(path: Path, display: str, engine: Engine) -> FileResult:
    return lint_one(Source(display, path=path), engine)


def lint_source(text: str, display: str, engine: Engine, source_format: str = "txt") -> FileResult:
    """An editor's buffer (already text)."""
    return lint_document(load_text(text, display, source_format), engine)


def failure_of(result: FileResult) -> str | None:
    """The internal error a result carries (LINT002), or None."""
    for diagnostic in result.diagnostics:
        if diagnostic.code == "LINT002":
            return diagnostic.message
    return None


# Fixes are applied pass after pass until the text stops changing; a rule whose fix keeps
# producing new fixes is cut off here (the next run would find the same again: no loop for ever).
MAX_FIX_PASSES = 10


@dataclass
class FixOutcome:
    """What fixing one document came to. ``before``/``after`` are the file's bytes (None when
    nothing changed or the document cannot be fixed: unreadable, .docx)."""

    result: FileResult
    before: bytes | None = None
    after: bytes | None = None
    encoding: str = "utf-8"

    @property
    def changed(self) -> bool:
        return self.before is not None and self.after is not None and self.before != self.after


def fix_one(source: Source, engine: Engine, unsafe: bool = False) -> FixOutcome:
    """Apply fixes (safe ones; unsafe ones too with ``unsafe``) until none changes the text.

    Nothing is written here: the caller decides (--fix writes, --diff prints, stdin prints).
    The result is the findings that remain after fixing.
    """
    from lint.fix import apply_fixes

    doc, data, failure = _load(source, engine)
    if failure is not None:
        return FixOutcome(failure)
    assert doc is not None and data is not None
    plan, _ = paired_plan(source, engine)
    result, rules_ran = _run_rules(doc, engine, plan)
    # A rule that raised (LINT002) costs its own fixes only; the other rules' fixes still apply.
    if doc.source_format == "docx" or not rules_ran:
        return FixOutcome(result)
    current = doc
    for _ in range(MAX_FIX_PASSES):
        new_text = apply_fixes(current, result.diagnostics, unsafe=unsafe)
        if new_text is None:
            break
        current = load_text(new_text, doc.path, doc.source_format)
        result, rules_ran = _run_rules(current, engine, plan)
        if not rules_ran:  # the fixed text broke a step before the rules: keep the fixes so far
            break
    if current is doc:
        return FixOutcome(result)
    return FixOutcome(result, data, encode_like(doc, current.text), doc.encoding)


def encode_like(original: Document, text: str) -> bytes:
    """``text`` (normalised line breaks) as bytes in the original's encoding, BOM and line endings."""
    import codecs

    same_lines = text.count("\n") == original.text.count("\n")
    if same_lines:
        text = original.restore(text)
    elif any(e == "\r\n" for e in original.line_endings):
        text = text.replace("\n", "\r\n")
    boms = {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }
    prefix = boms.get(original.encoding, b"") if original.bom else b""
    return prefix + text.encode(original.encoding)


def fix_file(
    path: Path, display: str, engine: Engine, write: bool = False
) -> tuple[FileResult, str | None, str | None]:
    """fix_one for callers that compare texts (review): (remaining result, original text, fixed
    text), the texts None when nothing changed. With ``write``, the file is replaced atomically."""
    outcome = fix_one(Source(display, path=path), engine)
    if not outcome.changed:
        return outcome.result, None, None
    assert outcome.before is not None and outcome.after is not None
    if write:
        from lint.fix import write_atomically

        write_atomically(path, outcome.after, expected=outcome.before)
    encoding = "utf-8-sig" if outcome.encoding == "utf-8" else outcome.encoding
    return outcome.result, outcome.before.decode(encoding), outcome.after.decode(encoding)
