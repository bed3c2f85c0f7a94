"""`gwlint audit PLAN SUMMARY`: the summary's findings against its plan, and the table.

The findings are those of the `plan-audit` rules (CONS010…), on the summary, in any `check`
format; concise, full and html add the plan-vs-result table. Exit status as `check`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lint import __version__
from lint.errors import UsageError
from lint.report import FORMATS, ReportMeta, render


@dataclass
class AuditRequest:
    plan: str
    summary: str
    format: str | None = None
    output: Path | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    lang: str | None = None
    config: Path | None = None


def _settings(req: AuditRequest):
    from lint.config import Settings, find_config, load_config_file

    if req.config is not None:
        return load_config_file(req.config)
    found = find_config(Path(req.summary).resolve().parent)
    return load_config_file(found) if found is not None else Settings()


def audit_engine(settings, lang: str | None = None, fail_on: str | None = None):
    """An engine running only the plan-audit rules (the shipped ones and any a pack adds)."""
    from lint.engine import Engine, Overrides
    from lint.rules.packs import load_rules

    table = load_rules(settings.pack_paths())
    codes = [code for code, rule in table.rules.items() if rule.kind == "plan-audit" and rule.enabled]
    from lint.choices import Lang
    from lint.diagnostics import Severity

    return Engine(
        settings,
        Overrides(
            select=codes, lang=Lang(lang) if lang else None, fail_on=Severity.parse(fail_on) if fail_on else None
        ),
        table=table,
    )


def run_audit(req: AuditRequest) -> int:
    from lint.audit.table import audit_table
    from lint.outlinecmd import load_single
    from lint.output import default_format, emit, use_color

    fmt = req.format or default_format(req.output)
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    engine = audit_engine(_settings(req), req.lang, req.fail_on)
    plan, summary = load_single(req.plan), load_single(req.summary)
    if plan is None or summary is None:
        return 1  # load_single printed the IO001 finding
    analysis = engine.analyse(summary, plan)
    result = engine.lint_analysis(analysis)
    assert analysis.audit is not None
    meta = ReportMeta(
        version=__version__,
        rules=engine.codes,
        color=use_color(req.output),
        lang=engine.lang,
        fail_on=engine.fail_on,
        tables=[audit_table(analysis.audit, engine.lang)],
    )
    emit(render(fmt, [result], meta), req.output)
    failed = any(d.severity >= engine.fail_on for d in result.diagnostics)
    return 0 if req.exit_zero or not failed else 1
