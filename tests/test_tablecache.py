"""The rule-table cache (lint.rules.tablecache): a fresh entry is read back as the same rules;
a stale, corrupt or unwritable one costs a rebuild and nothing else."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import lint.fix
import lint.rules.packs as packs
from lint.document import load_text
from lint.engine import Engine
from lint.errors import UsageError
from lint.rules import tablecache
from lint.rules.packs import load_rules
from tests.conftest import seed
from tests.tbd_pack import tbd_pack

PACK = tbd_pack("mine", head="extends: [base.yaml]\n")
BASE = """\
rules:
  - code: TST002
    name: other-marker
    kind: pattern
    severity: info
    message: "另一个标记"
    patterns: ['其他']
    doc: {what: a marker, why: unfinished, wrong: 其他, right: 其余, standard: test}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setattr(tablecache, "cache_folder", lambda: where)
    return where


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the packs were read and validated (not answered from the cache)."""
    calls: list[int] = []
    real = packs._build_rules

    def counting(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(packs, "_build_rules", counting)
    return calls


@pytest.fixture
def user_pack(tmp_path: Path) -> Path:
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    return tmp_path / "pack.yaml"


def _findings(engine: Engine, path: Path) -> list[tuple]:
    result = engine.lint(load_text(path.read_text(encoding="utf-8"), str(path)))
    return [(d.code, d.line, d.column, d.end_column, d.message, d.fix) for d in result.diagnostics]


def test_a_cached_table_gives_the_same_rules_and_findings(folder: Path, builds: list[int]) -> None:
    fresh = load_rules()
    cached = load_rules()
    assert len(builds) == 1 and len(list(folder.glob("*.pickle"))) == 1
    assert list(cached.rules) == list(fresh.rules)
    for code, rule in fresh.rules.items():
        twin = cached.rules[code]
        assert type(twin) is type(rule) and twin == rule, code
        assert vars(twin) == vars(rule), code  # the derived state too: compiled patterns compare by program
    for name in ("000", "001", "003"):
        path = seed(name)
        assert _findings(Engine(table=cached), path) == _findings(Engine(table=fresh), path)


def test_an_edited_pack_or_one_it_extends_is_read_again(folder: Path, builds: list[int], user_pack: Path) -> None:
    assert load_rules([user_pack]).rules["TST002"].message == "另一个标记"
    load_rules([user_pack])
    assert len(builds) == 1
    (user_pack.parent / "base.yaml").write_text(BASE.replace("另一个标记", "其他标记"), encoding="utf-8")
    assert load_rules([user_pack]).rules["TST002"].message == "其他标记"
    user_pack.write_text(PACK.replace("warning", "error"), encoding="utf-8")
    assert load_rules([user_pack]).rules["TST001"].severity == "error"
    assert len(builds) == 3


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "a pickle of something else"])
def test_a_corrupt_entry_is_rebuilt_silently(folder: Path, builds: list[int], damage: str) -> None:
    load_rules()
    (entry,) = folder.glob("*.pickle")
    data = entry.read_bytes()
    entry.write_bytes(
        {
            "garbage": b"\x80\x05not a pickle at all",
            "truncated": data[: len(data) // 2],
            "empty": b"",
            "a pickle of something else": pickle.dumps(({}, pickle.dumps(["not", "a", "table"]))),
        }[damage]
    )
    assert "PH001" in load_rules().rules
    assert len(builds) == 2
    load_rules()  # rewritten whole: read from the cache again
    assert len(builds) == 2


def test_the_entry_is_written_atomically(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[Path] = []
    real = lint.fix.replace_file

    def spy(target: Path, data: bytes, **kwargs) -> None:
        written.append(target)
        real(target, data, **kwargs)

    monkeypatch.setattr(lint.fix, "replace_file", spy)
    load_rules()
    assert written == list(folder.glob("*")) and written[0].suffix == ".pickle"  # no temporary file left


def test_an_unwritable_cache_folder_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setattr(tablecache, "cache_folder", lambda: tmp_path / "a-file" / "cache")
    assert "PH001" in load_rules().rules
    assert "PH001" in load_rules().rules


def test_a_pack_that_does_not_load_is_never_cached(folder: Path, user_pack: Path) -> None:
    user_pack.write_text(PACK.replace("kind: pattern", "kind: no-such-kind"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(UsageError, match="unknown rule kind"):
            load_rules([user_pack])
    assert not list(folder.glob("*.pickle"))


def test_another_gwlint_version_has_its_own_entry(folder: Path, builds: list[int], monkeypatch) -> None:
    load_rules()
    monkeypatch.setattr("lint.__version__", "99.0.0")
    load_rules()
    assert len(builds) == 2 and len(list(folder.glob("*.pickle"))) == 2


@pytest.mark.parametrize(
    "pattern, flags",
    [
        (r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+", 0),
        (r"(?P<num>\d+)(?:\.(?P<frac>\d+))?(?=[万亿])", 0),
        (r"^(?:abc|ABD)++$", re.IGNORECASE | re.MULTILINE),
        (rb"[\x80-\xff]{2,}", 0),
    ],
)
def test_a_pattern_is_stored_as_its_program(pattern, flags) -> None:
    compiled = re.compile(pattern, flags)
    rebuild, args = tablecache._pattern_reduction(compiled)
    assert rebuild is tablecache._program
    again = pickle.loads(pickle.dumps(rebuild(*args)))
    assert again == compiled and again.groupindex == compiled.groupindex


def test_a_damaged_program_is_compiled_the_ordinary_way() -> None:
    compiled = re.compile(r"[\u4e00-\u9fff]+")
    _, (source, flags, code, groups, groupindex, indexgroup) = tablecache._pattern_reduction(compiled)
    assert tablecache._program(source, flags, code[:-3], groups, groupindex, indexgroup) == compiled
