"""Lint many files: from the result cache, in this process, or spread over worker processes.

Results come back in the order the files were given (discovery order), whatever finished first.
A worker builds its engines once (pool initializer); with the fork start method it inherits the
engines this process already built. Every file goes through runner.lint_one, so a bug in one rule
on one file is a LINT002 finding there and the run goes on; the caller says so on stderr.

A pool costs a fixed start-up (processes, rule packs) and pickling the results back, so it is
used only when the files still to lint are enough to repay it; see MIN_POOL_FILES/BYTES.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from lint.diagnostics import FileResult
from lint.document.load import source_format_of
from lint.errors import InternalError
from lint.options import Overrides
from lint.runner import EngineCache, Source, failure_of, lint_one

# Break-even measured with `bench/run.py --breakeven` (figures in bench/RESULTS.md): a pool of
# two costs about a tenth of a second (fork, copy-on-write, results sent back); 4 files (80 KB)
# ran faster in one process, 8 files (146 KB) tied or won with the pool, 16 files always won.
MIN_POOL_FILES = 8
MIN_POOL_BYTES = 128 * 1024
CHUNKS_PER_WORKER = 4

# Set in the parent before a forked pool starts, so workers reuse its engines.
_INHERITED: EngineCache | None = None
_WORKER: EngineCache | None = None


def default_jobs() -> int:
    """The CPUs this process may use (also the most --jobs starts: more only thrash)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def lint_many(
    files: list[tuple[Path, str]], cache: EngineCache, jobs: int | None = None, use_cache: bool = True, progress=None
) -> list[FileResult]:
    """``progress(n)`` (optional) is called as n more files are done."""
    advance = progress or (lambda n: None)
    results: list[FileResult | None] = [None] * len(files)
    store = None
    if use_cache:
        from lint.cache import ResultCache

        store = ResultCache(cache)
    todo: list[tuple[int, Path, str, Path | None]] = []  # (index, path, display, cache entry)
    for index, (path, display) in enumerate(files):
        entry = None
        if store is not None:
            hit, entry = store.lookup(path, display)
            if hit is not None:
                results[index] = hit
                continue
        todo.append((index, path, display, entry))
    advance(len(files) - len(todo))
    if not todo:
        return results  # type: ignore[return-value]
    jobs = min(jobs or default_jobs(), default_jobs())
    sizes = _sizes(todo)
    if _worth_a_pool(todo, sizes, jobs, cache):
        done = _lint_in_pool(todo, sizes, cache, jobs, advance)
    else:
        done = {}
        for index, path, display, _ in todo:
            done[index] = _lint_path(path, display, cache)
            advance(1)
    for index, _, display, entry in todo:
        result = results[index] = done[index]
        # A result with an internal error is not remembered: the next run tries again.
        if store is not None and entry is not None and failure_of(result) is None:
            store.store(entry, result, source_format_of(display))
    return results  # type: ignore[return-value]


def _lint_path(path: Path, display: str, engines: EngineCache) -> FileResult:
    engine = engines.engine_for(path)  # a bad config or pack is a usage error (exit 2): let it rise
    return lint_one(Source(display, path=path), engine)


def _sizes(todo: list) -> list[int]:
    sizes = []
    for _, path, _, _ in todo:
        try:
            sizes.append(max(1, path.stat().st_size))
        except OSError:
            sizes.append(1)
    return sizes


def _worth_a_pool(todo: list, sizes: list[int], jobs: int, cache: EngineCache) -> bool:
    if jobs < 2 or len(todo) < MIN_POOL_FILES or sum(sizes) < MIN_POOL_BYTES:
        return False
    # Path-scoped config ignores are tallied across files (LINT001): keep them in one process.
    folders = {str(path.parent): path for _, path, _, _ in todo}
    return not any(cache.settings(path)[1].ignore_entries for path in folders.values())


def _chunks(todo: list, sizes: list[int], workers: int) -> list[list]:
    """Consecutive runs of files of roughly equal size, a few per worker so none idles long."""
    target = max(1, sum(sizes) // (workers * CHUNKS_PER_WORKER))
    chunks: list[list] = [[]]
    filled = 0
    for item, size in zip(todo, sizes, strict=True):
        if chunks[-1] and filled + size > target:
            chunks.append([])
            filled = 0
        chunks[-1].append(item)
        filled += size
    return chunks


def _context():
    import multiprocessing
    import threading

    # fork is cheapest (workers inherit imports and engines) but unsafe with other threads
    # running, and unavailable or unsafe on Windows and macOS.
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _lint_in_pool(
    todo: list, sizes: list[int], cache: EngineCache, jobs: int, advance=lambda n: None
) -> dict[int, FileResult]:
    global _INHERITED
    from concurrent.futures import ProcessPoolExecutor

    # Build each configuration's engine here first: a bad config or pack stops the run (exit 2)
    # before any worker starts, and forked workers inherit the built engines.
    for _, path, _, _ in todo:
        cache.engine_for(path)
    context = _context()
    forking = context.get_start_method() == "fork"
    if forking:  # build the outline parser once, here, for all workers
        from lint.outline.parser import line_parser

        line_parser()
        gc.freeze()  # keep the collector from touching (and so copying) every inherited page
    chunks = _chunks(todo, sizes, jobs)
    workers = min(jobs, len(chunks))
    done: dict[int, FileResult] = {}
    _INHERITED = cache
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(cache.overrides, cache.config, os.getpid()),
        ) as pool:
            futures = [
                pool.submit(_lint_chunk, [(index, str(path), display) for index, path, display, _ in chunk])
                for chunk in chunks
            ]
            for future, chunk in zip(futures, chunks, strict=True):
                try:
                    done.update(future.result())
                except Exception:  # a worker died (killed, out of memory): lint its files here
                    for index, path, display, _ in chunk:
                        done[index] = _lint_path(path, display, cache)
                advance(len(chunk))
    except (OSError, NotImplementedError, ImportError):  # no processes available at all
        for index, path, display, _ in todo:
            if index not in done:
                done[index] = _lint_path(path, display, cache)
    finally:
        _INHERITED = None
        if forking:
            gc.unfreeze()
    return done


def _die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (SIGTERM, SIGKILL, crash), so no
    orphan keeps linting; if the parent is already gone, leave at once. Elsewhere the pool's own
    shutdown has to do."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(overrides: Overrides, config: Path | None, parent: int) -> None:
    global _WORKER
    _die_with_parent(parent)
    if _INHERITED is not None and (_INHERITED.overrides, _INHERITED.config) == (overrides, config):
        _WORKER = _INHERITED
    else:
        _WORKER = EngineCache(overrides, config)


def _lint_chunk(chunk: list[tuple[int, str, str]]) -> list[tuple[int, FileResult]]:
    assert _WORKER is not None
    out = []
    for index, path, display in chunk:
        try:
            out.append((index, _lint_path(Path(path), display, _WORKER)))
        except Exception as exc:  # even a config error here must not lose the other files
            engine = _WORKER.default()
            error = InternalError("configuration", exc)
            out.append((index, FileResult(display, "unknown", [engine.internal_error(error)])))
    return out
