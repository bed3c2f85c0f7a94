"""Hostile input through the real command line: gwlint reports, it never crashes or hangs.

Most cases run the Typer app in-process (fast); the ones that could hang run a real process
under a timeout. Each asserts the exit status, the message, and that no traceback escaped.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from tests.conftest import ROOT
from tests.proc import alive, children, gwlint_process  # a real process: for the cases that could hang
from tests.tbd_pack import tbd_pack

RUNNER = CliRunner()

PACK = tbd_pack("robust")
CONFIG = "packs: [pack.yaml]\nselect: [TST001]\n"
DOC = "关于做好工作的通知\n各单位：\n一、完成时间待定。\n二、其他事项另行通知。\n负责人待定。\n"


def gwlint(*args: str, input: str | None = None):
    """Run `gwlint ARGS` in-process; fail on any exception that escaped the CLI."""
    result = RUNNER.invoke(app, list(args), input=input)
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    assert escaped is None, f"exception escaped: {escaped!r}"
    assert "Traceback" not in result.stdout + result.stderr
    return result


def findings(result) -> list[tuple[str, int, int]]:
    report = json.loads(result.stdout)
    return [(d["code"], d["line"], d["column"]) for f in report["files"] for d in f["diagnostics"]]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a one-rule pack (TST001 flags 待定) as the working directory."""
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- ordinary text that once crashed a rule ------------------------------------------------------

ONCE_CRASHED = [
    # A line starting with "?" or "!" (every Markdown image): PUNC001 looked left of the line start.
    ("md", "# 图示\n\n![图](a.png)\n\n!注意\n?为什么\n", set()),
    # A 31-digit figure before 亩: the conversion message rounded past Decimal's 28 digits.
    ("txt", "全县耕地面积" + "1" * 31 + "亩。\n", {"UNIT001"}),
    ("txt", "全县耕地面积" + "9" * 100 + "亩。\n", set()),  # past any real figure: not read as one
    # A Chinese numeral past 99 as a marker: the marker re-spelling knew only 1–99.
    ("txt", "一、总体要求\n一百二十，内容\n", set()),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), ONCE_CRASHED)
def test_ordinary_text_once_crashed_now_lints(fmt: str, text: str, expected: set[str]) -> None:
    result = gwlint(
        "check", "-", "--stdin-filename", f"doc.{fmt}", "--select", "ALL", "--format", "json", "--exit-zero", input=text
    )
    assert result.exit_code == 0, result.stderr
    codes = {code for code, _, _ in findings(result)}
    assert "IO001" not in codes and "LINT002" not in codes
    assert expected <= codes
    if fmt == "md":
        assert not any(code == "PUNC001" for code, _, _ in findings(result))


# -- odd but valid documents ---------------------------------------------------------------------


def test_empty_file_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = gwlint("check", "empty.txt", "--format", "json")
    assert result.exit_code == 0
    assert findings(result) == []


def test_whitespace_only_file_does_not_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "blank.txt").write_text(" \n\t\n\u3000\n\n", encoding="utf-8")
    result = gwlint("check", "blank.txt", "--format", "json")
    assert result.exit_code in (0, 1)
    assert all(code != "IO001" for code, _, _ in findings(result))


