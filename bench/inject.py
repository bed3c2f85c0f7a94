"""Fault-injection harness (issue 12 "Done when"): run by hand, never in CI; nothing here asserts.

Plants exactly one defect per copy of a document, several random seeds per kind, into the
documents of ../shared/corpus, the project's seeds/ and the synthetic-but-realistic documents
of bench/inject_docs/ (written for kinds the corpus has too few sites for), lints every copy
in-process with one engine, and reports per kind:

  sites     places where the kind can honestly be planted (corpus/seed/synthetic)
  already flagged  sites skipped because the unmodified document already has an error or warning
            of the family on the text the defect concerns (a catch could not be told from it)
  planted   distinct copies linted (one defect each)
  caught    a new finding of the expected rule family on the planted lines (any line for a
            dropped section, whose defect is an absence)
  recall    caught / planted
  info      catches made only by info-level findings
  noise     copies with a new error or warning that is not the catch (and not a true
            consequence of the defect, such as the numbering gap a dropped section leaves)

Usage:
    python bench/inject.py --seeds 3                  # the table
    python bench/inject.py --seeds 3 -v               # plus every miss and every noisy copy
    python bench/inject.py --kinds unit-drop,sum-exceed --max-sites 100
    python bench/inject.py --seeds 3 --markdown out.md
    python bench/inject.py --seeds 3 --select ALL    # every rule, the opt-in ones too
    python bench/inject.py --list-sites --kinds count-claim   # review what the finders take
    python bench/inject.py --lint-root ../wt-other             # measure another checkout's rules

Copies are written to a temporary directory (never into the project) under their original
file names. Site finders and planting are deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.diagnostics import Diagnostic

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import inject_quantity as quantity  # noqa: E402
import inject_structure as structure  # noqa: E402
from inject_model import Plant, Site, SourceDoc, read_docs  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS = ROOT / "seeds"
SYNTHETIC = BENCH / "inject_docs"


@dataclass(frozen=True)
class Kind:
    name: str
    find: Callable[[SourceDoc], list[Site]]
    plant: Callable[[Site, random.Random], Plant]
    families: tuple[str, ...]  # a new finding of these codes on the span is the catch
    consequences: tuple[str, ...] = ()  # true findings the defect also causes: not noise
    absence: bool = False  # the defect is something missing: caught on any line


def _drop(site: Site, rng: random.Random) -> Plant:
    return structure.plant_section_drop(site, rng, renumber=False)


def _drop_renumbered(site: Site, rng: random.Random) -> Plant:
    return structure.plant_section_drop(site, rng, renumber=True)


def _sections_with_later_siblings(doc: SourceDoc) -> list[Site]:
    return [site for site in structure.find_section_drop(doc) if site.data["later"]]


KINDS = [
    Kind("unit-drop", quantity.find_unit_drop, quantity.plant_unit_drop, ("UNIT",)),
    Kind("target-vague", structure.find_target_vague, structure.plant_target_vague, ("TGT",), ("SEC",)),
    Kind("count-claim", structure.find_count_claim, structure.plant_count_claim, ("CNT",)),
    Kind("section-drop", structure.find_section_drop, _drop, ("SEC",), ("OUT001",), absence=True),
    Kind("section-drop-renumbered", _sections_with_later_siblings, _drop_renumbered, ("SEC",), absence=True),
    Kind("sum-exceed", quantity.find_sum_exceed, quantity.plant_sum_exceed, ("SUM",)),
    Kind("sum-mismatch", quantity.find_sum_mismatch, quantity.plant_sum_mismatch, ("SUM",)),
    Kind("growth-mismatch", quantity.find_growth_mismatch, quantity.plant_growth_mismatch, ("SUM",)),
]


@dataclass
class Outcome:
    site: Site
    plant: Plant
    caught: bool
    info_only: bool
    noticed: list[str]  # consequence findings (e.g. OUT001 for a gap)
    noise: list[str]  # "CODE line: message" of each new error/warning that is not the catch


@dataclass
class Tally:
    sites: Counter
    outcomes: list[Outcome]
    masked: int = 0  # sites where the unmodified document already has a finding of the family


class Linter:
    """One engine for every copy; the unmodified documents are linted once."""

    def __init__(self, workdir: Path, select: list[str] | None = None):
        from lint.engine import Engine, Overrides

        self.engine = Engine(overrides=Overrides(select=select))
        self.workdir = workdir
        self._findings: dict[str, list[Diagnostic]] = {}

    def lint(self, name: str, text: str) -> list[Diagnostic]:
        from lint.document.load import load_path

        path = self.workdir / name
        path.write_text(text, encoding="utf-8")
        try:
            return list(self.engine.lint(load_path(path, name)).diagnostics)
        finally:
            path.unlink()

    def flags(self, doc: SourceDoc, plant: Plant, families: tuple[str, ...]) -> bool:
        """The unmodified document already has an error or warning of the family where the plant
        goes (an info note such as UNIT001 on 亩 claims no defect there)."""
        from lint.diagnostics import Severity

        line = plant.line_map[plant.span[0] - 1]
        return any(
            d.code.startswith(families) and d.severity >= Severity.WARNING and d.line == line and touches(plant, d)
            for d in self.findings(doc)
        )

    def findings(self, doc: SourceDoc) -> list[Diagnostic]:
        if doc.name not in self._findings:
            self._findings[doc.name] = self.lint(doc.name, doc.text)
        return self._findings[doc.name]


def touches(plant: Plant, d: Diagnostic) -> bool:
    """On the span's first line a finding must overlap the text the defect concerns."""
    if plant.columns is None or d.line != plant.span[0]:
        return True
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else sys.maxsize
    return start < plant.columns[1] and max(end, start + 1) > plant.columns[0]


