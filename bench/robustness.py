"""Hostile inputs through the real command line: exit status, seconds and peak memory of each.

    python bench/robustness.py            # every case, a table on stdout
    python bench/robustness.py fifo yaml  # only the cases whose name contains one of the words

Each case builds its own folder under a temporary directory, runs `python -m lint.cli …` from this
checkout (never the installed gwlint). A case may use at most CPU_SECONDS of processor time; it is
killed as hung after HANG_SECONDS of wall time (longer: the machine may be shared, and a run
blocked on a FIFO burns no processor time). Peak memory is the child's own maximum resident set
(os.wait4). "bytes" says whether every document in the folder is byte for
byte as it was — or, for the cases that ask --fix to write, whether each file is either untouched
or wholly rewritten (never cut off). A case passes when it finishes in time, stays under
MEMORY_LIMIT_MB, exits with the status it should, and loses no byte.
"""

from __future__ import annotations

import codecs
import io
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test pack and /proc helpers are shared with tests/test_robustness.py

from tests.proc import alive, children  # noqa: E402
from tests.tbd_pack import tbd_pack  # noqa: E402

CPU_SECONDS = 10.0
HANG_SECONDS = 30.0
MEMORY_LIMIT_MB = 1024
DOC = "关于做好工作的通知\n各单位：\n一、完成时间待定。\n二、其他事项另行通知,请遵照执行!\n"
PACK = tbd_pack("robust")
# Runs gwlint with os.replace or os.fsync failing as on a full disk (an injected OSError).
FULL_DISK = """
import errno, os, sys
import lint.fix
def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")
setattr(lint.fix.os, sys.argv.pop(1), full)
from lint.cli import main
sys.argv[0] = "gwlint"
main()
"""


@dataclass
class Case:
    name: str
    build: Callable[[Path], None]
    args: list[str]
    expect: tuple[int, ...] = (0, 1)
    stdin: bytes | None = None
    writes: bool = False  # --fix may rewrite documents (each must still be whole)
    signal_after: float | None = None
    signal_name: str = "SIGTERM"
    runner: list[str] = field(default_factory=lambda: ["-m", "lint.cli"])


def write(name: str, data: bytes | str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return build


def both(*builds: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        for step in builds:
            step(folder)

    return build


def docx_file(name: str, xml_megabytes: int, cut: int | None = None) -> Callable[[Path], None]:
    """Built in a child process: the bench's own memory would otherwise be inherited into every
    later child's peak (Linux keeps the high-water mark across fork and exec)."""

    def build(folder: Path) -> None:
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); from robustness import docx; "
            f"data = docx({xml_megabytes}); open({str(folder / name)!r}, 'wb').write(data[:{cut}])"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    return build


def docx(xml_megabytes: int) -> bytes:
    body = "<w:p><w:r><w:t>一、完成时间待定。</w:t></w:r></w:p>" * (xml_megabytes * 1024 * 1024 // 60)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body
            + "</w:body></w:document>",
        )
    return buffer.getvalue()


def fifo(folder: Path) -> None:
    os.mkfifo(folder / "doc.txt")
    (folder / "a.txt").write_text(DOC, encoding="utf-8")


def device(folder: Path) -> None:
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "a.txt").write_text(DOC, encoding="utf-8")


def symlink_loop(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    (folder / "a.txt").write_text(DOC, encoding="utf-8")


def many_documents(count: int, repeat: int) -> Callable[[Path], None]:
    block = "一、总体要求\n（一）加强组织领导。全年完成投资120亿元，增长8.5%。\n" + "这是一个很长的段落，" * 40 + "\n"

    def build(folder: Path) -> None:
        for index in range(count):
            (folder / f"doc{index:03}.txt").write_text(block * repeat, encoding="utf-8")

    return build


def config(text: str) -> Callable[[Path], None]:
    return both(write(".gwlint.yaml", text), write("a.txt", DOC))


def pack(text: str) -> Callable[[Path], None]:
    return both(write("pack.yaml", text), write(".gwlint.yaml", "packs: [pack.yaml]\n"), write("a.txt", DOC))


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([prev] * 9)}]\n"
    for name, prev in zip("bcdefghi", ["*a"] + [f"*{c}" for c in "bcdefgh"])
)

