"""Audit the corpus's pairs of documents from one issuer in successive years (by title).

    python bench/audit_pairs.py [CORPUS] [--probe]

Groups ../shared/corpus by issuer (the file name without its year: national_2019 and
national_2022 are one issuer; province_beijing_2026 has no other year), takes each issuer's
documents in year order, audits each one (as plan) against the next (as summary) with the
plan-audit rules, and prints the findings and the plan-vs-result rows. ``--probe`` also
compares each pair as if its years agreed, to read how targets and results are matched on real
text (those rows are not findings). The hand review is bench/audit_review.md.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint.analysis import Analysis  # noqa: E402
from lint.audit.model import AuditResult  # noqa: E402
from lint.auditcmd import audit_engine  # noqa: E402
from lint.config import Settings  # noqa: E402
from lint.document import load_path  # noqa: E402

_YEAR = re.compile(r"_((?:19|20)\d{2})$")


def issuers(corpus: Path) -> dict[str, list[tuple[int, Path]]]:
    """Issuer → its documents with a year, in year order (only issuers with two or more)."""
    found: dict[str, list[tuple[int, Path]]] = defaultdict(list)
    for path in sorted(corpus.glob("*.txt")):
        year = _YEAR.search(path.stem)
        if year is not None:
            found[path.stem[: year.start()]].append((int(year.group(1)), path))
    return {name: sorted(docs) for name, docs in found.items() if len(docs) > 1}


def _rows(audit: AuditResult) -> list[str]:
    return [
        f"    plan L{row.target_line} {row.key} {row.target_text} → {row.outcome.value}"
        + (f" (summary L{row.result_line} {row.result_text}{' ' + row.gap if row.gap else ''})" if row.result else "")
        for row in audit.rows
    ]


def _probe(plan: Analysis, summary: Analysis) -> AuditResult:
    """The audit with the period gate open: what would be matched if the years agreed."""
    import lint.audit.match as match

    saved = match.mismatch, match._within, match.same_period
    match.mismatch = lambda a, b: ""
    match._within = lambda period, scope: period.year in (None, scope.year)
    match.same_period = lambda a, b: a.part == b.part
    try:
        return match.audit(plan, summary)
    finally:
        match.mismatch, match._within, match.same_period = saved


def audit_pair(plan_path: Path, summary_path: Path, probe: bool) -> list[str]:
    engine = audit_engine(Settings())
    plan = load_path(plan_path, plan_path.name)
    summary = load_path(summary_path, summary_path.name)
    analysis = engine.analyse(summary, plan)
    result = engine.lint_analysis(analysis)
    assert analysis.audit is not None and analysis.plan is not None
    out = [f"## {plan_path.name} → {summary_path.name}"]
    out += [f"  {d.line}:{d.column} {d.severity.label} {d.code} {d.message}" for d in result.diagnostics]
    out += _rows(analysis.audit)
    if probe and analysis.audit.mismatch:
        out.append("  probe (years taken as agreeing; not findings):")
        out += _rows(_probe(analysis.plan, analysis))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    for name, docs in issuers(corpus).items():
        print(f"# {name}: {', '.join(str(year) for year, _ in docs)}")
        for (_, plan), (_, summary) in zip(docs, docs[1:], strict=False):
            print("\n".join(audit_pair(plan, summary, "--probe" in argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