def test_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ~2 MB rather than 50 MB: with every rule on, gwlint checks roughly 0.5 MB/s on the test
    # machine (bench/RESULTS.md), so 50 MB would take minutes; size-related failures (recursion,
    # quadratic joins) already show at this size.
    monkeypatch.chdir(tmp_path)
    block = (
        "一、总体要求\n（一）加强组织领导。全年完成投资120亿元，增长8.5%。\n"
        "1.完善工作机制。负责人待定。\n" + "这是一个很长的段落，" * 40 + "\n"
    )
    text = "关于做好工作的通知\n各单位：\n" + block * (2_000_000 // len(block.encode("utf-8")))
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    result = gwlint("check", "big.txt", "--format", "json", "--no-cache")
    assert result.exit_code in (0, 1)
    report = json.loads(result.stdout)
    assert all(d["code"] != "IO001" for d in report["files"][0]["diagnostics"])


def test_fifty_megabyte_file_is_read_parsed_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The full 50 MB through reading, decoding, line joining, the outline parser and kind
    # detection, with one cheap rule (every rule on 50 MB is a bench matter: bench/RESULTS.md).
    monkeypatch.chdir(tmp_path)
    block = "（一）加强组织领导。全年完成投资120亿元，增长8.5%。\n" + "这是一个很长的段落，" * 40 + "\n"
    count = 50_000_000 // len(block.encode("utf-8"))
    (tmp_path / "huge.txt").write_text("一、总体要求\n" + block * count + "结尾 \n", encoding="utf-8")
    assert (tmp_path / "huge.txt").stat().st_size >= 49_000_000
    result = gwlint("check", "huge.txt", "--format", "json", "--no-cache", "--select", "FMT001")
    assert result.exit_code == 0, result.output[-500:]
    (file,) = json.loads(result.stdout)["files"]
    assert [(d["code"], d["line"]) for d in file["diagnostics"]] == [("FMT001", count * 2 + 2)]


# -- unreadable documents become IO001 findings ----------------------------------------------------


def _io001(result) -> str:
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (file,) = report["files"]
    (diagnostic,) = file["diagnostics"]
    assert diagnostic["code"] == "IO001"
    return diagnostic["message"]


def test_binary_file_named_txt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 16)
    assert "binary" in _io001(gwlint("check", "image.txt", "--format", "json"))


def test_docx_that_is_not_a_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fake.docx").write_bytes("关于做好工作的通知".encode("utf-8"))
    _io001(gwlint("check", "fake.docx", "--format", "json"))


def test_truncated_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = pytest.importorskip("docx")
    monkeypatch.chdir(tmp_path)
    document = docx.Document()
    document.add_paragraph("关于做好工作的通知")
    for _ in range(40):
        document.add_paragraph("一、总体要求。完成时间待定。")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    _io001(gwlint("check", "cut.docx", "--format", "json"))


def test_invalid_utf8_in_the_middle_names_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = "关于做好工作的通知\n各单位：\n".encode("utf-8")
    (tmp_path / "broken.txt").write_bytes(good * 5 + b"\xff\xfe\x80 bad\n" + good * 5)
    message = _io001(gwlint("check", "broken.txt", "--format", "json"))
    assert "line 11" in message


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_other_encodings_give_the_same_findings(project: Path, encoding: str) -> None:
    (project / "utf8.txt").write_text(DOC, encoding="utf-8")
    (project / "other.txt").write_bytes(DOC.encode(encoding))
    expected = findings(gwlint("check", "utf8.txt", "--format", "json"))
    assert expected == [("TST001", 3, 7), ("TST001", 5, 4)]
    assert findings(gwlint("check", "other.txt", "--format", "json")) == expected


def test_mixed_line_endings_keep_line_numbers(project: Path) -> None:
    lines = DOC.split("\n")
    endings = ["\r\n", "\n", "\r", "\r\n", "\n"]
    mixed = "".join(line + end for line, end in zip(lines, endings))
    (project / "mixed.txt").write_bytes(mixed.encode("utf-8"))
    assert findings(gwlint("check", "mixed.txt", "--format", "json")) == [("TST001", 3, 7), ("TST001", 5, 4)]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text(DOC, encoding="utf-8")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as a user who can read any file (root): chmod has no effect")
        assert "permission" in _io001(gwlint("check", "secret.txt", "--format", "json"))
    finally:
        secret.chmod(0o644)


# -- paths and folders ------------------------------------------------------------------------------


def test_missing_path_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = gwlint("check", "no-such-file.txt")
    assert result.exit_code == 2
    assert "no-such-file.txt" in result.stderr