CASES = [
    # -- files ----------------------------------------------------------------------------------
    Case("empty-file", write("a.txt", b""), ["check", "."]),
    Case("whitespace-only", write("a.txt", " \n\t\n\u3000\n"), ["check", "."]),
    Case("random-binary-as-txt", write("a.txt", os.urandom(200_000)), ["check", "."]),
    Case("nul-bytes", write("a.txt", b"\0" * 100_000), ["check", "."]),
    Case("utf16-le-no-bom", write("a.txt", DOC.encode("utf-16-le")), ["check", "."]),
    Case("utf16-be-bom", write("a.txt", codecs.BOM_UTF16_BE + DOC.encode("utf-16-be")), ["check", "."]),
    Case("gb18030", write("a.txt", DOC.encode("gb18030")), ["check", "."]),
    Case("invalid-utf8-midway", write("a.txt", DOC.encode() + b"\xff\xfe\xfa" + DOC.encode()), ["check", "."]),
    Case("mixed-line-endings", write("a.txt", DOC.replace("\n", "\r\n", 2).replace("\n", "\r", 1)), ["check", "."]),
    Case("control-characters", write("a.txt", "".join(chr(c) for c in range(32)) * 300 + DOC), ["check", "."]),
    Case(
        "1mb-single-line", write("a.txt", "关于" + "做好工作，" * 200_000 + "的通知"), ["check", ".", "--select", "ALL"]
    ),
    Case("yi-dun-x1m", write("a.txt", "一、" * 1_000_000), ["check", ".", "--select", "ALL"]),
    Case("300k-char-line", write("a.txt", "完成" * 150_000), ["check", ".", "--select", "ALL"]),
    Case("10k-marker-lines", write("a.txt", "".join(f"{i}.工作\n" for i in range(10_000))), ["check", "."]),
    Case(
        "31-digit-figure",
        write("a.txt", "耕地" + "9" * 31 + "亩。\n![图](a.png)\n一、甲\n一百二十，乙\n"),
        ["check", ".", "--select", "ALL"],
    ),
    Case("question-marks", write("a.md", "?" * 5000 + "\n" + "!!!!!!!!!!\n" * 2000), ["check", ".", "--select", "ALL"]),
    # gwlint checks about 0.5 MB/s with every default rule (bench/RESULTS.md): 3 MB fits the budget.
    Case("3mb-document", many_documents(1, 1300), ["check", "."]),
    Case("over-size-cap", both(write(".gwlint.yaml", "max-file-size: 1\n"), many_documents(1, 700)), ["check", "."]),
    Case("fifo-named-doc", fifo, ["check", "."]),
    Case("device-named-doc", device, ["check", "."]),
    Case("symlink-loop-and-dangling", symlink_loop, ["check", "."]),
    Case("folder-named-txt", both(write("x.txt/inner.txt", DOC)), ["check", "x.txt"]),
    Case("docx-not-a-zip", write("a.docx", b"PK\x03\x04 not really"), ["check", "."]),
    Case("docx-100mb-of-xml", docx_file("a.docx", 100), ["check", "."]),
    Case("docx-truncated", docx_file("a.docx", 1, cut=3000), ["check", "."]),
    # -- configuration --------------------------------------------------------------------------
    Case("config-alias-bomb", config(LAUGHS), ["check", "."], expect=(2,)),
    Case("config-python-tag", config("select: !!python/name:os.system [PH]\n"), ["check", "."], expect=(2,)),
    Case("config-merge-key", config("base: &b {lang: zh}\n<<: *b\n"), ["check", "."], expect=(2,)),
    Case("config-5mb", config("exclude:\n" + "  - 'x/**'\n" * 500_000), ["check", "."], expect=(2,)),
    Case("config-unknown-key", config("selct: [PH]\n"), ["check", "."], expect=(2,)),
    Case(
        "config-slow-ignore-match",
        both(
            write("pack.yaml", PACK.replace("'待定'", "'待定[^\\n]*'")),
            write(
                ".gwlint.yaml",
                "packs: [pack.yaml]\nignore:\n  - {code: TST001, match: '待定.*待定.*待定.*待定.*截止'}\n",
            ),
            write("a.txt", "待定" * 3000 + "\n"),
        ),
        ["check", "."],
    ),
    Case(
        "pyproject-broken-toml",
        both(write("pyproject.toml", "[tool.gwlint\nselect = ["), write("a.txt", DOC)),
        ["check", "."],
        expect=(2,),
    ),
    # -- rule packs -----------------------------------------------------------------------------
    Case("pack-kind-a.b", pack(PACK.replace("kind: pattern", "kind: a.b")), ["check", "."], expect=(2,)),
    Case(
        "pack-exponential-regex",
        both(pack(PACK.replace("'待定'", "'(a+)+$'")), write("b.txt", "a" * 60 + "b\n")),
        ["check", "."],
    ),
    Case(
        "pack-polynomial-regex",
        both(pack(PACK.replace("'待定'", "'待定.*待定.*待定.*待定.*截止'")), write("b.txt", "待定" * 3000 + "\n")),
        ["check", "."],
    ),
    Case("pack-bad-template", pack(PACK.replace("“{match}”", "{0}{match!z}")), ["check", "."], expect=(2,)),
    Case("pack-extends-itself", pack(PACK.replace("rules:", "extends: [pack.yaml]\nrules:")), ["check", "."]),
    Case("pack-is-a-list", pack("- code: TST001\n  kind: pattern\n"), ["check", "."], expect=(2,)),
    Case("test-rules-on-a-folder", write("packs/empty.txt", ""), ["test-rules", "packs"], expect=(2,)),
    # -- command line ---------------------------------------------------------------------------
    Case("jobs-1000", many_documents(40, 20), ["check", ".", "--jobs", "1000"]),
    Case("stdin-2mb", lambda folder: None, ["check", "-"], stdin=(DOC * 16_000).encode()),
    Case("diff-on-stdin", lambda folder: None, ["check", "-", "--diff"], stdin=DOC.encode()),
    Case(
        "fix-crlf-bom-gb18030",
        both(
            write("a.txt", codecs.BOM_UTF8 + DOC.replace("\n", "\r\n").encode()), write("b.txt", DOC.encode("gb18030"))
        ),
        ["check", ".", "--fix"],
        writes=True,
    ),
    # -- signals --------------------------------------------------------------------------------
    Case(
        "sigterm-during-jobs-2",
        many_documents(40, 150),
        ["check", ".", "--jobs", "2", "--no-cache"],
        expect=(-15,),
        signal_after=1.5,
    ),
    Case(
        "sigkill-during-jobs-2",
        many_documents(40, 150),
        ["check", ".", "--jobs", "2", "--no-cache"],
        expect=(-9,),
        signal_after=1.5,
        signal_name="SIGKILL",
    ),
    Case(
        "sigint-during-check",
        many_documents(40, 150),
        ["check", ".", "--jobs", "1", "--no-cache"],
        expect=(130, -2),
        signal_after=1.5,
        signal_name="SIGINT",
    ),
    # -- a full disk (an injected OSError) ------------------------------------------------------
    *(
        Case(
            f"full-disk-on-{call}",
            both(write("a.txt", DOC), write("b.txt", DOC)),
            ["check", ".", "--fix"],
            expect=(2,),
            writes=False,
            runner=["-c", FULL_DISK, call],
        )
        for call in ("replace", "fsync")
    ),
]


