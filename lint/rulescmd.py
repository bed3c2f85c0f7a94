"""`gwlint rules` and `gwlint rule CODE`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lint.errors import UsageError


def _table(config: Path | None, lang: str | None = None):
    """The rules the configuration loads, and the documentation language (--lang, else config `lang`)."""
    from lint.config import Settings, load_config_file
    from lint.rules.packs import load_rules

    settings = load_config_file(config) if config else Settings()
    return load_rules(settings.pack_paths()).rules, lang or settings.lang


def list_rules(fmt: str, config: Path | None, lang: str | None = None) -> int:
    rules, lang = _table(config, lang)
    if fmt == "json":
        data = [{"code": r.code, "name": r.name, "severity": r.severity, "pack": r.pack,
                 "kind": r.kind, "fixable": r.is_fixable(), "status": r.status, "enabled": r.enabled,
                 "doc_kinds": r.doc_kinds, "summary": r.doc_for(lang).what}
                for r in sorted(rules.values(), key=lambda r: r.code)]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"gwlint rules ({len(rules)})", show_lines=False)
    for column in ("code", "name", "severity", "pack", "fixable", "what"):
        table.add_column(column, overflow="fold")
    for rule in sorted(rules.values(), key=lambda r: r.code):
        table.add_row(rule.code, rule.name, rule.severity, rule.pack, "yes" if rule.is_fixable() else "",
                      rule.doc_for(lang).what)
    Console(width=160 if not sys.stdout.isatty() else None).print(table)
    return 0


def show_rule(code: str, config: Path | None, lang: str | None = None) -> int:
    rules, lang = _table(config, lang)
    rule = rules.get(code.upper())
    if rule is None:
        close = [c for c in rules if c.startswith(code.upper()[:3])][:8]
        hint = f" (did you mean: {', '.join(close)})" if close else ""
        raise UsageError(f"unknown rule code {code!r}{hint}")
    from rich.console import Console
    from rich.markdown import Markdown

    from lint.report.rulehelp import FIELD_LABELS

    doc = rule.doc_for(lang)
    label = FIELD_LABELS[lang]
    kinds = ", ".join(rule.doc_kinds) if rule.doc_kinds else "all"
    text = (f"# {rule.code} {rule.name}\n\n"
            f"severity **{rule.severity}** · pack `{rule.pack}` · kind `{rule.kind}` · "
            f"document kinds: {kinds}{' · fixable' if rule.is_fixable() else ''}\n\n"
            f"## {label['what']}\n{doc.what}\n\n## {label['why']}\n{doc.why}\n\n"
            f"## {label['wrong']}\n```\n{doc.wrong}\n```\n\n## {label['right']}\n```\n{doc.right}\n```\n\n"
            f"## {label['standard']}\n{doc.standard}\n")
    if not sys.stdout.isatty():
        sys.stdout.write(text)
    else:
        Console().print(Markdown(text))
    return 0
