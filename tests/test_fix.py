"""`gwlint check --fix` and `--diff` on real files: only the fixed spans change, nothing else.

Every file holds the same defects (half-width marks, straight quotes, a doubled comma, stray and
trailing spaces, a full-width ％ beside %, a stray space inside a half-width-mark fix) and lines that must survive byte for byte (a scale,
a time, a decimal). The expected result is written out by hand below, not produced by the tool.
"""

from __future__ import annotations

import codecs
import difflib
import errno
import functools
import json
import os
import shutil
import stat
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app

ORIGINAL = [
    "2022年工作要点",
    "完成专家评审,修改完善后形成成果稿。  ",
    "共办理不动产登记 45942 件，完成土地供应，，面积806亩。",
    '落实自然资源"两统一"职责，增长5％，占比30%。',
    "保持不变：1:500比例尺，时间9:30，增长1.5%。",
    "东栅片区(中央公园东)详细规划。",
    "今年以来,在市委 领导下,推进改革。",
]
FIXED = [
    "2022年工作要点",
    "完成专家评审，修改完善后形成成果稿。",
    "共办理不动产登记45942件，完成土地供应，面积806亩。",
    "落实自然资源“两统一”职责，增长5%，占比30%。",
    "保持不变：1:500比例尺，时间9:30，增长1.5%。",
    "东栅片区（中央公园东）详细规划。",
    "今年以来，在市委领导下，推进改革。",
]
# The edits, as (line index, original text, replacement): everything else must be untouched.
EDITS = Counter(
    [
        (1, ",", "，"),
        (1, "  ", ""),
        (2, " ", ""),
        (2, " ", ""),
        (2, "，", ""),
        (3, '"', "“"),
        (3, '"', "”"),
        (3, "％", "%"),
        (5, "(", "（"),
        (5, ")", "）"),
        (6, ",", "，"),
        (6, " ", ""),
        (6, ",", "，"),  # overlapping fixes: applied over two passes
    ]
)
SELECT = ["--select", "PUNC,FMT,NUM"]

ENCODINGS = {
    "utf-8": ("utf-8", b"", "\n"),
    "utf-8-bom": ("utf-8", codecs.BOM_UTF8, "\n"),
    "gb18030": ("gb18030", b"", "\n"),
    "utf-8-crlf": ("utf-8", b"", "\r\n"),
    "gb18030-crlf": ("gb18030", b"", "\r\n"),
}


def _encode(lines: list[str], encoding: str, bom: bytes, newline: str) -> bytes:
    return bom + (newline.join(lines) + newline).encode(encoding)


def _run(*args: str):
    return CliRunner().invoke(app, ["check", *args, *SELECT, "--format", "concise", "--no-cache"])


@pytest.fixture(params=sorted(ENCODINGS))
def case(request, tmp_path):
    encoding, bom, newline = ENCODINGS[request.param]
    path = tmp_path / "draft.txt"
    path.write_bytes(_encode(ORIGINAL, encoding, bom, newline))
    return path, encoding, bom, newline


def test_expected_edits_describe_exactly_the_difference():
    """The hand-written FIXED differs from ORIGINAL by the listed edits and nothing else."""
    found: Counter = Counter()
    for index, (before, after) in enumerate(zip(ORIGINAL, FIXED)):
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            if tag != "equal":
                found[(index, before[a1:a2], after[b1:b2])] += 1
    assert found == EDITS


def test_fix_changes_only_the_defects_and_keeps_the_encoding(case):
    path, encoding, bom, newline = case
    original = path.read_bytes()
    result = _run(str(path), "--fix")
    assert result.exit_code in (0, 1), result.output
    fixed = path.read_bytes()
    assert fixed == _encode(FIXED, encoding, bom, newline)
    assert fixed.startswith(bom) and (not bom or not fixed[len(bom) :].startswith(bom))
    assert fixed.count(b"\r\n") == original.count(b"\r\n")
    # Byte for byte, every line without a defect is untouched.
    old_lines = original[len(bom) :].split(newline.encode())
    new_lines = fixed[len(bom) :].split(newline.encode())
    assert len(old_lines) == len(new_lines)
    touched = {index for index, _, _ in EDITS}
    for index, (old, new) in enumerate(zip(old_lines, new_lines)):
        if index not in touched:
            assert old == new, f"line {index + 1} changed"


def test_fix_is_idempotent(case):
    path, *_ = case
    _run(str(path), "--fix")
    once = path.read_bytes()
    _run(str(path), "--fix")
    assert path.read_bytes() == once
    again = _run(str(path), "--diff")
    assert "--- a/" not in again.output


