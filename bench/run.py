"""gwlint benchmark — run by hand: `python bench/run.py` (not a test; nothing here asserts).

Measures, in one run, whatever rules exist when it runs:
  machine         nproc, CPU model, Python, gwlint version, number of rules
  throughput      `gwlint check` with every rule on ../shared/corpus, one process, no cache (MB/s)
  parsing         the outline parser alone on the same corpus (MB/s; goal >= 5)
  cold start      a whole `gwlint check small.txt` process against `python -c pass` (goal <= 0.2 s),
                  with the rule-table cache filled and emptied
  warm re-run     the corpus again with the result cache filled (goal <= 0.3 s)
  --jobs N        speed-up of worker processes over --jobs 1
  peer            the same corpus through autocorrect-py (`lint_for`), as a ratio
  scaling         the corpus concatenated 1x, 2x, 4x into one file: time should grow linearly
  memory          peak RSS of checking a ~20 MB document (goal < 300 MB)
  break-even      (--breakeven) sequential vs pool for small batches: where a pool starts to pay

Options: --quick (fewer repetitions, skips scaling), --breakeven, --markdown FILE (write the
figures as a Markdown table too), --only cold-start|throughput, --repeat N. Parts that need
../shared/corpus are skipped when it is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "seeds"
SMALL = next(iter(sorted(SEEDS.glob("004_*.txt"))), None) or next(iter(sorted(SEEDS.glob("*.txt"))), None)
sys.path.insert(0, str(ROOT))

ROWS: list[tuple[str, str, str]] = []  # (measure, figure, note) for --markdown


def report(measure: str, figure: str, note: str = "") -> None:
    ROWS.append((measure, figure, note))
    print(f"  {measure:<44} {figure:>22}  {note}")


def section(title: str) -> None:
    print(f"\n{title}")


def env() -> dict:
    out = dict(os.environ)
    out["PYTHONPATH"] = str(ROOT) + (os.pathsep + out["PYTHONPATH"] if out.get("PYTHONPATH") else "")
    for key in ("GWLINT_DEBUG", "FORCE_COLOR"):
        out.pop(key, None)
    out["NO_COLOR"] = "1"
    return out


def run(args: list[str], cwd: Path) -> float:
    """Wall time of one whole process."""
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def timed(args: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """(min, median) wall seconds over ``repeat`` runs."""
    times = [run(args, cwd) for _ in range(repeat)]
    return min(times), statistics.median(times)


def gwlint(*args: str) -> list[str]:
    return [sys.executable, "-m", "lint.cli", *args]


def check_one_process(target: str, families: list[str], *more: str) -> list[str]:
    """`gwlint check TARGET` with these rule families in one process (--jobs 1), no cache, the
    JSON report written to nowhere: what the whole-process figures time."""
    select = ",".join(families)
    return gwlint(
        "check",
        target,
        "--no-cache",
        "--jobs",
        "1",
        "--select",
        select,
        "--format",
        "json",
        "--output",
        os.devnull,
        *more,
    )


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def size_mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1_000_000


# -- in-process measurements ------------------------------------------------------------------------


def all_rules_engine():
    from lint.config import Settings
    from lint.engine import Engine

    families = sorted({code.rstrip("0123456789") for code in Engine().table.rules})
    return Engine(Settings(select=families)), families


def lint_seconds(engine, paths: list[Path], clock=time.perf_counter) -> float:
    from lint.runner import lint_file

    start = clock()
    for path in paths:
        lint_file(path, str(path), engine)
    return clock() - start


def outline_seconds(paths: list[Path]) -> float:
    from lint.document import load_path
    from lint.outline import build_outline

    docs = [load_path(p) for p in paths]
    build_outline(docs[0])  # the grammar loads once per process; not per document
    start = time.perf_counter()
    for doc in docs:
        build_outline(doc)
    return time.perf_counter() - start


def peer_seconds(paths: list[Path]) -> float | None:
    try:
        import autocorrect_py
    except ImportError:
        return None
    texts = [(p.read_text(encoding="utf-8"), p.name) for p in paths]
    autocorrect_py.lint_for(texts[0][0], texts[0][1])
    start = time.perf_counter()
    for text, name in texts:
        autocorrect_py.lint_for(text, name)
    return time.perf_counter() - start


# Runs the command inside a child Python and reports that process's own high-water mark:
# VmHWM belongs to the new address space, whereas ru_maxrss survives exec and would include
# the part of this (large) benchmark process copied at fork time.
_MEASURE = """
import os, runpy, sys
out, sys.argv = sys.argv[1], sys.argv[2:]
try:
    if sys.argv[0] == "-c":
        exec(sys.argv[1])
    else:
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
except SystemExit:
    pass
