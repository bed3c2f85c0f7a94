"""`gwlint check`: run the linter over paths and print the report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lint import __version__
from lint.diagnostics import FileResult, Severity
from lint.engine import Overrides
from lint.errors import UsageError
from lint.repeats import merge_results
from lint.report import FORMATS, ReportMeta, render
from lint.runner import EngineCache, RunOptions, discover, fix_file, lint_file
from lint.selection import split_codes


@dataclass
class CheckRequest:
    paths: list[str]
    format: str | None = None
    output: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    kind: str = "auto"
    fix: bool = False
    diff: bool = False
    fail_on: str | None = None
    min_severity: str | None = None
    preset: str | None = None
    show_settings: bool = False
    exit_zero: bool = False
    statistics: bool = False
    quiet: bool = False
    lang: str | None = None
    stdin_filename: str | None = None
    config: Path | None = None
    no_cache: bool = False
    jobs: int | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None


def _stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def run_check(req: CheckRequest) -> int:
    fmt = req.format or ("full" if _stdout_is_tty() and req.output is None else "concise")
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if req.jobs is not None and req.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    overrides = Overrides(
        select=split_codes(req.select) if req.select else None,
        extend_select=split_codes(req.extend_select), ignore=split_codes(req.ignore),
        kind=req.kind, lang=req.lang, fail_on=req.fail_on, min_severity=req.min_severity, preset=req.preset)
    options = RunOptions(config=req.config, overrides=overrides, fix=req.fix, diff=req.diff)
    cache = EngineCache(options)
    if req.show_settings:
        from lint.showsettings import show_settings

        _emit(show_settings(req.paths, cache), req.output)
        return 0
    results, diffs = _lint(req, cache)
    results.extend(_unused_ignores(cache))
    # Every folder's config may load its own packs; the report describes all their rules
    # (read lazily: a run answered from the result cache loads no rule pack).
    lang, fail_on, rules = cache.report_settings()
    results = merge_results(results, lang)
    if req.write_baseline is not None:
        from lint.baseline import write_baseline

        recorded = write_baseline(results, req.write_baseline)
        _note(req, f"recorded {_plural(recorded, 'finding')} in {req.write_baseline}")
    if req.baseline is not None:
        from lint.baseline import apply_baseline

        before = _count(results)
        results = apply_baseline(results, req.baseline)
        _note(req, f"the baseline {req.baseline} hid {_plural(before - _count(results), 'finding')}")
    meta = ReportMeta(version=__version__, rules=rules, color=_color(req), lang=lang,
                      statistics=req.statistics, fail_on=fail_on)
    if req.diff:  # like ruff: the diff is the whole output; exit 1 when something would change
        _emit("".join(diffs), None)
        if not req.quiet:
            print(f"gwlint: {len(diffs)} file{'s' if len(diffs) != 1 else ''} would be fixed", file=sys.stderr)
        return 0 if req.exit_zero or not diffs else 1
    terminal = fmt in ("concise", "full") and req.output is None
    if not (terminal and req.statistics):  # like ruff: --statistics alone prints only the table
        _emit(render(fmt, results, meta), req.output)
    if terminal:
        if req.statistics:
            _emit(_statistics(results), None)
        if not req.quiet:
            if req.fix:
                _emit(f"Fixed {len(diffs)} file{'s' if len(diffs) != 1 else ''}.\n", None)
            _emit(_summary_line(results, req), None)
    failed = any(d.severity >= fail_on for r in results for d in r.diagnostics)
    return 0 if req.exit_zero or not failed else 1


def _lint(req: CheckRequest, cache: EngineCache) -> tuple[list[FileResult], list[str]]:
    results: list[FileResult] = []
    diffs: list[str] = []
    if req.paths == ["-"]:
        display = req.stdin_filename or "-"
        data = sys.stdin.buffer.read()
        engine = cache.engine_for(Path(display) if req.stdin_filename else Path.cwd() / "stdin.txt")
        from lint.document import DecodeError
        from lint.document.load import load_bytes, source_format_of

        try:
            doc = load_bytes(data, display, source_format_of(display))
        except DecodeError as exc:
            return [engine.io_error(display, str(exc))], diffs
        return [engine.lint(doc)], diffs
    if "-" in req.paths:
        raise UsageError("- (stdin) cannot be mixed with other paths")
    files = discover(req.paths, cache)
    if not files:
        print("gwlint: warning: no documents (.txt, .md, .docx) found", file=sys.stderr)
    from lint.parallel import lint_many

    if req.fix or req.diff:
        for path, display in files:
            engine = cache.engine_for(path)
            result, before, after = fix_file(path, display, engine, write=req.fix)
            results.append(result)
            if path.suffix.lower() == ".docx" and any(d.fix for d in result.diagnostics):
                print(f"gwlint: warning: {display}: fixes are not applied to .docx files; "
                      "gwlint review writes them as tracked changes in a copy", file=sys.stderr)
            if before is not None and after is not None and before != after:
                import difflib

                diffs.append("".join(difflib.unified_diff(
                    before.splitlines(keepends=True), after.splitlines(keepends=True),
                    fromfile=f"a/{display}", tofile=f"b/{display}")))
        return results, diffs
    with _progress_bar(len(files)) as advance:
        results = lint_many(files, cache, jobs=req.jobs, use_cache=not req.no_cache, progress=advance)
    return results, diffs


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

        self.bar = Progress(TextColumn("gwlint"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=Console(stderr=True), transient=True)
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
            diagnostics.append(Diagnostic(
                code="LINT001", name=rule.name, severity=Severity.INFO,
                message=rule.format_message(engine.lang, directive=f"ignore {entry.code} {entry.path}"),
                line=line, column=1, end_line=line, end_column=1))
        out.append(FileResult(path=engine.settings.source or "config", kind="config", diagnostics=diagnostics))
    return out


def _color(req: CheckRequest) -> bool:
    import os

    if os.environ.get("NO_COLOR") or req.output is not None:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _stdout_is_tty()


def _emit(text: str, output: Path | None) -> None:
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write report: {exc.strerror or exc}", str(output)) from None
        return
    if text:
        sys.stdout.write(text)
        sys.stdout.flush()


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


def _note(req: CheckRequest, message: str) -> None:
    """A remark about the run, on stderr so machine-readable reports stay clean."""
    if not req.quiet:
        print(f"gwlint: {message}", file=sys.stderr)


def _summary_line(results: list[FileResult], req: CheckRequest) -> str:
    from lint.report import summary

    s = summary(results)
    files = _plural(s["files"], "file")
    total = s["errors"] + s["warnings"] + s["infos"]
    if total == 0:
        return f"All checks passed ({files}).\n"
    counts = ", ".join(_plural(s[key + "s"], key) for key in ("error", "warning", "info") if s[key + "s"])
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix is not None)
    hint = f" {fixable} fixable with --fix." if fixable and not req.fix else ""
    return f"Found {_plural(total, 'finding')} ({counts}) in {files}.{hint}\n"