def test_diff_prints_a_unified_diff_and_writes_nothing(case):
    path, encoding, *_ = case
    original = path.read_bytes()
    result = _run(str(path), "--diff")
    assert path.read_bytes() == original
    assert result.exit_code == 1
    out = result.stdout_bytes.decode(encoding)  # the patch is in the file's own encoding
    assert f"--- a/{path}" in out and f"+++ b/{path}" in out
    assert "-完成专家评审,修改完善后形成成果稿。" in out
    assert "+完成专家评审，修改完善后形成成果稿。" in out
    assert "+落实自然资源“两统一”职责，增长5%，占比30%。" in out
    assert "保持不变" not in "".join(
        line for line in out.splitlines() if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))
    )


# -- patches that apply, files that are never touched unless asked --------------------------------

GIT = shutil.which("git")
PATCH_CASES = {
    **{name: (encoding, bom, newline, True) for name, (encoding, bom, newline) in ENCODINGS.items()},
    "no-final-newline": ("utf-8", b"", "\n", False),
    "crlf-no-final-newline": ("utf-8", b"", "\r\n", False),
    "bom-gb18030-no-final-newline": ("gb18030", b"", "\r\n", False),
}


def _write_case(folder: Path, name: str) -> Path:
    encoding, bom, newline, final = PATCH_CASES[name]
    data = _encode(ORIGINAL, encoding, bom, newline)
    if not final:
        data = data[: -len(newline.encode())]
    path = folder / "draft.txt"
    path.write_bytes(data)
    return path


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@pytest.mark.parametrize("name", sorted(PATCH_CASES))
def test_diff_applies_with_git_and_gives_what_fix_writes(tmp_path: Path, name: str) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    path = _write_case(repo, name)
    os.chdir(repo)
    patch = _run("draft.txt", "--diff").stdout_bytes
    (tmp_path / "fix.patch").write_bytes(patch)
    subprocess.run([GIT, "init", "-q"], cwd=repo, check=True)
    check = subprocess.run(
        [GIT, "apply", "--check", "-v", str(tmp_path / "fix.patch")], cwd=repo, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    subprocess.run([GIT, "apply", str(tmp_path / "fix.patch")], cwd=repo, check=True)
    patched = path.read_bytes()
    _write_case(repo, name)
    _run("draft.txt", "--fix")
    assert patched == path.read_bytes()


@pytest.mark.parametrize(
    "args", [(), ("--diff",), ("--diff", "--fix"), ("--statistics",), ("--format", "json"), ("--jobs", "2")]
)
def test_only_fix_writes(tmp_path: Path, args: tuple[str, ...]) -> None:
    """Checking, --diff (with or without --fix) and stdin never change a byte or an mtime."""
    os.chdir(tmp_path)
    paths = []
    for name in sorted(PATCH_CASES):
        path = _write_case(tmp_path, name).rename(tmp_path / f"{name}.txt")
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
        paths.append(path)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    _run(".", *args)
    CliRunner().invoke(
        app, ["check", "-", "--fix", "--stdin-filename", paths[0].name, *SELECT], input=paths[0].read_bytes()
    )
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths} == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".gwlint_cache") == sorted(p.name for p in paths)


def test_stdin_with_fix_prints_the_fixed_text(tmp_path: Path) -> None:
    data = _encode(ORIGINAL, "gb18030", b"", "\r\n")
    result = CliRunner().invoke(app, ["check", "-", "--fix", "--stdin-filename", "draft.txt", *SELECT], input=data)
    assert result.stdout_bytes == _encode(FIXED, "gb18030", b"", "\r\n")
    clean = CliRunner().invoke(app, ["check", "-", "--fix", *SELECT], input=_encode(FIXED, "utf-8", b"", "\n"))
    assert clean.stdout_bytes == _encode(FIXED, "utf-8", b"", "\n")