finally:
    peak = None
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) * 1024
    except OSError:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    open(out, "w").write(str(peak))
"""


def peak_rss_mb(args: list[str], cwd: Path) -> tuple[float, float]:
    """(peak resident MB, wall s) of ``python -m MODULE ARGS`` or ``python -c CODE`` in a child."""
    assert args[0] == sys.executable and args[1] in ("-m", "-c")
    with tempfile.NamedTemporaryFile(suffix=".peak", delete=False) as handle:
        out = handle.name
    start = time.perf_counter()
    command = [sys.executable, "-c", _MEASURE, out] + ([args[2]] if args[1] == "-m" else ["-c", args[2]]) + args[3:]
    subprocess.run(command, cwd=cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    try:
        peak = int(Path(out).read_text() or 0) / 1_000_000
    finally:
        os.unlink(out)
    return peak, wall


def concatenated(paths: list[Path], times: int, folder: Path, name: str) -> Path:
    target = folder / name
    with target.open("wb") as out:
        for _ in range(times):
            for path in paths:
                out.write(path.read_bytes())
                out.write(b"\n")
    return target


# -- sections ---------------------------------------------------------------------------------------


def machine(rule_count: int) -> None:
    from lint import __version__

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        load = " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        load = "?"
    section("machine")
    report("nproc", str(os.cpu_count()))
    report("CPU", cpu)
    report("Python", platform.python_version())
    report("gwlint", __version__, f"{rule_count} rules")
    report("load average (1/5/15 min)", load, "other work on the machine skews wall times")


def throughput(files: list[Path], engine, families: list[str], work: Path, repeat: int) -> float:
    mb = size_mb(files)
    section(f"throughput on ../shared/corpus ({len(files)} files, {mb:.2f} MB)")
    seconds = min(lint_seconds(engine, files) for _ in range(max(1, repeat // 3)))
    report("check, all rules, in-process", f"{mb / seconds:.2f} MB/s", f"{seconds:.2f} s")
    cpu = min(lint_seconds(engine, files, time.process_time) for _ in range(max(1, repeat // 3)))
    report("the same in CPU time (what load distorts least)", f"{mb / cpu:.2f} MB/s", f"{cpu:.2f} s; goal >= 2 MB/s")
    best, median = timed(
        check_one_process(str(CORPUS), families, "--exit-zero"),
        work,
        max(1, repeat // 3),
    )
    report("gwlint check (whole process, --jobs 1)", f"{mb / best:.2f} MB/s", f"{best:.2f} s (median {median:.2f})")
    parse = min(outline_seconds(files) for _ in range(max(1, repeat // 3)))
    report("outline parsing alone", f"{mb / parse:.2f} MB/s", f"{parse:.2f} s; goal >= 5 MB/s")
    peer = peer_seconds(files)
    if peer is None:
        report("autocorrect-py lint_for", "skipped", "pip install autocorrect-py")
    else:
        report("autocorrect-py lint_for (peer)", f"{mb / peer:.2f} MB/s", f"{peer:.2f} s")
        report(
            "gwlint time / autocorrect-py time",
            f"{seconds / peer:.1f}x",
            "gwlint runs ~%d rules incl. outline and number parsing" % len(engine.rules),
        )
    return seconds


def cold_start(work: Path, repeat: int) -> None:
    """One-file start-up beside `python -c pass`, in the same run. Bytecode is compiled once (as pip
    does on install; this session's PYTHONDONTWRITEBYTECODE=1 would recompile gwlint every run).
    Warm: the rule-table cache holds this version's tables; cold: the cache folder is emptied first."""
    if SMALL is None:
        return
    small = work / "small.txt"
    shutil.copy(SMALL, small)
    tables = work / "user-cache"
    start_env = {**env(), "PYTHONPYCACHEPREFIX": str(work / "bytecode"), "XDG_CACHE_HOME": str(tables)}
    start_env.pop("PYTHONDONTWRITEBYTECODE", None)

    def best(args: list[str], before=lambda: None) -> tuple[float, float, float]:
        """(best wall, median wall, best CPU) seconds: CPU time (user + system) is what a loaded
        machine distorts least."""
        import resource

        times, cpu = [], []
        for _ in range(repeat):
            before()
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(args, cwd=work, env=start_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            now = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(now.ru_utime - used.ru_utime + now.ru_stime - used.ru_stime)
        return min(times), statistics.median(times), min(cpu)

    section(f"cold start (whole process, best of {repeat}; {SMALL.name}, {small.stat().st_size} bytes)")
    subprocess.run(gwlint("check", "small.txt", "--no-cache"), cwd=work, env=start_env, capture_output=True)

    def row(measure: str, args: list[str], before=lambda: None, goal: str = "") -> None:
        wall, median, cpu = best(args, before)
        report(measure, f"{wall:.3f} s", f"median {median:.3f}; CPU {cpu:.3f} s{goal}")

    row("python -c pass", [sys.executable, "-c", "pass"])
    row("gwlint --version", gwlint("--version"))
    row(
        "check small.txt --no-cache, rule table cached",
        gwlint("check", "small.txt", "--no-cache"),
        goal="; goal <= 0.2 s",
    )
    row(
        "check small.txt --no-cache, rule table built",
        gwlint("check", "small.txt", "--no-cache"),
        lambda: shutil.rmtree(tables, True),
    )
    subprocess.run(gwlint("check", "small.txt"), cwd=work, env=start_env, capture_output=True)  # fill the cache
    row("check small.txt, result cached", gwlint("check", "small.txt"))


def warm_and_jobs(files: list[Path], work: Path, repeat: int) -> None:
    mb = size_mb(files)
    section("result cache and worker processes (whole process, corpus)")
    cache_dir = work / ".gwlint_cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    first = run(gwlint("check", str(CORPUS), "--jobs", "1"), work)
    report("first run, filling the cache (--jobs 1)", f"{first:.2f} s")
    warm, warm_med = timed(gwlint("check", str(CORPUS)), work, repeat)
    report("warm re-run from the cache", f"{warm:.3f} s", f"median {warm_med:.3f}; goal <= 0.3 s")
    one, _ = timed(gwlint("check", str(CORPUS), "--no-cache", "--jobs", "1"), work, max(1, repeat // 3))
    report("--no-cache --jobs 1", f"{one:.2f} s", f"{mb / one:.2f} MB/s")
    jobs = os.cpu_count() or 1
    for n in sorted({2, jobs} - {1}):
        many, _ = timed(gwlint("check", str(CORPUS), "--no-cache", "--jobs", str(n)), work, max(1, repeat // 3))
        report(f"--no-cache --jobs {n}", f"{many:.2f} s", f"speed-up {one / many:.2f}x")


def scaling(files: list[Path], engine, work: Path) -> None:
    section("scaling: the corpus concatenated into one document")
    base = None
    for times in (1, 2, 4):
        doc = concatenated(files, times, work, f"corpus_x{times}.txt")
        seconds = lint_seconds(engine, [doc])
        base = base or seconds
        mb = doc.stat().st_size / 1_000_000
        report(
            f"{times}x ({mb:.1f} MB), in-process",
            f"{seconds:.2f} s",
            f"{seconds / base:.2f}x the 1x time (linear: {times}.00x); {mb / seconds:.2f} MB/s",
        )
        doc.unlink()


def memory(files: list[Path], work: Path, families: list[str]) -> None:
    sources = files or sorted(SEEDS.glob("*.txt"))
    one = sum(p.stat().st_size for p in sources) + len(sources)
    doc = concatenated(sources, max(1, round(20_000_000 / one)), work, "big20.txt")
    mb = doc.stat().st_size / 1_000_000
    section(f"memory: one {mb:.1f} MB document, every rule, whole process")
    peak, wall = peak_rss_mb(
        check_one_process(doc.name, families),
        work,
    )
    report("peak resident memory", f"{peak:.0f} MB", f"goal < 300 MB; took {wall:.1f} s ({mb / wall:.2f} MB/s)")
    doc.unlink()
    if SMALL is not None:
        shutil.copy(SMALL, work / "small.txt")
        base, _ = peak_rss_mb(gwlint("check", "small.txt", "--no-cache", "--select", ",".join(families)), work)
        report("the same for a 10 KB document (baseline)", f"{base:.0f} MB", "interpreter, imports, rules")


def breakeven(work: Path) -> None:
    """Sequential vs a forced pool for batches of small files: where the pool starts to pay."""
    import lint.parallel as parallel
    from lint.options import Overrides
    from lint.runner import EngineCache

    section("pool break-even (in-process lint_many, --no-cache; seeds copied N times)")
    sources = sorted(SEEDS.glob("*.txt"))
    folder = work / "breakeven"
    jobs = max(2, parallel.default_jobs())
    for count in (4, 8, 16, 32, 64, 128):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for index in range(count):
            shutil.copy(sources[index % len(sources)], folder / f"doc{index:02}.txt")
        files = [(p, str(p)) for p in sorted(folder.glob("*.txt"))]
        size = sum(p.stat().st_size for p, _ in files) / 1024
        figures = []
        for forced in (False, True):
            saved = parallel.MIN_POOL_FILES, parallel.MIN_POOL_BYTES
            if forced:
                parallel.MIN_POOL_FILES, parallel.MIN_POOL_BYTES = 1, 0
            best = float("inf")
            for _ in range(3):
                cache = EngineCache(Overrides())
                start = time.perf_counter()
                parallel.lint_many(files, cache, jobs=1 if not forced else jobs, use_cache=False)
                best = min(best, time.perf_counter() - start)
            parallel.MIN_POOL_FILES, parallel.MIN_POOL_BYTES = saved
            figures.append(best)
        report(
            f"{count} files ({size:.0f} KB)",
            f"{figures[0]:.2f} s vs {figures[1]:.2f} s",
            f"sequential vs pool of {jobs}: pool {'wins' if figures[1] < figures[0] else 'loses'}",
        )


def guarded(measure, *args) -> None:
    """Run one section; a failure (e.g. a rule pack being edited) is reported, not fatal."""
    try:
        measure(*args)
    except Exception as exc:  # a benchmark reports what it could measure
        report(f"{measure.__name__} failed", type(exc).__name__, str(exc).splitlines()[0][:100])


def write_markdown(path: Path) -> None:
    lines = ["| measure | figure | note |", "|---|---:|---|"]
    lines += [f"| {m.strip()} | {f} | {n} |" for m, f, n in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions; skip scaling")
    parser.add_argument("--breakeven", action="store_true", help="also measure the pool break-even")
    parser.add_argument("--markdown", type=Path, help="also write the figures as a Markdown table")
    parser.add_argument("--only", choices=["cold-start", "throughput"], help="measure this part alone")
    parser.add_argument("--repeat", type=int, help="runs per figure (default 10, 3 with --quick)")
    options = parser.parse_args()
    repeat = options.repeat or (3 if options.quick else 10)

    engine, families = all_rules_engine()
    machine(len(engine.rules))
    files = corpus_files()
    with tempfile.TemporaryDirectory(prefix="gwlint-bench-") as temp:
        work = Path(temp)
        if options.only == "cold-start":
            guarded(cold_start, work, repeat)
        elif options.only == "throughput":
            guarded(throughput, files, engine, families, work, repeat)
        else:
            everything(options, engine, families, files, work, repeat)
    if options.markdown:
        write_markdown(options.markdown)


def everything(options, engine, families: list[str], files: list[Path], work: Path, repeat: int) -> None:
    guarded(cold_start, work, repeat)
    if files:
        guarded(throughput, files, engine, families, work, repeat)
        guarded(warm_and_jobs, files, work, repeat)
        if not options.quick:
            guarded(scaling, files, engine, work)
    else:
        section("../shared/corpus is absent: throughput, warm re-run, jobs, peer and scaling skipped")
    guarded(memory, files, work, families)
    if options.breakeven:
        guarded(breakeven, work)


if __name__ == "__main__":
    main()
