"""Rule test cases in YAML: text in, exact findings out.

Two places hold cases, with the same case schema (``RuleCase``):
- a case file: ``rule: CODE`` plus ``cases:`` (a mapping of case name → case), e.g. tests/rule_cases/;
- a pack: any rule entry may carry ``tests:`` (a list of cases).

``expect`` lists ``CODE line:col`` or ``CODE line:col-end_line:end_col``; an empty list means the
text must produce nothing. By default only the rule under test runs (``rules: self``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from lint.errors import UsageError
from lint.rules.base import RuleCase
from lint.validation import validate
from lint.yamlio import read_text


@dataclass
class CaseResult:
    case_id: str
    ok: bool
    expected: list[str]
    actual: list[str]
    detail: str = ""


@dataclass
class LoadedCase:
    rule: str
    name: str
    case: RuleCase
    source: str


def load_case_file(path: Path) -> list[LoadedCase]:
    from lint.yamlio import load_yaml

    located = load_yaml(read_text(path, "case file"), str(path))
    data = located.data
    if not isinstance(data, dict):
        raise UsageError("a case file must be a mapping", str(path), 1)
    if "rules" in data and "rule" not in data:  # a pack with embedded tests
        return _cases_from_pack(data, located, path)
    code = data.get("rule")
    cases = data.get("cases")
    if not isinstance(code, str) or not isinstance(cases, (dict, list)):
        raise UsageError("a case file needs `rule: CODE` and `cases:`", str(path), 1)
    items = cases.items() if isinstance(cases, dict) else ((str(i), c) for i, c in enumerate(cases))
    out = []
    for name, raw in items:
        out.append(LoadedCase(code, str(name), _validate(raw, path, located, ("cases", name)), str(path)))
    return out


def _cases_from_pack(data: dict, located, path: Path) -> list[LoadedCase]:
    out = []
    for index, entry in enumerate(data.get("rules") or []):
        if not isinstance(entry, dict):
            continue
        for number, raw in enumerate(entry.get("tests") or []):
            case = _validate(raw, path, located, ("rules", index, "tests", number))
            out.append(LoadedCase(str(entry.get("code")), case.name or str(number), case, str(path)))
    return out


def _validate(raw, path: Path, located, where: tuple) -> RuleCase:
    try:
        return validate(RuleCase, raw)
    except ValidationError as exc:
        raise UsageError(f"invalid test case: {exc.errors()[0]['msg']}", str(path), located.line_of(where)) from None


@lru_cache(maxsize=8)
def _table(packs: tuple[str, ...]):
    from lint.rules.packs import load_rules

    return load_rules([Path(p) for p in packs])


def run_case(loaded: LoadedCase, packs: tuple[str, ...] = ()) -> CaseResult:
    from lint.config import parse_settings
    from lint.document import load_text
    from lint.engine import Engine, Overrides
    from lint.fix import apply_fixes

    case = loaded.case
    case_id = f"{loaded.rule}-{loaded.name}"
    table = _table(packs)
    if loaded.rule not in table.rules:
        return CaseResult(case_id, False, case.expect, [], f"rule {loaded.rule} is not defined")
    settings = parse_settings(dict(case.config), "<case>")
    overrides = Overrides(select=None if case.rules == "all" else [loaded.rule], kind=case.kind or "auto")
    engine = Engine(settings, overrides, table=table)
    source_format = "md" if case.path.endswith(".md") else "txt"
    if case.docx is not None:
        doc = _docx_case(case)
    else:
        doc = load_text(case.text, case.path, source_format)
    plan = load_text(case.plan, "plan.txt", "txt") if case.plan is not None else None
    result = engine.lint(doc, plan)
    actual_full = [f"{d.code} {d.line}:{d.column}-{d.end_line}:{d.end_column}" for d in result.diagnostics]
    actual_short = [f"{d.code} {d.line}:{d.column}" for d in result.diagnostics]
    expected = list(case.expect)
    actual = [
        full if "-" in exp.split(" ", 1)[-1] else short
        for exp, full, short in zip(expected, actual_full, actual_short, strict=False)
    ]  # lengths may differ
    actual += actual_short[len(expected) :]
    ok = sorted(actual) == sorted(expected) and len(result.diagnostics) == len(expected)
    detail = ""
    if ok and case.fixed is not None:
        current = doc
        for _ in range(6):
            new_text = apply_fixes(current, engine.lint(current).diagnostics, unsafe=True)
            if new_text is None:
                break
            current = load_text(new_text, case.path, source_format)
        if current.text != case.fixed:
            ok = False
            detail = f"fixed text differs:\n  expected: {case.fixed!r}\n  actual:   {current.text!r}"
    if not ok and not detail:
        messages = [f"{d.code} {d.line}:{d.column}-{d.end_line}:{d.end_column} {d.message}" for d in result.diagnostics]
        detail = "expected " + repr(expected) + "\n  got " + repr(messages)
    return CaseResult(case_id, ok, expected, actual, detail)


def _docx_case(case: RuleCase):
    """The case's text as a .docx with the case's layout, read back like any .docx."""
    from lint.document import load_bytes
    from lint.review.textdocx import LayoutSpec, text_to_docx

    try:
        spec = LayoutSpec.model_validate(case.docx)
    except ValidationError as exc:
        raise UsageError(f"invalid docx layout in test case: {exc.errors()[0]['msg']}") from None
    path = case.path.rsplit(".", 1)[0] + ".docx"
    return load_bytes(text_to_docx(case.text, case.path, spec), path, "docx")


def run_case_files(files: list[Path], packs: list[Path]) -> int:
    pack_names = tuple(str(p.resolve()) for p in packs)
    failures = 0
    total = 0
    for path in _case_files(files):
        cases = load_case_file(path)
        # A pack that carries its own tests is also the pack that defines its rules.
        own = pack_names
        text = read_text(path, "case file")
        if "\nrules:" in "\n" + text and not path.resolve().is_relative_to(_builtin()):
            own = pack_names + (str(path.resolve()),)
        for loaded in cases:
            total += 1
            outcome = run_case(loaded, own)
            if not outcome.ok:
                failures += 1
                print(f"FAIL {outcome.case_id} ({loaded.source})\n  {outcome.detail}")
    print(f"{total - failures} passed, {failures} failed")
    return 1 if failures else 0


def _case_files(given: list[Path]) -> list[Path]:
    """Files as given, folders as the YAML files directly inside them."""
    out: list[Path] = []
    for path in given:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                raise UsageError("no rule packs or case files (*.yaml) in this folder", str(path))
            out.extend(found)
        elif not path.exists():
            raise UsageError("no such file", str(path))
        else:
            out.append(path)
    return out


def _builtin() -> Path:
    from lint.rules.packs import builtin_dir

    return builtin_dir().resolve()