def test_diff_on_stdin_and_on_the_path_agree(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    path = _write_case(tmp_path, "utf-8")
    on_path = _run("draft.txt", "--diff")
    on_stdin = CliRunner().invoke(
        app, ["check", "-", "--diff", "--stdin-filename", "draft.txt", *SELECT, "--no-cache"], input=path.read_bytes()
    )
    assert on_stdin.exit_code == on_path.exit_code == 1
    assert on_stdin.stdout_bytes == on_path.stdout_bytes


# -- writing: whole or not at all ------------------------------------------------------------------


def _folder_of_drafts(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        path = folder / f"d{index}.txt"
        path.write_bytes(_encode(ORIGINAL, "utf-8", b"", "\n"))
        paths.append(path)
    return paths


def test_a_file_that_cannot_be_written_is_reported_and_the_others_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lint.fix

    os.chdir(tmp_path)
    paths = _folder_of_drafts(tmp_path, 3)
    real_replace = os.replace

    def refuse_d1(src, dst, *args, **kwargs):  # as a read-only file or a full disk would
        if Path(dst).name == "d1.txt":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(lint.fix.os, "replace", refuse_d1)
    result = _run(".", "--fix")
    assert result.exit_code == 2
    assert "d1.txt: cannot write the fixed file: No space left on device" in result.stderr
    assert paths[0].read_bytes() == paths[2].read_bytes() == _encode(FIXED, "utf-8", b"", "\n")
    assert paths[1].read_bytes() == _encode(ORIGINAL, "utf-8", b"", "\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d0.txt", "d1.txt", "d2.txt"]  # no temp left


def test_a_failed_flush_leaves_the_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.fix

    os.chdir(tmp_path)
    (path,) = _folder_of_drafts(tmp_path, 1)

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lint.fix.os, "fsync", full_disk)
    assert _run(".", "--fix").exit_code == 2
    assert path.read_bytes() == _encode(ORIGINAL, "utf-8", b"", "\n")
    assert [p.name for p in tmp_path.iterdir()] == ["d0.txt"]


def test_fix_keeps_the_mode_and_a_symlink(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    (path,) = _folder_of_drafts(tmp_path, 1)
    path.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(path.name)
    _run("link.txt", "--fix")
    assert link.is_symlink()
    assert path.read_bytes() == _encode(FIXED, "utf-8", b"", "\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- what is fixed --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("工作要点\n特别重要!!!!!!!!!!\n", "工作要点\n特别重要！\n"),
        ("工作要点\n１、第一项工作。\n２、第二项工作。\n", "工作要点\n1.第一项工作。\n2.第二项工作。\n"),
    ],
)
def test_fix_reaches_a_fixed_point_in_one_run(tmp_path: Path, text: str, fixed: str) -> None:
    os.chdir(tmp_path)
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    CliRunner().invoke(app, ["check", "a.txt", "--fix", "--select", "ALL", "--no-cache"])
    assert path.read_text(encoding="utf-8") == fixed
    again = CliRunner().invoke(app, ["check", "a.txt", "--diff", "--select", "ALL", "--no-cache"])
    assert again.stdout == "" and again.exit_code == 0


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    # UNIT004 would insert a % after a bare rate: that changes the figure, so --fix leaves it.
    os.chdir(tmp_path)
    path = tmp_path / "a.txt"
    text = "完成精准拆违16个，完成率27%；“三改”已完成44.4万平方米，完成率55.5；违法建筑处置完成率13.9%。\n"
    path.write_text(text, encoding="utf-8")
    report = json.loads(
        CliRunner().invoke(app, ["check", "a.txt", "--select", "UNIT004", "--no-cache", "-f", "json"]).stdout
    )
    fixes = [d["fix"] for f in report["files"] for d in f["diagnostics"] if d["fix"]]
    assert fixes and all(fix["applicability"] == "unsafe" for fix in fixes)
    CliRunner().invoke(app, ["check", "a.txt", "--select", "UNIT004", "--fix", "--no-cache"])
    assert path.read_text(encoding="utf-8") == text
    CliRunner().invoke(app, ["check", "a.txt", "--select", "UNIT004", "--fix", "--unsafe-fixes", "--no-cache"])
    assert path.read_text(encoding="utf-8") == text.replace("55.5；", "55.5%；")


# -- fix-all reaches a fixed point on real documents ---------------------------------------------


@functools.lru_cache(maxsize=1)
def _every_rule():
    from lint.config import Settings
    from lint.engine import Engine, Overrides

    return Engine(Settings(select=["ALL"]), Overrides())


def _fixed_twice(path: Path) -> tuple[bytes | None, bytes | None]:
    from lint.runner import Source, fix_one

    engine = _every_rule()
    first = fix_one(Source(path.name, path=path), engine, unsafe=True)
    if not first.changed:
        return None, None
    second = fix_one(Source(path.name, data=first.after), engine, unsafe=True)
    return first.after, second.after if second.changed else first.after


def _real_documents() -> list[Path]:
    from tests.conftest import CORPUS, SEEDS

    found = sorted(SEEDS.glob("*.txt"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("*.txt"))
    return found


@pytest.mark.parametrize("path", _real_documents(), ids=lambda p: p.name)
def test_fix_all_is_idempotent_on_real_documents(path: Path) -> None:
    once, twice = _fixed_twice(path)
    assert once == twice, f"a second --fix --unsafe-fixes would change {path.name} again"