def snapshot(folder: Path) -> dict[Path, bytes]:
    out = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and ".gwlint_cache" not in path.parts:
            out[path] = path.read_bytes()
    return out


def intact(before: dict[Path, bytes], after: dict[Path, bytes], writes: bool) -> bool:
    for path, data in before.items():
        now = after.get(path)
        if now == data:
            continue
        if not writes or now is None or path.suffix not in (".txt", ".md"):
            return False
        try:  # rewritten by --fix: whole (decodes) and about as long, never cut off
            now.decode("gb18030" if b"\xb9\xd8" in data else "utf-8")
        except UnicodeDecodeError:
            return False
        if len(now) < 0.9 * len(data):
            return False
    return True


def run(case: Case, base: Path) -> tuple[int | str, float, float, float, bool, str]:
    folder = base / case.name
    folder.mkdir()
    case.build(folder)
    before = snapshot(folder)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GWLINT_")}
    env["PYTHONPATH"] = str(ROOT)
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, *case.runner, *case.args],
        cwd=folder,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if case.stdin is not None:
        try:
            process.stdin.write(case.stdin)  # type: ignore[union-attr]
        except BrokenPipeError:
            pass
    process.stdin.close()  # type: ignore[union-attr]
    workers: list[int] = []
    status: int | str = "hang"
    usage = None
    note = ""
    while time.monotonic() - start < HANG_SECONDS:
        pid, raw, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status = os.waitstatus_to_exitcode(raw)
            break
        if case.signal_after is not None and time.monotonic() - start >= case.signal_after:
            workers = children(process.pid)
            process.send_signal(getattr(signal, case.signal_name))
            case.signal_after = None
        time.sleep(0.01)
    else:
        process.kill()
        _, raw, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""  # type: ignore[union-attr]
    time.sleep(0.5)
    orphans = [w for w in workers if alive(w)]
    if orphans:
        note = f"{len(orphans)} orphan worker(s)"
        for worker in orphans:
            os.kill(worker, signal.SIGKILL)
    elif workers:
        note = f"{len(workers)} workers gone"
    if "Traceback" in stderr or "internal error" in stderr:
        note = (note + "; " if note else "") + "traceback/internal error"
    peak_mb = (usage.ru_maxrss / 1024) if usage is not None else 0.0
    cpu = (usage.ru_utime + usage.ru_stime) if usage is not None else 0.0
    ok_bytes = intact(before, snapshot(folder), case.writes)
    passed = (
        status in case.expect
        and cpu < CPU_SECONDS
        and peak_mb < MEMORY_LIMIT_MB
        and ok_bytes
        and "orphan" not in note
        and "traceback" not in note
    )
    if not note:
        note = stderr.strip().splitlines()[-1][:70] if stderr.strip() else ""
    if not ok_bytes:
        note = "BYTES LOST; " + note
    return status, seconds, cpu, peak_mb, passed, note


def main(words: list[str]) -> int:
    cases = [c for c in CASES if not words or any(w in c.name for w in words)]
    failed = 0
    print(f"{'case':<28} {'exit':>5} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'ok':>3}  note")
    with tempfile.TemporaryDirectory(prefix="gwlint-robust-") as temp:
        for case in cases:
            status, seconds, cpu, peak, ok, note = run(case, Path(temp))
            failed += not ok
            print(
                f"{case.name:<28} {status!s:>5} {seconds:>7.2f} {cpu:>6.2f} {peak:>8.0f} {'yes' if ok else 'NO':>3}  "
                f"{note}",
                flush=True,
            )
    print(
        f"\n{len(cases) - failed} of {len(cases)} cases passed (limits: {CPU_SECONDS:g} s of CPU, killed after "
        f"{HANG_SECONDS:g} s, {MEMORY_LIMIT_MB} MB, no byte of a document lost)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
