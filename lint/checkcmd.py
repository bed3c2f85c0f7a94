"""`gwlint check`: run the linter over paths and print the report."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from lint import __version__
from lint.choices import OutputFormat
from lint.diagnostics import FileResult, Severity
from lint.errors import UsageError
from lint.fix import unified_diff, write_atomically
from lint.options import CheckOptions
from lint.output import default_format, emit, emit_bytes, use_color
from lint.repeats import merge_results
from lint.report import ReportMeta, render
from lint.runner import EngineCache, Source, discover, failure_of, fix_one, lint_one


def run_check(options: CheckOptions) -> int:
    fmt = options.format or default_format(options.output)
    if options.jobs is not None and options.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    cache = EngineCache(options.rules, options.config)
    if options.show_settings:
        from lint.showsettings import show_settings

        emit(show_settings(options.paths, cache), options.output)
        return 0
    run = _lint(options, cache)
    for result in run.results:  # a bug in gwlint is said on stderr too, whatever the format
        failure = failure_of(result)
        if failure:
            print(f"gwlint: {result.path}: {failure}", file=sys.stderr)
    # Every folder's config may load its own packs; the report describes all their rules
    # (read lazily: a run answered from the result cache loads no rule pack).
    results = run.results + _unused_ignores(cache)
    lang, fail_on, rules = cache.report_settings()
    results = _with_baseline(options, merge_results(results, lang))
    meta = ReportMeta(
        version=__version__,
        rules=rules,
        color=use_color(options.output),
        lang=lang,
        statistics=options.statistics,
        fail_on=fail_on,
    )
    if options.diff:
        return _finish_diff(options, run, results)
    if run.stdin_fixed is not None:
        return _finish_stdin_fix(options, run, results, meta)
    return _finish_report(options, fmt, run, results, meta)


def _with_baseline(options: CheckOptions, results: list[FileResult]) -> list[FileResult]:
    """--write-baseline records the findings; --baseline hides those it recorded."""
    if options.write_baseline is not None:
        from lint.baseline import write_baseline

        recorded = write_baseline(results, options.write_baseline)
        _note(options, f"recorded {_plural(recorded, 'finding')} in {options.write_baseline}")
    if options.baseline is not None:
        from lint.baseline import apply_baseline

        before = _count(results)
        results = apply_baseline(results, options.baseline)
        _note(options, f"the baseline {options.baseline} hid {_plural(before - _count(results), 'finding')}")
    return results


def _exit_status(options: CheckOptions, results: list[FileResult], fail_on: Severity) -> int:
    failed = any(d.severity >= fail_on for r in results for d in r.diagnostics)
    return 0 if options.exit_zero or not failed else 1


def _finish_diff(options: CheckOptions, run: _Run, results: list[FileResult]) -> int:
    """Like ruff: the diff is the whole output; exit 1 when something would change."""
    emit_bytes(b"".join(run.diffs))
    if not options.quiet:
        print(f"gwlint: {_plural(len(run.diffs), 'file')} would be fixed", file=sys.stderr)
    # Exit 1 too when a file could not be checked at all or in part (IO001, LINT002).
    unchecked = any(d.code in ("IO001", "LINT002") for r in results for d in r.diagnostics)
    return 0 if options.exit_zero or not (run.diffs or unchecked) else 1


def _finish_stdin_fix(options: CheckOptions, run: _Run, results: list[FileResult], meta: ReportMeta) -> int:
    """Like `ruff --fix -`: the fixed text on stdout, the findings on stderr."""
    emit_bytes(run.stdin_fixed or b"")
    sys.stderr.write(render(OutputFormat.CONCISE, results, meta))
    return _exit_status(options, results, meta.fail_on)


def _finish_report(
    options: CheckOptions, fmt: OutputFormat, run: _Run, results: list[FileResult], meta: ReportMeta
) -> int:
    for failure in run.write_failures:
        print(f"gwlint: error: {failure}", file=sys.stderr)
    terminal = fmt.is_terminal and options.output is None
    if not (terminal and options.statistics):  # like ruff: --statistics alone prints only the table
        emit(render(fmt, results, meta), options.output)
    if terminal:
        if options.statistics:
            emit(_statistics(results), None)
        if not options.quiet:
            if options.fix:
                emit(f"Fixed {_plural(run.fixed, 'file')}.\n", None)
            emit(_summary_line(results, options), None)
    if run.write_failures:  # the other files were fixed; these could not be written
        return 2
    return _exit_status(options, results, meta.fail_on)


@dataclass
class _Run:
    results: list[FileResult] = field(default_factory=list)
    diffs: list[bytes] = field(default_factory=list)  # --diff: one patch per changed file
    stdin_fixed: bytes | None = None  # stdin with --fix: the text to print
    write_failures: list[str] = field(default_factory=list)
    fixed: int = 0  # files --fix rewrote


def _lint(options: CheckOptions, cache: EngineCache) -> _Run:
    """Every document goes through lint_one (fix_one when fixing) and nothing is written unless
    --fix without --diff was asked for, on a file."""
    run = _Run()
    fixing = options.fix or options.diff
    if options.paths == ["-"]:
        display = options.stdin_filename or "-"
        engine = cache.engine_for(Path(display) if options.stdin_filename else Path.cwd() / "stdin.txt")
        source = Source(display, data=sys.stdin.buffer.read())
        if not fixing:
            run.results.append(lint_one(source, engine))
            return run
        outcome = fix_one(source, engine, unsafe=options.unsafe_fixes)
        run.results.append(outcome.result)
        if outcome.changed and options.diff:
            run.diffs.append(unified_diff(outcome.before or b"", outcome.after or b"", display))
        elif not options.diff:
            run.stdin_fixed = outcome.after if outcome.changed else source.data
        return run
    if "-" in options.paths:
        raise UsageError("- (stdin) cannot be mixed with other paths")
    files = discover(options.paths, cache)
    if not files:
        print("gwlint: warning: no documents (.txt, .md, .docx) found", file=sys.stderr)
    if fixing:
        for path, display in files:
            _fix_file(options, cache, path, display, run)
        return run
    from lint.parallel import lint_many

    with _progress_bar(len(files)) as advance:
        run.results = lint_many(files, cache, jobs=options.jobs, use_cache=not options.no_cache, progress=advance)
    return run


def _fix_file(options: CheckOptions, cache: EngineCache, path: Path, display: str, run: _Run) -> None:
    outcome = fix_one(Source(display, path=path), cache.engine_for(path), unsafe=options.unsafe_fixes)
    run.results.append(outcome.result)
    if path.suffix.lower() == ".docx" and any(d.fix for d in outcome.result.diagnostics):
        print(
            f"gwlint: warning: {display}: fixes are not applied to .docx files; "
            "gwlint review writes them as tracked changes in a copy",
            file=sys.stderr,
        )
    if not outcome.changed:
        return
    assert outcome.before is not None and outcome.after is not None
    if options.diff:  # never written: --diff only shows
        run.diffs.append(unified_diff(outcome.before, outcome.after, display))
        return
    try:
        write_atomically(path, outcome.after, expected=outcome.before)
    except OSError as exc:
        run.write_failures.append(f"{display}: cannot write the fixed file: {exc.strerror or exc}; left as it was")
        return
    run.fixed += 1


# Below this many files a progress bar would only flicker.
PROGRESS_MIN_FILES = 20


class _progress_bar:
    """A progress bar on stderr while many files are linted, only when stderr is a terminal."""

    def __init__(self, total: int):
        self.total = total
        self.bar = None

    def __enter__(self):
        try:
            interactive = sys.stderr.isatty()
        except (AttributeError, ValueError):
            interactive = False
        if not interactive or self.total < PROGRESS_MIN_FILES:
            return lambda n: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("gwlint"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("check", total=self.total)
        return lambda n: self.bar.advance(task, n) if n else None

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _unused_ignores(cache: EngineCache) -> list[FileResult]:
    from lint.diagnostics import Diagnostic

    out = []
    for engine in cache.engines():
        unused = engine.unused_config_ignores()
        rule = engine.codes.get("LINT001")
        if not unused or rule is None or rule not in engine.rules:
            continue
        diagnostics = []
        for entry, index in unused:
            line = engine.settings.line_of("ignore", index) or engine.settings.line_of("ignore") or 1
            diagnostics.append(
                Diagnostic(
                    code="LINT001",
                    name=rule.name,
                    severity=Severity.INFO,
                    message=rule.format_message(engine.lang, directive=f"ignore {entry.code} {entry.path}"),
                    line=line,
                    column=1,
                    end_line=line,
                    end_column=1,
                )
            )
        out.append(FileResult(path=engine.settings.source or "config", kind="config", diagnostics=diagnostics))
    return out


def _statistics(results: list[FileResult]) -> str:
    counts: dict[tuple[str, str, str], int] = {}
    for result in results:
        for d in result.diagnostics:
            key = (d.code, d.name, d.severity.label)
            counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return "".join(f"{count:>6}  {code:<8} {name:<32} {sev}\n" for (code, name, sev), count in rows)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _count(results: list[FileResult]) -> int:
    return sum(len(r.diagnostics) for r in results)


def _note(options: CheckOptions, message: str) -> None:
    """A remark about the run, on stderr so machine-readable reports stay clean."""
    if not options.quiet:
        print(f"gwlint: {message}", file=sys.stderr)


def _summary_line(results: list[FileResult], options: CheckOptions) -> str:
    from lint.report import summary

    s = summary(results)
    files = _plural(s["files"], "file")
    total = s["errors"] + s["warnings"] + s["infos"]
    if total == 0:
        return f"All checks passed ({files}).\n"
    counts = ", ".join(_plural(s[key + "s"], key) for key in ("error", "warning", "info") if s[key + "s"])
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix is not None)
    hint = f" {fixable} fixable with --fix." if fixable and not options.fix else ""
    return f"Found {_plural(total, 'finding')} ({counts}) in {files}.{hint}\n"
