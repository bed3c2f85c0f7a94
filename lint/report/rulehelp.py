"""Rule documentation for the reports that carry it (SARIF rule help, the HTML report).

Not a format itself. Codes missing from ``meta.rules`` (a finding from a pack that only one
folder's config loads) still get an entry, built from the diagnostic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.diagnostics import Diagnostic, FileResult
from lint.report import ReportMeta

DOC_FIELDS = ("what", "why", "wrong", "right", "standard")
FIELD_LABELS = {
    "en": {"what": "What", "why": "Why", "wrong": "Wrong", "right": "Right", "standard": "Standard"},
    "zh": {"what": "检查什么", "why": "为什么", "wrong": "错误示例", "right": "正确示例", "standard": "依据"},
}


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    severity: str  # error | warning | info
    doc: dict[str, str]  # DOC_FIELDS → text; empty when the rule is unknown
    pack: str = ""


def _info(code: str, rule, lang: str = "en") -> RuleInfo:
    doc = rule.doc_for(lang) if hasattr(rule, "doc_for") else getattr(rule, "doc", None)
    fields = {key: str(getattr(doc, key, "") or "") for key in DOC_FIELDS} if doc is not None else {}
    return RuleInfo(
        code=code,
        name=rule.name,
        severity=str(rule.severity),
        doc={k: v for k, v in fields.items() if v},
        pack=getattr(rule, "pack", "") or "",
    )


def report_rules(results: list[FileResult], meta: ReportMeta, every_rule: bool = True) -> list[RuleInfo]:
    """Rules sorted by code: every known rule (or only those found), plus unknown found codes."""
    found: dict[str, Diagnostic] = {}
    for result in results:
        for d in result.diagnostics:
            found.setdefault(d.code, d)
    codes = set(found) | (set(meta.rules) if every_rule else set())
    infos = []
    for code in sorted(codes):
        rule = meta.rules.get(code)
        if rule is not None:
            infos.append(_info(code, rule, meta.lang))
        else:
            d = found[code]
            infos.append(RuleInfo(code=code, name=d.name, severity=d.severity.label, doc={}))
    return infos


def first_sentence(text: str) -> str:
    """Up to the first full stop: 。！？ end a sentence anywhere, . ! ? only before a space or the end
    (so 4.8万 and e.g. 1.2 stay whole)."""
    match = re.match(r"(.+?(?:[。！？]|[.!?](?=\s|$)))", text.strip(), re.DOTALL)
    return (match.group(1) if match else text.strip()) or text


def short_description(info: RuleInfo) -> str:
    what = info.doc.get("what")
    return first_sentence(what) if what else info.name


def help_text(info: RuleInfo, lang: str = "en") -> str:
    labels = FIELD_LABELS.get(lang, FIELD_LABELS["en"])
    lines = [f"{info.code} {info.name}"]
    lines += [f"{labels[key]}: {info.doc[key]}" for key in DOC_FIELDS if key in info.doc]
    return "\n".join(lines)


def _fenced(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def help_markdown(info: RuleInfo, lang: str = "en") -> str:
    labels = FIELD_LABELS.get(lang, FIELD_LABELS["en"])
    parts = [f"**{info.code}** `{info.name}`"]
    for key in DOC_FIELDS:
        if key not in info.doc:
            continue
        value = info.doc[key]
        if key in ("wrong", "right"):
            parts.append(f"**{labels[key]}**\n\n{_fenced(value)}")
        else:
            # Rule docs are written with Markdown code spans already (`<!-- gwlint-disable -->`).
            parts.append(f"**{labels[key]}**: {value}")
    return "\n\n".join(parts)
