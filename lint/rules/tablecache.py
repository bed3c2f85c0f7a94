"""The validated rule table, kept between runs: loading the packs (YAML, pydantic validation and
some 350 regex compiles) costs most of a one-file cold start; reading the table back costs ~10 ms.

One pickle per gwlint version (and its code) and set of pack files, in the user's cache folder
(``$XDG_CACHE_HOME/gwlint/rules``, ``~/Library/Caches``, ``%LOCALAPPDATA%``): never in a project
folder, which a cloned repository could fill with a pickle of its choosing. An entry is used only
when the content of every pack it was built from (those reached through ``extends:`` too) is
unchanged; anything else — missing, stale, corrupt, unreadable, written by another Python — is
rebuilt silently and written again atomically (lint.fix.replace_file). Packs that do not load are
never cached: their error is raised by the build, every time.

Compiled regular expressions are stored as their ``_sre`` program: ``re`` would otherwise compile
each one again when the pickle is read, in pure Python (~8 ms for a pattern with the Han class).
The program is checked against a fresh compile before it is written, and ``_sre`` validates it
when it is read; a pattern that fails either is compiled the ordinary way.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the C half of re: compiles a stored program
import hashlib
import io
import os
import pickle
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.rules.packs import RuleTable

# Bump when what is pickled changes shape.
FORMAT = 1
# Entries kept in the cache folder (other pack sets, older versions); the oldest go first.
KEEP_ENTRIES = 16


def cache_folder() -> Path:
    """The user's cache folder for gwlint's rule tables."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "gwlint" / "rules"


def cached_table(packs: list[Path], build: Callable[[], RuleTable]) -> RuleTable:
    """The table ``build`` makes from ``packs`` (in load order), from the cache when it is fresh."""
    global _built_here
    entry = cache_folder() / f"{_key(packs)}.pickle"
    table = _read(entry)
    if table is None:
        table = build()
        _write(entry, table)
        _built_here = True
    return table


# Whether this process built a rule table (then its compiled patterns are not stored for start-up).
_built_here = False


def seed_regexes() -> bool:
    """Fill ``re``'s cache with the programs of the patterns an earlier run compiled, read from
    the cache folder: typer and gwlint's modules, the outline grammar's lexer and the quantity
    scanner compile ~200 patterns as they load, ~60 ms in pure Python, ~2 ms this way. Call it
    before those modules are imported; False when nothing was stored (then ``store_regexes``
    once the run is done). Keyed as the rule tables are (gwlint's version and code, Python)."""
    try:
        programs = pickle.loads(_regexes_entry().read_bytes())
    except Exception:  # missing, unreadable, corrupt: stored again after this run
        return False
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):  # another Python's re: compiles as usual
        return True
    for key_flags, (source, flags, code, *rest) in programs:
        try:
            cache.setdefault((str, source, key_flags), _sre.compile(source, flags, code.tolist(), *rest))
        except Exception:  # a program this _sre refuses: compiled when asked for
            continue
    return True


def store_regexes() -> None:
    """Store the programs of the patterns this process compiled (``re``'s cache), unless it
    built a rule table: the patterns of the packs are kept with the table, not here."""
    if _built_here:
        return
    from array import array

    from lint.fix import replace_file

    compiled = {**getattr(re, "_cache", {}), **getattr(re, "_cache2", {})}
    programs = []
    for key, pattern in list(compiled.items()):
        if isinstance(key, tuple) and len(key) == 3 and key[0] is str and type(pattern) is re.Pattern:
            reduction = _pattern_reduction(pattern)
            if reduction is not NotImplemented:
                source, flags, code, *rest = reduction[1]
                programs.append((key[2], (source, flags, array("I", code), *rest)))  # loads fast
    try:
        entry = _regexes_entry()
        entry.parent.mkdir(parents=True, exist_ok=True)
        replace_file(entry, pickle.dumps(programs, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except Exception:  # a cache that cannot be written costs the next run time, nothing else
        return


def _regexes_entry() -> Path:
    return cache_folder() / f"re-{_key([])}.pickle"


def _key(packs: list[Path]) -> str:
    from lint import __version__

    digest = hashlib.sha256()
    for part in (str(FORMAT), __version__, sys.version, str(_sre.MAGIC), _code_fingerprint()):
        digest.update(part.encode() + b"\0")
    for path in packs:
        digest.update(os.fsencode(os.path.abspath(path)) + b"\0")
    return digest.hexdigest()[:32]


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """gwlint's own modules (name, size, modification time): a rule kind that validates or compiles
    differently makes old tables stale even where the version number stayed (an editable install)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def text_digest(text: str) -> str:
    """What an entry records of each pack it was built from (RuleTable.digests)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _packs_unchanged(digests: dict[str, str]) -> bool:
    return all(text_digest(Path(path).read_text(encoding="utf-8")) == digest for path, digest in digests.items())


def _read(entry: Path) -> RuleTable | None:
    from lint.rules.packs import RuleTable

    try:
        digests, payload = pickle.loads(entry.read_bytes())
        if not _packs_unchanged(digests):
            return None
        table = pickle.loads(payload)
    except Exception:  # missing, unreadable, corrupt, stale: built again
        return None
    return table if isinstance(table, RuleTable) else None


def _write(entry: Path, table: RuleTable) -> None:
    from lint.fix import replace_file

    try:
        _compile_ahead(table)
        payload = io.BytesIO()
        _TablePickler(payload, protocol=pickle.HIGHEST_PROTOCOL).dump(table)
        data = pickle.dumps((dict(table.digests), payload.getvalue()), protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(parents=True, exist_ok=True)
        replace_file(entry, data, durable=False)
        _prune(entry.parent)
    except Exception:  # a cache that cannot be written costs the next run time, nothing else
        return


def _compile_ahead(table: RuleTable) -> None:
    """Build what the first document would build, so that it is stored compiled: the unit
    registry, the quantity scanner made from it (one pattern holding every unit), the
    indicator lexicon and the statement words."""
    from lint.quantities.scan import scan_quantities

    scan_quantities("共1.5万元", table.unit_registry())
    table.lexicon()
    table.statement_words()


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES:]:
        old.unlink(missing_ok=True)


class _TablePickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is re.Pattern:
            return _pattern_reduction(obj)
        return NotImplemented


def _pattern_reduction(pattern: re.Pattern) -> Any:
    """(_program, args) rebuilding ``pattern`` without compiling it, or NotImplemented (pickle's
    own reduction: compiled again when read) where the program cannot be had or does not match."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        code = [int(word) for word in sre_compile._code(tree, pattern.flags)]  # opcodes are int subclasses
        args = (pattern.pattern, pattern.flags, code, pattern.groups, dict(pattern.groupindex), _indexgroup(pattern))
        if _sre.compile(*args) != pattern:  # patterns compare by source, flags and program
            return NotImplemented
    except Exception:
        return NotImplemented
    return _program, args


def _indexgroup(pattern: re.Pattern) -> tuple:
    names: list[str | None] = [None] * (pattern.groups + 1)
    for name, index in pattern.groupindex.items():
        names[index] = name
    return tuple(names)


def _program(source: Any, flags: int, code: list[int], groups: int, groupindex: dict, indexgroup: tuple) -> re.Pattern:
    """A compiled pattern from its stored program (``_sre`` checks the program first)."""
    try:
        return _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    except Exception:
        return re.compile(source, flags)
