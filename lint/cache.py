"""The result cache: `.gwlint_cache/` remembers each file's findings between runs.

An entry is found by a key that hashes everything a file's findings can depend on:

- the file's bytes and its path (as given, and resolved: per-file settings match on paths);
- the gwlint version and a stamp of the installed code (every file of the `lint` package by
  name, size and modification time, so an edited rule kind or grammar never serves old results);
- the rule set: the bytes of every built-in pack and of the packs the configuration names, the
  configuration file's path and bytes, and the command-line choices (select, ignore, kind, lang).

The folder lives next to the configuration file, or in the current directory when there is none,
and holds a `.gitignore` of `*`. Entries are JSON (never pickle: a cache folder committed to a
repository must not be able to run code) written to a temporary file and moved into place with
`os.replace`, so parallel runs never see half an entry; an entry that does not read back is a
miss. A cache that cannot be written (read-only folder) is silently skipped. Each rule-set
fingerprint gets its own folder, and only the KEEP_GENERATIONS most recent are kept.

Configurations with path-scoped `ignore` entries are not cached: whether such an entry was used
(LINT001) is worked out across the files of a run.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint import __version__
from lint.diagnostics import Diagnostic, Edit, FileResult, Fix, Related, Severity

if TYPE_CHECKING:
    from lint.runner import EngineCache

CACHE_DIR = ".gwlint_cache"
ENTRY_FORMAT = 3
_CODE_SUFFIXES = {".py", ".lark", ".yaml", ".yml", ".json", ".html"}


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """Version plus (name, size, mtime) of every source and data file of the installed package."""
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(f"{path.relative_to(package)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


@lru_cache(maxsize=1)
def builtin_packs_digest() -> str:
    # Both places lint.rules.packs.builtin_dir() may answer (a checkout's rules/, a wheel's
    # lint/packs/), found without importing it: that would load YAML and pydantic models.
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for folder in (package.parent / "rules", package / "packs"):
        for path in sorted([*folder.glob("*.y*ml"), *folder.glob("indicators/*.y*ml")]):  # packs and data alike
            digest.update(f"{path}\0{_file_digest(path)}\n".encode())
    return digest.hexdigest()


def ruleset_fingerprint(config: Path | None, settings, overrides) -> str:
    """Everything but the file itself that decides a file's findings under one configuration."""
    from dataclasses import asdict

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{ENTRY_FORMAT}\0{code_stamp()}\0{builtin_packs_digest()}\n".encode())
    if config is not None:
        digest.update(f"config\0{Path(config).resolve()}\0{_file_digest(Path(config))}\n".encode())
    packs = list(settings.pack_paths()) + [Path(p) for p in overrides.packs]
    for pack in pack_closure(packs):
        digest.update(f"pack\0{pack}\0{_file_digest(pack)}\n".encode())
    digest.update(json.dumps(asdict(overrides), sort_keys=True, default=str).encode())
    return digest.hexdigest()


def pack_closure(packs: list[Path]) -> list[Path]:
    """The packs named plus every pack they reach through `extends:` (resolved, each once).
    Built-in packs reached this way are already in builtin_packs_digest; listing them is harmless."""
    out: list[Path] = []
    todo = [Path(p) for p in packs]
    while todo:
        pack = todo.pop(0)
        try:
            pack = pack.resolve()
        except (OSError, RuntimeError):
            pass
        if pack in out:
            continue
        out.append(pack)
        todo.extend(_extends(pack))
    return out


def _extends(pack: Path) -> list[Path]:
    """Where a pack's `extends:` points (as the pack loader resolves it); [] when unreadable:
    a broken pack stops the run when the engine is built anyway."""
    from lint.yamlio import load_yaml

    try:
        data = load_yaml(pack.read_text(encoding="utf-8"), str(pack)).data  # with its size and alias budgets
    except Exception:
        return []
    targets = data.get("extends") if isinstance(data, dict) else None
    if isinstance(targets, str):
        targets = [targets]
    if not isinstance(targets, list):
        return []
    found = []
    for target in map(str, targets):
        candidate = pack.parent / target
        if candidate.exists():
            found.append(candidate)
    return found


def entry_key(ruleset: str, data: bytes, display: str, path: Path) -> str:
    digest = hashlib.blake2b(data, digest_size=20)
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        resolved = str(path)
    digest.update(f"\0{ruleset}\0{display}\0{resolved}".encode())
    return digest.hexdigest()


# -- (de)serialising FileResults -----------------------------------------------------------------


def _dump_diagnostic(d: Diagnostic) -> list:
    fix = None if d.fix is None else [d.fix.safe, d.fix.message, [[e.replacement, *e.span] for e in d.fix.edits]]
    related = [[r.message, r.line, r.column] for r in d.related]
    return [
        d.code,
        d.name,
        int(d.severity),
        d.message,
        d.line,
        d.column,
        d.end_line,
        d.end_column,
        fix,
        related,
        d.start,
        d.end,
    ]


def _load_diagnostic(row: list) -> Diagnostic:
    code, name, severity, message, line, column, end_line, end_column, fix, related, start, end = row
    return Diagnostic(
        code=str(code),
        name=str(name),
        severity=Severity(int(severity)),
        message=str(message),
        line=int(line),
        column=int(column),
        end_line=int(end_line),
        end_column=int(end_column),
        fix=None if fix is None else _load_fix(fix),
        related=tuple(Related(str(m), int(ln), int(col)) for m, ln, col in related),
        start=int(start),
        end=int(end),
    )