def test_folder_without_documents_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = gwlint("check", "docs")
    assert result.exit_code == 0
    assert "warning" in result.stderr and "no documents" in result.stderr


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(DOC, encoding="utf-8")
    try:
        (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
        (folder / "self.txt").symlink_to(folder / "self.txt")
    except OSError:
        pytest.skip("symlinks are not available here")
    done = gwlint_process(["check", "docs", "--format", "json", "--no-cache"], tmp_path, timeout=60)
    assert done.returncode in (0, 1), done.stderr
    paths = [f["path"] for f in json.loads(done.stdout)["files"]]
    assert paths.count(str(Path("docs") / "a.txt")) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_like_a_document_is_skipped_not_waited_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    os.mkfifo(tmp_path / "doc.txt")
    for args in (["check", "."], ["check", "doc.txt", "a.txt"], ["check", ".", "--fix"]):
        done = gwlint_process([*args, "--format", "json", "--no-cache"], tmp_path, timeout=60)
        assert done.returncode in (0, 1), done.stderr
        assert [f["path"] for f in json.loads(done.stdout)["files"]] == ["a.txt"]
        assert "doc.txt: not a regular file (a FIFO); skipped" in done.stderr


def test_a_file_over_the_size_cap_is_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / ".gwlint.yaml").write_text("max-file-size: 0.001\n", encoding="utf-8")  # about 1 KB
    (tmp_path / "big.txt").write_text(DOC * 30, encoding="utf-8")
    (tmp_path / "small.txt").write_text(DOC, encoding="utf-8")
    result = gwlint("check", ".", "--format", "json", "--no-cache", "--exit-zero")
    files = {f["path"]: f["diagnostics"] for f in json.loads(result.stdout)["files"]}
    (refused,) = files["big.txt"]
    assert refused["code"] == "IO001" and "file too large" in refused["message"]
    assert "max-file-size" in refused["message"]
    assert all(d["code"] != "IO001" for d in files["small.txt"])


MEGABYTE_LINES = {
    "title-like": lambda: "关于" + "做好工作，" * 200_000 + "的通知\n",
    "yi-dun": lambda: "一、" * 1_000_000,
    "after-a-red-header": lambda: "XX市人民政府文件\n" + "某" * 1_000_000 + "的通知\n各单位：\n",
}


@pytest.mark.parametrize("name", sorted(MEGABYTE_LINES))
def test_a_megabyte_line_is_checked_without_hanging(tmp_path: Path, name: str) -> None:
    # Front matter and title scans look at short lines only; the process timeout is a hang
    # guard (the run takes seconds: bench/robustness.py), not a speed assertion.
    (tmp_path / "long.txt").write_text(MEGABYTE_LINES[name](), encoding="utf-8")
    done = gwlint_process(
        ["check", "long.txt", "--select", "ALL", "--format", "json", "--no-cache", "--exit-zero"], tmp_path, timeout=120
    )
    assert done.returncode == 0, done.stderr
    codes = {d["code"] for f in json.loads(done.stdout)["files"] for d in f["diagnostics"]}
    assert not codes & {"IO001", "LINT002"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "doc.txt").write_bytes("一、总体要求\n（一）加强领导,推进工作。\n".encode(encoding))
    result = gwlint("check", "doc.txt", "--select", "PUNC001", "--format", "json", "--no-cache")
    assert findings(result) == [("PUNC001", 2, 8)]