def new_findings(before: list[Diagnostic], after: list[Diagnostic], line_map: list[int | None]) -> list[Diagnostic]:
    """The copy's findings that the original did not have. A finding is the original's when its
    line maps back to the original line with the same code: matched on the message first (two
    UNIT004 on one line are told apart), then on code and line alone (a message quoting a figure
    that the plant changed)."""
    exact = Counter((d.code, d.line, d.message) for d in before)
    loose = Counter((d.code, d.line) for d in before)
    origin = [line_map[d.line - 1] if d.line - 1 < len(line_map) else None for d in after]
    old = [False] * len(after)
    for index, d in enumerate(after):
        key = (d.code, origin[index], d.message)
        if origin[index] is not None and exact[key] > 0:
            exact[key] -= 1
            loose[(d.code, origin[index])] -= 1
            old[index] = True
    for index, d in enumerate(after):
        loose_key = (d.code, origin[index])
        if not old[index] and origin[index] is not None and loose[loose_key] > 0:
            loose[loose_key] -= 1
            old[index] = True
    return [d for index, d in enumerate(after) if not old[index]]


def judge(kind: Kind, linter: Linter, site: Site, plant: Plant) -> Outcome:
    from lint.diagnostics import Severity

    new = new_findings(linter.findings(site.doc), linter.lint(site.doc.name, plant.text), plant.line_map)
    first, last = plant.span
    in_span = [d for d in new if plant.anywhere or (first <= d.line <= last and touches(plant, d))]
    catches = [d for d in in_span if d.code.startswith(kind.families)]
    noticed = [d for d in in_span if d.code.startswith(kind.consequences)] if kind.consequences else []
    noise = [d for d in new if d not in catches and d not in noticed and d.severity >= Severity.WARNING]
    return Outcome(
        site,
        plant,
        bool(catches),
        bool(catches) and all(d.severity == Severity.INFO for d in catches),
        [f"{d.code} {d.line}" for d in noticed],
        [f"{d.code} {d.line}:{d.column} {d.message}" for d in noise],
    )


def run_kind(kind: Kind, docs: list[SourceDoc], linter: Linter, seeds: int, max_sites: int) -> Tally:
    sites = [site for doc in docs for site in kind.find(doc)]
    tally = Tally(Counter(site.doc.origin for site in sites), [])
    masked: set[tuple[str, int, str]] = set()
    seen: set[str] = set()
    for seed in range(seeds):
        chosen = list(sites)
        random.Random(f"{kind.name}/{seed}").shuffle(chosen)
        for site in chosen[:max_sites]:
            rng = random.Random(f"{kind.name}/{seed}/{site.doc.name}/{site.line}/{site.detail}")
            plant = kind.plant(site, rng)
            # a defect planted where the unmodified document already has a finding of the family
            # cannot be told from that finding (003:9 keeps its SUM001 whatever part is raised)
            if not kind.absence and linter.flags(site.doc, plant, kind.families):
                masked.add((site.doc.name, site.line, site.detail))
                continue
            digest = hashlib.sha1(f"{site.doc.name}\0{plant.text}".encode()).hexdigest()
            if digest in seen or plant.text == site.doc.text:
                continue  # the same copy from another seed counts once
            seen.add(digest)
            tally.outcomes.append(judge(kind, linter, site, plant))
    tally.masked = len(masked)
    return tally


