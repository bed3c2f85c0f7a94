"""`--format html`: one self-contained HTML page (inline CSS, no script, nothing fetched).

A summary, then each file with its findings: the message, the source lines around the finding
with the flagged span marked in the text itself (so wide CJK characters cannot misalign it),
the suggested fix, related places and the rule's documentation. Everything is escaped.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from lint.diagnostics import Diagnostic, Edit, FileResult, Fix, Severity
from lint.report import ReportMeta, summary
from lint.report.rulehelp import DOC_FIELDS, FIELD_LABELS, report_rules

CONTEXT_LINES = 1  # lines shown above and below a finding
MAX_SPAN_LINES = 8  # a longer span shows its first lines and its last line
LONG_LINE = 240  # code points; longer lines are cut around the span
WINDOW = 100  # code points kept on either side of the span in a cut line
FIX_CONTEXT = 12  # code points shown either side of a suggested fix

LABELS = {
    "zh": {
        "title": "gwlint 检查报告",
        "files": "文件",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "findings": "问题",
        "by_rule": "按规则统计",
        "rule": "规则",
        "count": "数量",
        "fix": "建议修改",
        "unsafe_fix": "建议修改（改变数值或用词，需核实；仅 --unsafe-fixes 应用）",
        "delete": "删除",
        "related": "相关位置",
        "about": "规则说明",
        "clean": "未发现问题的文件",
        "none": "未发现问题。",
        "path": "路径",
        "severity": "级别",
        "line": "行",
        "paragraph": "第{n}段",
    },
    "en": {
        "title": "gwlint report",
        "files": "Files",
        "error": "Error",
        "warning": "Warning",
        "info": "Info",
        "findings": "Findings",
        "by_rule": "Findings by rule",
        "rule": "Rule",
        "count": "Count",
        "fix": "Suggested fix",
        "unsafe_fix": "Suggested fix (changes a figure or word: check it; applied only with --unsafe-fixes)",
        "delete": "delete",
        "related": "Related",
        "about": "About this rule",
        "clean": "Files without findings",
        "none": "No findings.",
        "path": "Path",
        "severity": "Severity",
        "line": "line",
        "paragraph": "paragraph {n}",
    },
}

CSS = """
:root{--err:#b3261e;--warn:#8a5a00;--info:#1a5fb4;--err-bg:#fdecea;--warn-bg:#fff4d6;--info-bg:#e7f0fc;
--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#f6f8fa;--mark:#ffd54f}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;color:var(--fg);background:#fff;line-height:1.55;
font-family:-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.15em;margin:0}
a{color:var(--info)}
code,.src{font-family:ui-monospace,"SFMono-Regular","Noto Sans Mono CJK SC","Sarasa Mono SC",Menlo,Consolas,monospace}
.meta{color:var(--muted);margin:0 0 20px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:20px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:1.6em}
.card.error b{color:var(--err)}.card.warning b{color:var(--warn)}.card.info b{color:var(--info)}
table{border-collapse:collapse;margin:8px 0 24px}
th,td{border-bottom:1px solid var(--line);padding:4px 12px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
section.file{border:1px solid var(--line);border-radius:8px;margin:0 0 24px;overflow:hidden}
section.file>header{background:var(--panel);padding:10px 16px;border-bottom:1px solid var(--line);
display:flex;gap:12px;align-items:baseline;flex-wrap:wrap}
.counts{color:var(--muted);font-size:.9em}
article{padding:12px 16px;border-top:1px solid var(--line)}
article:first-of-type{border-top:0}
.head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
.badge{font-size:.8em;font-weight:600;border-radius:4px;padding:1px 8px;white-space:nowrap}
.error .badge{color:var(--err);background:var(--err-bg)}
.warning .badge{color:var(--warn);background:var(--warn-bg)}
.info .badge{color:var(--info);background:var(--info-bg)}
.code{font-weight:600}.name,.loc{color:var(--muted)}
.msg{margin:6px 0}
.src{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px 0;margin:6px 0;
font-size:.92em}
.src .ln{display:grid;grid-template-columns:4.5em 1fr}
.src .no{color:var(--muted);text-align:right;padding-right:12px;user-select:none}
.src .tx{white-space:pre-wrap;overflow-wrap:anywhere;padding-right:12px}
.src .ln.hit{background:rgba(255,213,79,.14)}
.src .gap .tx{color:var(--muted)}
mark{background:var(--mark);color:inherit;border-radius:2px;box-shadow:0 2px 0 var(--err)}
.warning mark{box-shadow:0 2px 0 var(--warn)}.info mark{box-shadow:0 2px 0 var(--info)}
mark.point{display:inline-block;width:0;height:1.2em;vertical-align:text-bottom;background:none;
border-left:2px solid var(--err);box-shadow:none}
.fix .src{background:none;border:0;padding:0}
.fix ins{text-decoration:none;background:#dafbe1;border-radius:2px;padding:0 2px}
.fix del{background:#ffebe9;color:var(--err);text-decoration:line-through 2px;border-radius:2px;padding:0 2px}
ul.related{margin:4px 0;padding-left:1.4em;color:var(--muted)}
ul.edits{margin:4px 0;padding-left:1.4em}
details{margin-top:6px}summary{cursor:pointer;color:var(--muted)}
dl.doc{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
dl.doc dt{color:var(--muted)}dl.doc dd{margin:0;white-space:pre-wrap}
.clean{color:var(--muted)}
"""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _e(value: object) -> str:
    return escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


def _cut(text: str, start: int, end: int) -> tuple[str, int, int]:
    """Shorten a very long line around [start, end); returns the new text and span."""
    if len(text) <= LONG_LINE:
        return text, start, end
    left = max(0, start - WINDOW)
    right = min(len(text), max(end, start) + WINDOW)
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    shift = left - len(prefix)
    return prefix + text[left:right] + suffix, start - shift, end - shift


def _source_line(number: int, text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        shown, _, _ = _cut(text, 0, 0)
        return f'<div class="ln"><span class="no">{number}</span><span class="tx">{_e(shown)}</span></div>'
    shown, start, end = _cut(text, *span)
    if start == end:
        body = f'{_e(shown[:start])}<mark class="point"></mark>{_e(shown[start:])}'
    else:
        body = f"{_e(shown[:start])}<mark>{_e(shown[start:end])}</mark>{_e(shown[end:])}"
    return f'<div class="ln hit"><span class="no">{number}</span><span class="tx">{body}</span></div>'


def _snippet(lines: list[str], d: Diagnostic) -> str:
    if len(lines) > 1 and lines[-1] == "" and d.line < len(lines):
        lines = lines[:-1]  # the "line" after the final newline
    if lines == [""] or not 1 <= d.line <= len(lines):  # no text (unreadable file) or no such line
        return ""
    end_line = min(max(d.end_line, d.line), len(lines))
    numbers = list(range(max(1, d.line - CONTEXT_LINES), min(len(lines), end_line + CONTEXT_LINES) + 1))
    if end_line - d.line + 1 > MAX_SPAN_LINES:
        cut_from, cut_to = d.line + MAX_SPAN_LINES - 1, end_line
        numbers = [n for n in numbers if n < cut_from or n >= cut_to]
    rows = []
    previous = None
    for n in numbers:
        if previous is not None and n != previous + 1:
            rows.append('<div class="ln gap"><span class="no">⋮</span><span class="tx"></span></div>')
        previous = n
        text = lines[n - 1]
        span = None
        if d.line <= n <= end_line:
            start = d.column - 1 if n == d.line else 0
            end = d.end_column - 1 if n == end_line and d.end_line == end_line else len(text)
            span = (min(start, len(text)), min(max(end, start), len(text)))
        rows.append(_source_line(n, text, span))
    return '<div class="src">' + "".join(rows) + "</div>"


def _fix_block(lines: list[str], fix: Fix, labels: dict) -> str:
    """建议修改: each edit in place — the old mark struck out, the new one inserted, a little of
    the line around it — never the paragraph between two edits."""
    head = f"{_e(labels['fix' if fix.safe else 'unsafe_fix'])}: "
    if len(fix.edits) == 1:
        return f'<p class="fix">{head}{_edit_preview(lines, fix.edits[0], labels)}</p>'
    items = "".join(f"<li>{_edit_preview(lines, edit, labels)}</li>" for edit in fix.edits)
    return f'<div class="fix">{head}{_e(fix.message)}<ul class="edits">{items}</ul></div>'


def _edit_preview(lines: list[str], edit: Edit, labels: dict) -> str:
    """The replaced text struck out and the replacement inserted, with a little of the line around."""
    new = f"<ins>{_e(edit.replacement)}</ins>" if edit.replacement else ""
    if edit.line != edit.end_line or not 1 <= edit.line <= len(lines):
        return new or f"<em>{_e(labels['delete'])}</em>"
    text = lines[edit.line - 1]
    start, end = edit.column - 1, max(edit.end_column - 1, edit.column - 1)
    before = text[max(0, start - FIX_CONTEXT) : start]
    after = text[end : end + FIX_CONTEXT]
    old = f"<del>{_e(text[start:end])}</del>" if end > start else ""
    return (
        f'<span class="src">{"…" if start > FIX_CONTEXT else ""}{_e(before)}{old}{new}{_e(after)}'
        f"{'…' if end + FIX_CONTEXT < len(text) else ''}</span>"
    )


def _paragraph_number(result: FileResult, d: Diagnostic, labels: dict) -> str:
    """In a Word document a line is a body paragraph (a table row): say so, Word counts those."""
    if not result.path.lower().endswith(".docx"):
        return ""
    return f'<span class="name">{_e(labels["paragraph"].format(n=d.line))}</span>'


def _finding(result: FileResult, d: Diagnostic, anchor: str, rules: dict, labels: dict, doc_labels: dict) -> str:
    sev = d.severity.label
    parts = [
        f'<article class="{sev}" id="{anchor}"><div class="head">'
        f'<span class="badge">{_e(labels[sev])}</span>'
        f'<code class="code">{_e(d.code)}</code><span class="name">{_e(d.name)}</span>'
        f'<a class="loc" href="#{anchor}">{_e(result.path)}:{d.line}:{d.column}</a>'
        + _paragraph_number(result, d, labels)
        + "</div>"
        f'<p class="msg">{_e(d.message)}</p>',
        _snippet(result.lines, d),
    ]
    if d.fix is not None:
        parts.append(_fix_block(result.lines, d.fix, labels))
    if d.related:
        items = "".join(
            f"<li>{_e(labels['line'])} {rel.line}:{rel.column} — {_e(rel.message)}</li>" for rel in d.related
        )
        parts.append(f'<div>{_e(labels["related"])}:<ul class="related">{items}</ul></div>')
    info = rules.get(d.code)
    if info is not None and info.doc:  # the documentation stands once, in the rules section
        parts.append(f'<p class="about"><a href="#rule-{_e(d.code)}">{_e(labels["about"])} {_e(d.code)}</a></p>')
    parts.append("</article>")
    return "".join(parts)


def _rule_docs(codes: list[str], rules: dict, labels: dict, doc_labels: dict) -> str:
    """One documentation block per rule that has findings, linked from each finding."""
    blocks = []
    for code in codes:
        info = rules.get(code)
        if info is None or not info.doc:
            continue
        rows = "".join(
            f"<dt>{_e(doc_labels[key])}</dt><dd>{_e(info.doc[key])}</dd>" for key in DOC_FIELDS if key in info.doc
        )
        blocks.append(
            f'<section class="ruledoc" id="rule-{_e(code)}"><h3><code>{_e(code)}</code> '
            f'{_e(info.name)}</h3><dl class="doc">{rows}</dl></section>'
        )
    if not blocks:
        return ""
    return f"<h2>{_e(labels['rule'])}</h2>" + "".join(blocks)


def _counts(result: FileResult, labels: dict) -> str:
    return " · ".join(
        f"{result.count(sev)} {_e(labels[sev.label])}" for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )


def render(results: list[FileResult], meta: ReportMeta) -> str:
    lang = meta.lang if meta.lang in LABELS else "zh"
    labels = LABELS[lang]
    doc_labels = FIELD_LABELS[lang]
    rules = {info.code: info for info in report_rules(results, meta, every_rule=False)}
    totals = summary(results)
    out = [
        f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="gwlint {_e(meta.version)}">'
        f"<title>{_e(labels['title'])}</title><style>{CSS}</style></head><body>",
        f'<h1>{_e(labels["title"])}</h1><p class="meta">gwlint {_e(meta.version)}</p>',
        '<div class="cards">'
        f'<div class="card"><b>{totals["files"]}</b>{_e(labels["files"])}</div>'
        f'<div class="card error"><b>{totals["errors"]}</b>{_e(labels["error"])}</div>'
        f'<div class="card warning"><b>{totals["warnings"]}</b>{_e(labels["warning"])}</div>'
        f'<div class="card info"><b>{totals["infos"]}</b>{_e(labels["info"])}</div></div>',
    ]
    if meta.tables:
        from lint.report.tables import as_html

        out.extend(as_html(table) for table in meta.tables)
    with_findings = [(i, r) for i, r in enumerate(results, 1) if r.diagnostics]
    if not with_findings:
        out.append(f'<p class="clean">{_e(labels["none"])}</p>')
    else:
        rows = "".join(
            f'<tr><td><a href="#file-{i}">{_e(r.path)}</a></td><td class="n">{r.count(Severity.ERROR)}</td>'
            f'<td class="n">{r.count(Severity.WARNING)}</td><td class="n">{r.count(Severity.INFO)}</td></tr>'
            for i, r in with_findings
        )
        out.append(
            f'<table class="files"><tr><th>{_e(labels["path"])}</th><th>{_e(labels["error"])}</th>'
            f"<th>{_e(labels['warning'])}</th><th>{_e(labels['info'])}</th></tr>{rows}</table>"
        )
        per_rule = Counter(d.code for r in results for d in r.diagnostics)
        # The severities the findings carry (a rule may grade its findings, e.g. 亩 as info).
        severities: dict[str, set[Severity]] = {}
        for r in results:
            for d in r.diagnostics:
                severities.setdefault(d.code, set()).add(d.severity)
        rows = "".join(
            f"<tr><td><code>{_e(code)}</code></td><td>{_e(rules[code].name)}</td>"
            f"<td>{' / '.join(_e(labels[sev.label]) for sev in sorted(severities[code], reverse=True))}</td>"
            f'<td class="n">{count}</td></tr>'
            for code, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))
        )
        out.append(
            f'<h2>{_e(labels["by_rule"])}</h2><table class="rules"><tr><th>{_e(labels["rule"])}</th>'
            f"<th></th><th>{_e(labels['severity'])}</th><th>{_e(labels['count'])}</th></tr>{rows}</table>"
        )
    for i, result in with_findings:
        out.append(
            f'<section class="file" id="file-{i}"><header><h2>{_e(result.path)}</h2>'
            f'<span class="counts">{_counts(result, labels)}</span></header>'
        )
        out.extend(
            _finding(result, d, f"file-{i}-{j}", rules, labels, doc_labels) for j, d in enumerate(result.diagnostics, 1)
        )
        out.append("</section>")
    codes = sorted({d.code for r in results for d in r.diagnostics})
    out.append(_rule_docs(codes, rules, labels, doc_labels))
    clean = [r for r in results if not r.diagnostics]
    if clean and with_findings:
        items = "".join(f"<li>{_e(r.path)}</li>" for r in clean)
        out.append(
            f'<details class="clean"><summary>{_e(labels["clean"])} ({len(clean)})</summary><ul>{items}</ul></details>'
        )
    out.append("</body></html>\n")
    return "".join(out)