def test_jobs_is_capped_at_the_cpu_count(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.parallel

    _many_documents(project, 12)
    started = []
    real_pool = lint.parallel._lint_in_pool

    def pool(todo, sizes, cache, jobs, advance=lambda n: None):
        started.append(jobs)
        return real_pool(todo, sizes, cache, jobs, advance)

    monkeypatch.setattr(lint.parallel, "_lint_in_pool", pool)
    monkeypatch.setattr(lint.parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(lint.parallel, "MIN_POOL_FILES", 2)
    monkeypatch.setattr(lint.parallel, "MIN_POOL_BYTES", 0)
    assert gwlint("check", ".", "--no-cache", "--jobs", "1000").exit_code == 0  # warnings only
    assert started == [2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_workers_die_with_their_parent(tmp_path: Path, signal_name: str) -> None:
    import signal
    import time

    block = "一、总体要求\n（一）加强组织领导。全年完成投资120亿元，增长8.5%。\n" + "这是一个很长的段落，" * 40 + "\n"
    for index in range(24):
        (tmp_path / f"doc{index:02}.txt").write_text(block * 150, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parent = subprocess.Popen(
        [sys.executable, "-m", "lint.cli", "check", ".", "--jobs", "2", "--no-cache", "--select", "ALL"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 60
        while len(workers) < 2 and parent.poll() is None and time.monotonic() < deadline:
            workers = children(parent.pid)
            time.sleep(0.05)
        if len(workers) < 2:
            pytest.skip("the run ended before its workers could be seen")
        parent.send_signal(getattr(signal, signal_name))
        parent.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(w) for w in workers)
    finally:
        if parent.poll() is None:
            parent.kill()


# -- bad packs and configuration are usage errors (exit 2) -------------------------------------------

BILLION_LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([prev] * 9)}]\n"
    for name, prev in zip("bcdefgh", ["*a"] + [f"*{c}" for c in "bcdefg"])
)


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ("a: &a [x, x, x, x, x, x, x, x, x]\n" + BILLION_LAUGHS, None, "expands to more than"),
        ("select: !!python/name:os.system [PH]\n", 1, "YAML tag"),
        ("lang: !zh zh\n", 1, "YAML tag"),
        ("base: &b {lang: zh}\n<<: *b\n", 2, "merge keys (<<:) are not allowed"),
    ],
)
def test_hostile_yaml_in_a_config_is_a_usage_error(tmp_path: Path, config: str, line: int | None, message: str) -> None:
    (tmp_path / ".gwlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    done = gwlint_process(["check", "doc.txt"], tmp_path, timeout=60)
    assert done.returncode == 2
    assert message in done.stderr and "internal error" not in done.stderr
    if line is not None:
        assert f".gwlint.yaml:{line}:" in done.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("kind: pattern", "kind: a.b"), "pack.yaml:5: unknown rule kind 'a.b'"),
        (("kind: pattern", "kind: _structure"), "unknown rule kind '_structure'"),
        (('message: "未完成的标记“{match}”"', 'message: "标记{0}"'), "pack.yaml:7: rule TST001: message: positional"),
        (('message: "未完成的标记“{match}”"', 'message: "标记{match"'), "rule TST001: message:"),
        (('message: "未完成的标记“{match}”"', 'message: "标记{match!z}"'), "conversions and format specs"),
        (('message: "未完成的标记“{match}”"', 'message: "标记{match.upper}"'), "a plain name"),
    ],
)
def test_a_broken_pack_is_a_usage_error(project: Path, change: tuple[str, str], message: str) -> None:
    (project / "pack.yaml").write_text(PACK.replace(*change), encoding="utf-8")
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    result = gwlint("check", "doc.txt")
    assert result.exit_code == 2
    assert message in result.stderr and "internal error" not in result.stderr


def test_test_rules_on_a_folder(project: Path) -> None:
    (project / "empty").mkdir()
    empty = gwlint("test-rules", "empty")
    assert empty.exit_code == 2 and "no rule packs or case files" in empty.stderr
    (project / "packs").mkdir()
    (project / "packs" / "pack.yaml").write_text(
        PACK
        + """\
    tests:
      - {text: "完成时间待定。", expect: ["TST001 1:5"]}
""",
        encoding="utf-8",
    )
    result = gwlint("test-rules", "packs")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "1 passed, 0 failed" in result.stdout


