"""`gwlint rules` and `gwlint rule CODE`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from lint.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.text import Text


def _table(config: Path | None, lang: str | None = None):
    """The rules the configuration loads, and the documentation language (--lang, else config `lang`)."""
    from lint.config import default_settings, find_config, load_config_file
    from lint.rules.packs import load_rules

    config = config or find_config(Path.cwd())  # the project's config, as `gwlint check` finds it
    settings = load_config_file(config) if config else default_settings()
    return load_rules(settings.pack_paths()).rules, lang or settings.lang


def list_rules(fmt: str, config: Path | None, lang: str | None = None) -> int:
    rules, lang = _table(config, lang)
    if fmt == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity,
                "pack": r.pack,
                "kind": r.kind,
                "fixable": r.is_fixable(),
                "status": r.status,
                "enabled": r.enabled,
                "pedantic": r.pedantic,
                "doc_kinds": r.doc_kinds,
                "skip_kinds": r.skip_kinds,
                "summary": r.doc_for(lang).what,
            }
            for r in sorted(rules.values(), key=lambda r: r.code)
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table

    from lint.report.rulehelp import first_sentence

    table = Table(title=f"gwlint rules ({len(rules)})", show_lines=False)
    for column in ("code", "name", "severity", "pack", "fixable", "pedantic", "what"):
        table.add_column(column, overflow="fold")
    for rule in sorted(rules.values(), key=lambda r: r.code):
        table.add_row(
            rule.code,
            rule.name,
            rule.severity,
            rule.pack,
            "yes" if rule.is_fixable() else "",
            "yes" if rule.pedantic else "",
            _inline(first_sentence(rule.doc_for(lang).what)),
        )
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

    # Piped output is not wrapped: each paragraph stays one line for grep and editors. The padded
    # blocks would still be cut at the default 80 columns, hence the unbounded width.
    piped = not sys.stdout.isatty()
    Console(highlight=False, width=100_000 if piped else None).print(rule_help(rule, lang), soft_wrap=piped)
    return 0


def _inline(text: str) -> Text:
    """Doc prose as rich text: `code spans` shown as code, not as backticks."""
    from rich.text import Text

    out = Text()
    for index, part in enumerate(re.split(r"`([^`]+)`", text)):
        out.append(part, style="bold cyan" if index % 2 else "")
    return out


def rule_help(rule, lang: str) -> Group:
    """`gwlint rule CODE` as terminal text: headings, prose and indented examples, no Markdown marks."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from lint.report.rulehelp import FIELD_LABELS

    doc = rule.doc_for(lang)
    label = FIELD_LABELS[lang]
    kinds = _kinds_text(rule, lang)
    facts = {
        "zh": ("级别", "规则包", "类型", "文种", "可自动修复", "默认不启用（pedantic）"),
        "en": ("severity", "pack", "kind", "document kinds", "fixable", "not in the default selection (pedantic)"),
    }[lang]
    line = [f"{facts[0]} {rule.severity}", f"{facts[1]} {rule.pack}", f"{facts[2]} {rule.kind}", f"{facts[3]}: {kinds}"]
    if rule.is_fixable():
        line.append(facts[4])
    if rule.pedantic:
        line.append(facts[5])
    parts: list[RenderableType] = [
        Text.assemble((rule.code, "bold"), " ", (rule.name, "bold"), "\n", (" · ".join(line), "dim"))
    ]
    for key in ("what", "why", "wrong", "right", "standard"):
        value = getattr(doc, key)
        body = Text(value, style="red" if key == "wrong" else "green") if key in ("wrong", "right") else _inline(value)
        parts += [Text(""), Text(label[key], style="bold underline"), Padding(body, (0, 0, 0, 4), expand=False)]
    return Group(*parts)


def _kinds_text(rule, lang: str) -> str:
    """The document kinds a rule runs on: listed, or all (except the skipped ones)."""
    if rule.doc_kinds:
        return ", ".join(rule.doc_kinds)
    everything = "全部" if lang == "zh" else "all"
    if not rule.skip_kinds:
        return everything
    skipped = ", ".join(rule.skip_kinds)
    return f"{everything}（{skipped} 除外）" if lang == "zh" else f"{everything} except {skipped}"