def _load_fix(row: list) -> Fix:
    safe, message, edits = row
    return Fix(
        tuple(
            Edit(str(text), int(ln), int(col), int(end_ln), int(end_col)) for text, ln, col, end_ln, end_col in edits
        ),
        safe=bool(safe),
        message=str(message),
    )


def dump_result(result: FileResult, keep_text: bool) -> str:
    entry = {
        "format": ENTRY_FORMAT,
        "kind": result.kind,
        "diagnostics": [_dump_diagnostic(d) for d in result.diagnostics],
    }
    if keep_text:
        entry["text"] = result.text
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def load_result(raw: str, display: str, data: bytes, source_format: str) -> FileResult | None:
    """The cached FileResult, or None when the entry is damaged or of another format."""
    try:
        entry = json.loads(raw)
        if entry.get("format") != ENTRY_FORMAT:
            return None
        diagnostics = [_load_diagnostic(row) for row in entry["diagnostics"]]
        text = entry.get("text")
        if text is None:
            text = _decoded_text(data, display, source_format)
        return FileResult(path=display, kind=str(entry["kind"]), diagnostics=diagnostics, text=str(text))
    except Exception:  # a damaged entry is a miss, never a crash
        return None


def _decoded_text(data: bytes, display: str, source_format: str) -> str:
    """The text as Document.text had it: decoded, line breaks normalised (as load_bytes does)."""
    from lint.document.read import decode, split_lines

    return split_lines(decode(data)[0])[0]


# -- the store -------------------------------------------------------------------------------------


class ResultCache:
    """Look up and store FileResults for the files of one run."""

    def __init__(self, engines: EngineCache):
        self.engines = engines
        self._rulesets: dict[Path | None, tuple[str | None, Path]] = {}
        self._folders: dict[str, tuple[str | None, Path]] = {}  # folder → its ruleset, this run
        self.hits = 0
        self.misses = 0

    def _ruleset(self, path: Path) -> tuple[str | None, Path]:
        """(fingerprint or None when this configuration is not cacheable, cache folder)."""
        known = self._folders.get(str(path.parent))
        if known is not None:
            return known
        key, settings = self.engines.settings(path)
        known = self._rulesets.get(key)
        if known is None:
            folder = (Path(key).resolve().parent if key is not None else Path.cwd()) / CACHE_DIR
            fingerprint = None
            if not settings.ignore_entries and not settings.pairs:  # a pair reads a second file
                fingerprint = ruleset_fingerprint(key, settings, self.engines.overrides)
            known = self._rulesets[key] = (fingerprint, folder)
        self._folders[str(path.parent)] = known
        return known

    def lookup(self, path: Path, display: str) -> tuple[FileResult | None, Path | None]:
        """(cached result or None, where to store the result; None when not cacheable)."""
        fingerprint, folder = self._ruleset(path)
        if fingerprint is None:
            return None, None
        from lint.document.read import InputRefused, read_regular_file
        from lint.runner import max_file_bytes

        try:
            data = read_regular_file(path, max_file_bytes(self.engines.settings(path)[1]))
        except (OSError, InputRefused):  # unreadable or refused files are reported afresh each run
            return None, None
        from lint.document.load import source_format_of

        key = entry_key(fingerprint, data, display, path)
        entry_path = folder / f"v{ENTRY_FORMAT}-{fingerprint[:16]}" / key[:2] / f"{key}.json"
        try:
            raw = entry_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.misses += 1
            return None, entry_path
        result = load_result(raw, display, data, source_format_of(display))
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result, entry_path

    def store(self, entry_path: Path, result: FileResult, source_format: str) -> None:
        """Remember a result (the caller keeps internal errors out: a crash is not a finding)."""
        write_entry(entry_path, dump_result(result, keep_text=source_format == "docx"))


def write_entry(entry_path: Path, payload: str) -> None:
    """Write one entry atomically (temp file + os.replace); a failure leaves the cache as it was.

    Layout: CACHE_DIR / one folder per rule-set fingerprint / key[:2] / key.json.
    """
    folder = entry_path.parent
    generation = folder.parent
    try:
        if not folder.is_dir():
            _ensure_root(generation.parent)
            if not generation.is_dir():
                generation.mkdir(exist_ok=True)
                _prune(generation)
            folder.mkdir(exist_ok=True)
        _atomic_write(entry_path, payload)
    except (OSError, UnicodeError):
        pass


def _atomic_write(target: Path, payload: str) -> None:
    from lint.fix import replace_file

    replace_file(target, payload.encode("utf-8"), durable=False)


def _ensure_root(root: Path) -> None:
    if root.is_dir():
        return
    root.mkdir(parents=False, exist_ok=True)
    _atomic_write(root / ".gitignore", "# Created by gwlint: the result cache is not source.\n*\n")


KEEP_GENERATIONS = 8


def _prune(current: Path) -> None:
    """Drop all but the most recently used rule-set folders: every edit of a pack, a config or
    gwlint itself starts a new one, and the old ones would otherwise pile up for ever."""
    import shutil

    try:
        generations = [p for p in current.parent.iterdir() if p.is_dir() and p != current]
        generations.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in generations[KEEP_GENERATIONS - 1 :]:
        shutil.rmtree(stale, ignore_errors=True)