@pytest.mark.parametrize("where", ["pack", "ignore"])
def test_every_user_pattern_runs_under_the_time_budget(project: Path, where: str) -> None:
    # Polynomial, not exponential: no nested repeat, yet hours on a long line with plain `re`.
    pytest.importorskip("regex")
    slow = "待定.*待定.*待定.*待定.*截止"
    if where == "pack":
        (project / "pack.yaml").write_text(PACK.replace("'待定'", repr(slow)), encoding="utf-8")
    else:  # a finding that spans the whole line, and an ignore entry that searches it
        (project / "pack.yaml").write_text(PACK.replace("'待定'", "'待定[^\\n]*'"), encoding="utf-8")
        (project / ".gwlint.yaml").write_text(
            CONFIG + f"ignore:\n  - {{code: TST001, path: '**', match: {slow!r}}}\n", encoding="utf-8"
        )
    # 截止 is in the document (a pattern whose needed words are absent is never scanned:
    # lint.rules.needles), but not on the long line, where the search backtracks.
    (project / "doc.txt").write_text("关于通知\n" + "待定" * 3000 + "\n截止\n", encoding="utf-8")
    done = gwlint_process(["check", "doc.txt", "--format", "json", "--no-cache", "--exit-zero"], project, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "ran out of time" in done.stderr


# -- bad packs and configuration, continued ---------------------------------------------------------


def test_pack_that_is_a_list(project: Path) -> None:
    (project / "pack.yaml").write_text("- code: TST001\n  kind: pattern\n", encoding="utf-8")
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    result = gwlint("check", "doc.txt")
    assert result.exit_code == 2
    assert "pack.yaml:1:" in result.stderr and "mapping" in result.stderr


def test_pack_regex_that_does_not_compile(project: Path) -> None:
    (project / "pack.yaml").write_text(PACK.replace("'待定'", "'待定(['"), encoding="utf-8")
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    result = gwlint("check", "doc.txt")
    assert result.exit_code == 2
    assert "pack.yaml" in result.stderr and "does not compile" in result.stderr


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a|aa)+$"])
def test_catastrophic_backtracking_is_bounded(project: Path, pattern: str) -> None:
    # With plain `re` either pattern would take ~2**60 steps on this line; the guard stops the
    # search at its time budget (regexguard) and the run finishes.
    pytest.importorskip("regex")
    (project / "pack.yaml").write_text(PACK.replace("'待定'", repr(pattern)), encoding="utf-8")
    (project / "doc.txt").write_text("关于通知\n" + "a" * 60 + "b\n" + "完成时间待定。\n", encoding="utf-8")
    done = gwlint_process(["check", "doc.txt", "--format", "json", "--no-cache"], project, timeout=90)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"][0]["diagnostics"] == []


def test_config_naming_an_unknown_code(project: Path) -> None:
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\nselect: [TST001]\nignore: [NOPE999]\n", encoding="utf-8")
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    result = gwlint("check", "doc.txt")
    assert result.exit_code == 2
    assert "NOPE999" in result.stderr and ".gwlint.yaml" in result.stderr


def test_unknown_option_is_a_usage_error(tmp_path: Path) -> None:
    done = gwlint_process(["check", "--no-such-option", "x.txt"], tmp_path, timeout=60)
    assert done.returncode == 2
    assert "--no-such-option" in done.stderr


def test_unknown_format_is_a_usage_error(project: Path) -> None:
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    result = gwlint("check", "doc.txt", "--format", "yaml")
    assert result.exit_code == 2
    assert "yaml" in result.stderr


# -- the result cache and worker processes ------------------------------------------------------------


def _cache_entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / ".gwlint_cache").rglob("*.json"))


