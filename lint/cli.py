"""The `gwlint` command. Thin: options → settings → runner → report → exit status.

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the tool could not
do its job (bad option, config, pack or path). Never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from lint.rules.tablecache import seed_regexes, store_regexes

# Before typer and gwlint's modules compile their patterns (lint.rules.tablecache).
REGEXES_STORED = seed_regexes()

import typer  # noqa: E402

from lint import __version__  # noqa: E402
from lint.choices import DocKind  # noqa: E402
from lint.errors import UsageError  # noqa: E402

# Plain (click) help: flags read as flags (`--fix`, not `--fix <bool>`).
app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="gwlint: lint Chinese government work documents (公文) — numbering, structure, numbers, units, punctuation.",
)

KIND_CHOICES = ("auto", *DocKind)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gwlint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """gwlint: a linter for 公文."""


def _fail(message: str) -> None:
    typer.echo(f"gwlint: error: {message}", err=True)
    raise typer.Exit(2)


def _choice(value: str, choices: tuple[str, ...] | list[str], option: str) -> str:
    if value not in choices:
        _fail(f"invalid value for {option}: {value!r} (choose from {', '.join(choices)})")
    return value


@app.command()
def check(
    paths: list[str] = typer.Argument(None, help="Files or folders (default: .); - reads stdin."),
    format: str | None = typer.Option(
        None, "--format", "-f", help="concise | full | json | sarif | github | gitlab | junit | rdjson | html"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    select: list[str] | None = typer.Option(None, "--select", help="Only these codes or prefixes (comma-separated)."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Skip these codes or prefixes."),
    extend_select: list[str] | None = typer.Option(None, "--extend-select", help="Add codes or prefixes."),
    kind: str = typer.Option("auto", "--kind", help="auto | summary | plan | notice | report | bulletin | article"),
    fix: bool = typer.Option(False, "--fix", help="Apply mechanical fixes in place."),
    diff: bool = typer.Option(False, "--diff", help="Show fixes as a unified diff; write nothing."),
    unsafe_fixes: bool = typer.Option(
        False, "--unsafe-fixes", help="Also apply fixes that change a figure, word or unit."
    ),
    fail_on: str | None = typer.Option(None, "--fail-on", help="error | warning | info (default error)."),
    min_severity: str | None = typer.Option(
        None, "--min-severity", help="Report only findings at or above: error | warning | info."
    ),
    preset: str | None = typer.Option(
        None, "--preset", help="Rules run without --select: default (quiet) | pedantic (all)."
    ),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings fail the run."),
    show_settings: bool = typer.Option(False, "--show-settings", help="Print the configuration that applies to FILE."),
    statistics: bool = typer.Option(False, "--statistics", help="Count findings per rule."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no summary."),
    lang: str | None = typer.Option(None, "--lang", help="Message language: zh | en."),
    stdin_filename: str | None = typer.Option(None, "--stdin-filename", help="Name for text read from stdin."),
    config: Path | None = typer.Option(None, "--config", help="Use this config file instead of discovery."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write .gwlint_cache/."),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="Parallel processes (default: CPU count)."),
    baseline: Path | None = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record current findings as the baseline."
    ),
) -> None:
    """Lint files and folders."""
    from lint.checkcmd import run_check
    from lint.choices import Lang, OutputFormat, Preset
    from lint.options import CheckOptions, Overrides
    from lint.selection import split_codes

    rules = Overrides(
        select=split_codes(select) if select else None,
        extend_select=split_codes(extend_select),
        ignore=split_codes(ignore),
        kind=None if _choice(kind, KIND_CHOICES, "--kind") == "auto" else DocKind(kind),
        lang=Lang(_choice(lang, tuple(Lang), "--lang")) if lang else None,
        fail_on=_severity(fail_on, "--fail-on"),
        min_severity=_severity(min_severity, "--min-severity"),
        preset=Preset(_choice(preset, tuple(Preset), "--preset")) if preset else None,
    )
    if format is not None and format not in tuple(OutputFormat):
        _fail(f"unknown format {format!r} (choose from {', '.join(OutputFormat)})")
    options = CheckOptions(
        paths=paths or ["."],
        rules=rules,
        config=config,
        format=OutputFormat(format) if format else None,
        output=output,
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        show_settings=show_settings,
        exit_zero=exit_zero,
        statistics=statistics,
        quiet=quiet,
        stdin_filename=stdin_filename,
        no_cache=no_cache,
        jobs=jobs,
        baseline=baseline,
        write_baseline=write_baseline,
    )
    status = _guard(lambda: run_check(options))
    if not REGEXES_STORED:
        store_regexes()
    raise typer.Exit(status)


def _severity(value: str | None, option: str):
    """A --fail-on / --min-severity value as a Severity (None when not given)."""
    if not value:
        return None
    from lint.diagnostics import Severity

    return Severity.parse(_choice(value, tuple(s.label for s in reversed(Severity)), option))


@app.command()
def outline(
    file: str = typer.Argument(..., help="The document (- for stdin)."),
    format: str = typer.Option("text", "--format", "-f", help="text | json"),
    kind: str = typer.Option("auto", "--kind", help="Override the detected document kind."),
) -> None:
    """Print the parsed outline tree."""
    from lint.outlinecmd import run_outline

    _choice(format, ("text", "json"), "--format")
    _choice(kind, KIND_CHOICES, "--kind")
    raise typer.Exit(_guard(lambda: run_outline(file, format, kind)))


@app.command()
def facts(
    file: str = typer.Argument(..., help="The document (- for stdin)."),
    line: int | None = typer.Option(None, "--line", "-l", help="Only the figures on this line."),
    format: str = typer.Option("text", "--format", "-f", help="text | json"),
    kind: str = typer.Option("auto", "--kind", help="Override the detected document kind."),
) -> None:
    """Print what the numbers say: indicator, value, unit, role and relations of each figure."""
    from lint.factscmd import run_facts

    _choice(format, ("text", "json"), "--format")
    _choice(kind, KIND_CHOICES, "--kind")
    raise typer.Exit(_guard(lambda: run_facts(file, format, line, kind)))


@app.command()
def audit(
    plan: str = typer.Argument(..., help="The plan: 工作要点, 计划, or a report with targets."),
    summary: str = typer.Argument(..., help="The summary that answers it: 工作总结."),
    format: str | None = typer.Option(
        None, "--format", "-f", help="concise | full | json | sarif | github | gitlab | junit | rdjson | html"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="error | warning | info (default error)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even when findings fail the run."),
    lang: str | None = typer.Option(None, "--lang", help="Message language: zh | en."),
    config: Path | None = typer.Option(None, "--config", help="Use this config file instead of discovery."),
) -> None:
    """Check a summary against its plan: each target met, exceeded, short or not reported."""
    from lint.auditcmd import AuditRequest, run_audit

    request = AuditRequest(
        plan,
        summary,
        format=format,
        output=output,
        fail_on=_choice(fail_on, ("error", "warning", "info"), "--fail-on") if fail_on else None,
        exit_zero=exit_zero,
        lang=_choice(lang, ("zh", "en"), "--lang") if lang else None,
        config=config,
    )
    raise typer.Exit(_guard(lambda: run_audit(request)))


@app.command("rules")
def rules_cmd(
    format: str = typer.Option("text", "--format", "-f", help="text | json"),
    lang: str | None = typer.Option(
        None, "--lang", help="Documentation language: zh | en (default: config `lang`, else zh)."
    ),
    config: Path | None = typer.Option(None, "--config", help="Config naming extra packs."),
) -> None:
    """List every rule: code, name, severity, pack, fixable."""
    from lint.rulescmd import list_rules

    _choice(format, ("text", "json"), "--format")
    if lang:
        _choice(lang, ("zh", "en"), "--lang")
    raise typer.Exit(_guard(lambda: list_rules(format, config, lang)))


@app.command("rule")
def rule_cmd(
    code: str = typer.Argument(..., help="A rule code, e.g. SUM001."),
    lang: str | None = typer.Option(
        None, "--lang", help="Documentation language: zh | en (default: config `lang`, else zh)."
    ),
    config: Path | None = typer.Option(None, "--config", help="Config naming extra packs."),
) -> None:
    """Explain one rule: what, why, wrong/right example, standard."""
    from lint.rulescmd import show_rule

    if lang:
        _choice(lang, ("zh", "en"), "--lang")
    raise typer.Exit(_guard(lambda: show_rule(code, config, lang)))


@app.command()
def init(directory: Path = typer.Argument(Path("."), help="Where to write .gwlint.yaml (default: .).")) -> None:
    """Write a commented .gwlint.yaml with the default settings (never overwrites one)."""
    from lint.initcmd import run_init

    raise typer.Exit(_guard(lambda: run_init(directory)))


@app.command("test-rules")
def test_rules_cmd(
    files: list[Path] = typer.Argument(..., help="Rule packs (with `tests:`) or case files."),
    pack: list[Path] | None = typer.Option(None, "--pack", help="Extra pack defining the rules under test."),
) -> None:
    """Run YAML rule test cases and report failures."""
    from lint.rulecases import run_case_files

    raise typer.Exit(_guard(lambda: run_case_files(files, pack or [])))


@app.command()
def review(
    file: str = typer.Argument(..., help="The document: .docx, .txt or .md."),
    output: Path | None = typer.Option(None, "--output", "-o", help="The reviewed copy (default: DOC.reviewed.docx)."),
    select: list[str] | None = typer.Option(None, "--select", help="Only these codes or prefixes."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Skip these codes or prefixes."),
    kind: str = typer.Option("auto", "--kind", help="auto | summary | plan | notice | report | bulletin | article"),
    lang: str | None = typer.Option(None, "--lang", help="Message language: zh | en."),
    fail_on: str | None = typer.Option(None, "--fail-on", help="error | warning | info (default error)."),
    config: Path | None = typer.Option(None, "--config", help="Use this config file instead of discovery."),
) -> None:
    """Write a .docx copy with findings as Word comments and safe fixes as tracked changes."""
    from lint.review.command import run_review

    _choice(kind, KIND_CHOICES, "--kind")
    raise typer.Exit(
        _guard(
            lambda: run_review(
                file,
                output,
                config,
                select,
                ignore,
                kind,
                _choice(lang, ("zh", "en"), "--lang") if lang else None,
                _choice(fail_on, ("error", "warning", "info"), "--fail-on") if fail_on else None,
            )
        )
    )


@app.command()
def server() -> None:
    """Run the language server (LSP over stdio)."""

    def start() -> int:
        try:
            from lint.lsp.server import main as serve
        except ImportError as exc:
            raise UsageError(f"the language server needs pygls: pip install 'gwlint[lsp]' ({exc})") from exc
        serve()
        return 0

    raise typer.Exit(_guard(start))


def _guard(action) -> int:
    try:
        return action()
    except UsageError as exc:
        typer.echo(f"gwlint: error: {exc}", err=True)
        return 2
    except KeyboardInterrupt:
        typer.echo("gwlint: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback; GWLINT_DEBUG=1 shows one
        if os.environ.get("GWLINT_DEBUG"):
            raise
        typer.echo(
            f"gwlint: internal error: {type(exc).__name__}: {exc} (run with GWLINT_DEBUG=1 for details and report it)",
            err=True,
        )
        return 2


def main() -> None:
    app(prog_name="gwlint")


if __name__ == "__main__":  # pragma: no cover
    main()