def table(results: list[tuple[Kind, Tally]]) -> list[str]:
    header = (
        "| kind | sites (corpus/seed/synthetic) | already flagged | planted | caught | recall | info only | "
        "copies with new noise |"
    )
    rows = [header, "|---|---|---:|---:|---:|---:|---:|---:|"]
    for kind, tally in results:
        planted = len(tally.outcomes)
        caught = sum(o.caught for o in tally.outcomes)
        info = sum(o.info_only for o in tally.outcomes)
        noisy = sum(bool(o.noise) for o in tally.outcomes)
        sites = tally.sites
        recall = f"{100 * caught / planted:.0f}%" if planted else "—"
        rows.append(
            f"| {kind.name} | {sum(sites.values())} ({sites['corpus']}/{sites['seed']}/{sites['synthetic']})"
            f" | {tally.masked} | {planted} | {caught} | {recall} | {info} | {noisy} |"
        )
    return rows


def variants(results: list[tuple[Kind, Tally]]) -> list[str]:
    """caught/planted per kind and shape of site (and per origin), to show where the misses are."""
    rows = []
    for kind, tally in results:
        groups: dict[str, list[Outcome]] = {}
        for o in tally.outcomes:
            for key in (o.site.variant, f"from {o.site.doc.origin}"):
                if key:
                    groups.setdefault(key, []).append(o)
        ordered = sorted(groups.items(), key=lambda item: (item[0].startswith("from "), item[0]))
        parts = [f"{key} {sum(o.caught for o in group)}/{len(group)}" for key, group in ordered]
        rows.append(f"  {kind.name}: " + "; ".join(parts))
    return rows


def details(kind: Kind, tally: Tally) -> list[str]:
    out = []
    for o in tally.outcomes:
        where = f"{o.site.doc.name}:{o.site.line}"
        if not o.caught:
            extra = f" (noticed only: {', '.join(o.noticed)})" if o.noticed else ""
            out.append(f"  MISS  {kind.name} {where} [{o.site.detail}] {o.plant.before} → {o.plant.after}{extra}")
        for noise in o.noise:
            out.append(f"  NOISE {kind.name} {where} [{o.site.detail}] {noise}")
    return out


def commit_of(folder: Path) -> str:
    """The checked-out commit of the measured tree, for the record in RESULTS.md."""
    import subprocess

    result = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "unknown commit"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=3, help="random seeds per kind (default 3)")
    parser.add_argument("--max-sites", type=int, default=60, help="sites planted per kind and seed (default 60)")
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and every noisy copy")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    parser.add_argument(
        "--select",
        default="",
        help="rule codes or prefixes to run, e.g. ALL (default: the default rule set of gwlint check)",
    )
    parser.add_argument(
        "--lint-root", type=Path, default=ROOT, help="the checkout whose lint/ package is measured (default: this one)"
    )
    parser.add_argument("--list-sites", action="store_true", help="print the sites found and stop")
    args = parser.parse_args(argv)

    if args.lint_root.resolve() != ROOT:
        sys.path.insert(0, str(args.lint_root.resolve()))  # before any lint module is imported
    wanted = {k for k in args.kinds.split(",") if k}
    unknown = wanted - {k.name for k in KINDS}
    if unknown:
        parser.error(f"unknown kind(s): {', '.join(sorted(unknown))}")
    docs = read_docs(args.corpus, SEEDS, SYNTHETIC)
    if not any(d.origin == "corpus" for d in docs):
        print(f"note: no corpus at {args.corpus}; seeds and synthetic documents only", file=sys.stderr)
    if args.list_sites:
        for kind in KINDS:
            if not wanted or kind.name in wanted:
                for site in (s for doc in docs for s in kind.find(doc)):
                    print(f"{kind.name}\t{site.doc.name}:{site.line}\t{site.detail}")
        return 0
    started = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="gwlint-inject-") as workdir:
        linter = Linter(Path(workdir), [c for c in args.select.split(",") if c] or None)
        for kind in KINDS:
            if wanted and kind.name not in wanted:
                continue
            tally = run_kind(kind, docs, linter, args.seeds, args.max_sites)
            results.append((kind, tally))
            if args.verbose:
                print("\n".join(details(kind, tally)))
    elapsed = time.perf_counter() - started
    measured = Path(sys.modules["lint"].__file__ or ".").resolve().parent.parent
    rows = table(results)
    shapes = variants(results)
    thin = [f"{kind.name} ({tally.sites['corpus']})" for kind, tally in results if tally.sites["corpus"] < 20]
    summary = (
        f"{sum(len(t.outcomes) for _, t in results)} copies, {args.seeds} seeds, {len(docs)} documents, "
        f"{len(linter.engine.rules)} rules ({args.select or 'default selection'}) from {measured} "
        f"at {commit_of(measured)}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {elapsed:.0f} s"
    )
    report = [*rows, "", "caught/planted by shape of site and by origin:", *shapes]
    if thin:
        report += ["", "few corpus sites, planted mostly into the seeds and bench/inject_docs/: " + ", ".join(thin)]
    report += ["", summary]
    print("\n".join(report))
    if args.markdown:
        args.markdown.write_text("\n".join(report) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