def test_cache_gives_the_same_report_and_survives_corruption(project: Path) -> None:
    for index in range(3):
        (project / f"doc{index}.txt").write_text(DOC * (index + 1), encoding="utf-8")
    fresh = gwlint("check", ".", "--format", "json", "--no-cache")
    assert not (project / ".gwlint_cache").exists()  # --no-cache writes nothing
    first = gwlint("check", ".", "--format", "json")
    assert (project / ".gwlint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    entries = _cache_entries(project)
    assert len(entries) == 3
    cached = gwlint("check", ".", "--format", "json")
    assert fresh.stdout == first.stdout == cached.stdout
    assert fresh.exit_code == first.exit_code == cached.exit_code == 0  # warnings only
    # Damage every entry differently: each must read as a miss, never as a crash or a wrong report.
    entries[0].write_bytes(b"\xff\xfe not json")
    entries[1].write_text('{"format": 1, "kind": "notice", "diagnostics": [["TST001"]]}', encoding="utf-8")
    entries[2].write_text("", encoding="utf-8")
    assert gwlint("check", ".", "--format", "json").stdout == fresh.stdout
    assert gwlint("check", ".", "--format", "json").stdout == fresh.stdout  # rewritten entries


def test_cache_notices_a_changed_pack(project: Path) -> None:
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    assert len(findings(gwlint("check", "doc.txt", "--format", "json"))) == 2
    (project / "pack.yaml").write_text(PACK.replace("'待定'", "'另行通知'"), encoding="utf-8")
    assert findings(gwlint("check", "doc.txt", "--format", "json")) == [("TST001", 4, 7)]


def test_cache_notices_a_changed_pack_reached_through_extends(project: Path) -> None:
    (project / "house").mkdir()
    (project / "house" / "base.yaml").write_text(PACK, encoding="utf-8")
    (project / "pack.yaml").write_text("pack: top\nextends: [house/base.yaml]\nrules: []\n", encoding="utf-8")
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    assert len(findings(gwlint("check", "doc.txt", "--format", "json"))) == 2
    (project / "house" / "base.yaml").write_text(PACK.replace("'待定'", "'另行通知'"), encoding="utf-8")
    assert findings(gwlint("check", "doc.txt", "--format", "json")) == [("TST001", 4, 7)]


def test_cache_keeps_fixes_and_spans(project: Path) -> None:
    (project / "pack.yaml").write_text(tbd_pack("robust", fix="已定"), encoding="utf-8")
    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    fresh = json.loads(gwlint("check", "doc.txt", "--format", "json", "--no-cache").stdout)
    gwlint("check", "doc.txt", "--format", "json")
    cached = json.loads(gwlint("check", "doc.txt", "--format", "json").stdout)
    assert cached == fresh
    fix = cached["files"][0]["diagnostics"][0]["fix"]
    assert [e["replacement"] for e in fix["edits"]] == ["已定"] and fix["message"] == "“待定”→“已定”"


def test_cache_keeps_only_recent_rule_sets(project: Path) -> None:
    from lint.cache import KEEP_GENERATIONS

    (project / "doc.txt").write_text(DOC, encoding="utf-8")
    gwlint("check", "doc.txt")
    root = project / ".gwlint_cache"
    for index in range(KEEP_GENERATIONS + 3):  # left behind by older packs or gwlint versions
        (root / f"v1-old{index:02}" / "ab").mkdir(parents=True)
    (project / "pack.yaml").write_text(PACK.replace("'待定'", "'另行通知'"), encoding="utf-8")
    assert findings(gwlint("check", "doc.txt", "--format", "json")) == [("TST001", 4, 7)]
    generations = [p for p in root.iterdir() if p.is_dir()]
    assert len(generations) == KEEP_GENERATIONS


def _many_documents(root: Path, count: int) -> None:
    for index in range(count):
        extra = "其他事项待定。\n" * (index % 3)
        (root / f"doc{index:02}.txt").write_text(DOC + extra, encoding="utf-8")


def test_parallel_run_matches_a_single_process(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.parallel

    _many_documents(project, 12)
    single = gwlint("check", ".", "--format", "json", "--no-cache", "--jobs", "1")
    monkeypatch.setattr(lint.parallel, "MIN_POOL_FILES", 2)
    monkeypatch.setattr(lint.parallel, "MIN_POOL_BYTES", 0)
    pooled = gwlint("check", ".", "--format", "json", "--no-cache", "--jobs", "3")
    assert pooled.stdout == single.stdout
    assert [f["path"] for f in json.loads(pooled.stdout)["files"]] == sorted(
        f"doc{index:02}.txt" for index in range(12)
    )


def _break_a_rule(monkeypatch: pytest.MonkeyPatch, code: str, file_name: str) -> None:
    """Make rule ``code`` raise on ``file_name`` only (a bug in one rule on one document)."""
    from lint.rules.kinds.pattern import PatternRule

    real_check = PatternRule.check

    def check(self, ctx):
        if self.code == code and Path(ctx.doc.path).name == file_name:
            yield from real_check(self, ctx)
            raise RuntimeError("rule blew up")
        yield from real_check(self, ctx)

    monkeypatch.setattr(PatternRule, "check", check)


TWO_RULES = (
    PACK
    + """\
  - code: TST002
    name: other-marker
    kind: pattern
    severity: info
    message: "另一个标记“{match}”"
    patterns: ['其他']
    doc: {what: a marker, why: unfinished, wrong: 其他, right: 其余, standard: test}
"""
)


def test_a_rule_that_raises_costs_only_its_own_findings(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import lint.parallel

    (project / "pack.yaml").write_text(TWO_RULES, encoding="utf-8")
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\nselect: [TST]\n", encoding="utf-8")
    _many_documents(project, 8)
    _break_a_rule(monkeypatch, "TST002", "doc03.txt")
    monkeypatch.setattr(lint.parallel, "MIN_POOL_FILES", 2)
    monkeypatch.setattr(lint.parallel, "MIN_POOL_BYTES", 0)
    for args in (("--jobs", "2"), ("--jobs", "1"), ("--diff",), ("--fix",)):
        result = gwlint("check", ".", "--format", "json", "--no-cache", *args)
        assert result.exit_code == 1, (args, result.stderr)
        if args[0] == "--diff":
            continue  # the diff is the whole output
        files = {f["path"]: f["diagnostics"] for f in json.loads(result.stdout)["files"]}
        assert len(files) == 8
        codes = [d["code"] for d in files["doc03.txt"]]
        assert codes.count("LINT002") == 1 and "TST001" in codes  # the file's other rule still reports
        (broken,) = [d for d in files["doc03.txt"] if d["code"] == "LINT002"]
        assert "TST002" in broken["message"] and "rule blew up" in broken["message"]
        assert all(d["code"] != "LINT002" for name, ds in files.items() if name != "doc03.txt" for d in ds)
        assert "doc03.txt" in result.stderr and "TST002" in result.stderr
    stdin = gwlint("check", "-", "--stdin-filename", "doc03.txt", "--format", "json", input=DOC + "其他\n")
    assert stdin.exit_code == 1
    assert {code for code, _, _ in findings(stdin)} == {"TST001", "LINT002"}


FIXABLE = (
    TWO_RULES
    + """\
  - code: TST003
    name: ascii-comma
    kind: pattern
    severity: warning
    message: "半角逗号"
    patterns: ['(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])']
    fix: '，'
    doc: {what: a comma, why: width, wrong: "甲,乙", right: 甲，乙, standard: test}
"""
)


@pytest.mark.parametrize("broken", ["TST002", "TST003"])
def test_a_rule_that_raises_does_not_stop_the_other_rules_fixes(
    project: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    (project / "pack.yaml").write_text(FIXABLE, encoding="utf-8")
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\nselect: [TST]\n", encoding="utf-8")
    (project / "doc.txt").write_text("各单位,各部门：\n其他事项待定。\n", encoding="utf-8")
    _break_a_rule(monkeypatch, broken, "doc.txt")
    result = gwlint("check", "doc.txt", "--format", "json", "--no-cache", "--fix")
    assert result.exit_code == 1, result.stderr
    codes = {code for code, _, _ in findings(result)}
    assert "LINT002" in codes and broken in result.stderr
    fixed = (project / "doc.txt").read_text(encoding="utf-8")
    if broken == "TST002":  # the comma rule works: its fix is applied beside the LINT002
        assert fixed == "各单位，各部门：\n其他事项待定。\n"
        assert "TST003" not in codes
    else:  # the broken rule's own fix is lost with its findings; nothing else to fix
        assert fixed == "各单位,各部门：\n其他事项待定。\n"


# -- the real documents ----------------------------------------------------------------------------


def test_every_corpus_document_checks_cleanly(corpus_files: list[Path], tmp_path: Path) -> None:
    done = gwlint_process(
        ["check", str(corpus_files[0].parent), "--format", "json", "--no-cache", "--exit-zero"], tmp_path, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert "internal error" not in done.stderr
    report = json.loads(done.stdout)
    assert len(report["files"]) >= len(corpus_files)
    unreadable = [f["path"] for f in report["files"] if any(d["code"] == "IO001" for d in f["diagnostics"])]
    assert unreadable == []
