"""The quiet default: which rules run without `select`, --min-severity, one finding per rule and
line, the summary line, --statistics, and config errors that name the key."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from lint.config import parse_settings
from lint.diagnostics import Diagnostic, Edit, Fix, Related, Severity
from lint.errors import UsageError
from lint.repeats import merge_repeats
from lint.selection import Selector

PACK = textwrap.dedent("""\
    pack: quiet
    rules:
      - code: QTA001
        name: loud
        kind: pattern
        severity: error
        message: "占位“{match}”"
        message-en: "placeholder {match}"
        patterns: ['X']
        doc: {what: w, why: y, wrong: X, right: "1", standard: none}
      - code: QTB001
        name: pedantic-one
        kind: pattern
        severity: info
        pedantic: true
        message: "亩：{match}"
        patterns: ['亩']
        doc: {what: w, why: y, wrong: 亩, right: 公顷, standard: none}
      - code: QTC001
        name: fixable-comma
        kind: pattern
        severity: warning
        message: "半角逗号"
        patterns: ['(?<={HAN})(?P<flag>,)(?={HAN})']
        fix: "，"
        doc: {what: w, why: y, wrong: "甲,乙", right: "甲，乙", standard: none}
    """)
DOC = "完成X亩，其中X亩、X亩。\n甲,乙,丙。\n"


def _project(tmp_path: Path, config: str) -> Path:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    if "packs:" not in config:
        config = "packs: [pack.yaml]\n" + config
    (tmp_path / ".gwlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    return tmp_path


def _shipped_families() -> str:
    from lint.rules.packs import load_rules

    return ", ".join(sorted({code.rstrip("0123456789") for code in load_rules().rules}))


# Shipped rules are ignored by family so that only the QT pack decides what is found.
IGNORE_SHIPPED = f"ignore: [{_shipped_families()}]\n"


def _check(tmp_path: Path, *args: str, config: str = IGNORE_SHIPPED):
    project = _project(tmp_path, config)
    return CliRunner().invoke(app, ["check", str(project / "doc.txt"), "--no-cache", *args])


def _codes(result) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for f in json.loads(result.stdout)["files"] for d in f["diagnostics"]]


def test_pedantic_rules_are_left_out_of_the_default_selection(tmp_path):
    assert ("QTB001", 1) not in _codes(_check(tmp_path, "-f", "json"))


@pytest.mark.parametrize(
    "args,config",
    [
        (["--preset", "pedantic"], None),
        ([], "preset: pedantic\n"),
        (["--extend-select", "QTB"], None),
        (["--select", "QTB001"], None),
        (["--select", "ALL"], None),
    ],
)
def test_pedantic_rules_run_when_asked_for(tmp_path, args, config):
    kwargs = {"config": config + IGNORE_SHIPPED} if config else {}
    assert ("QTB001", 1) in _codes(_check(tmp_path, "-f", "json", *args, **kwargs))


def test_a_pack_override_moves_a_rule_out_of_the_default_selection(tmp_path):
    (tmp_path / "mine.yaml").write_text("rules:\n  - {code: QTA001, pedantic: true}\n", encoding="utf-8")
    result = _check(tmp_path, "-f", "json", config="packs: [pack.yaml, mine.yaml]\n" + IGNORE_SHIPPED)
    assert [code for code, _ in _codes(result)] == ["QTC001", "QTC001"]


def test_selector_semantics():
    quiet = Selector(None, [], [])
    assert quiet.is_selected("UNIT002") and not quiet.is_selected("UNIT001", pedantic=True)
    assert Selector(["ALL"], [], []).is_selected("UNIT001", pedantic=True)
    assert Selector(["UNIT"], [], []).is_selected("UNIT001", pedantic=True)
    assert Selector(None, [], [], preset="pedantic").is_selected("UNIT001", pedantic=True)
    assert not Selector(None, [], ["UNIT001"], preset="pedantic").is_selected("UNIT001", pedantic=True)


@pytest.mark.parametrize("option,config", [(["--min-severity", "warning"], None), ([], "min-severity: warning\n")])
def test_min_severity_hides_lower_findings(tmp_path, option, config):
    base = "select: [QT]\n"
    result = _check(tmp_path, "-f", "json", *option, config=base + (config or ""))
    found = {code for code, _ in _codes(result)}
    assert found == {"QTA001", "QTC001"}  # the QTB001 infos are hidden
    errors_only = _check(tmp_path, "-f", "json", "--min-severity", "error", config=base)
    assert {code for code, _ in _codes(errors_only)} == {"QTA001"}


def test_repeats_of_a_rule_on_one_line_are_one_finding_with_the_count(tmp_path):
    data = json.loads(_check(tmp_path, "-f", "json", "--select", "QTA").stdout)
    (finding,) = data["files"][0]["diagnostics"]
    assert (finding["line"], finding["column"]) == (1, 3)
    assert finding["message"] == "占位“X”（本行共3处）"
    assert [(r["line"], r["column"]) for r in finding["related"]] == [(1, 8), (1, 11)]
    english = json.loads(_check(tmp_path, "-f", "json", "--select", "QTA", "--lang", "en").stdout)
    assert english["files"][0]["diagnostics"][0]["message"] == "placeholder X (3 on this line)"


def test_fixable_findings_and_findings_with_related_places_stay_apart():
    def finding(column: int, **extra) -> Diagnostic:
        return Diagnostic(
            code="X001",
            name="x",
            severity=Severity.WARNING,
            message="m",
            line=2,
            column=column,
            end_line=2,
            end_column=column + 1,
            **extra,
        )

    fixable = [finding(1, fix=Fix((Edit("，", 2, 1, 2, 2),))), finding(4, fix=Fix((Edit("，", 2, 4, 2, 5),)))]
    assert merge_repeats(fixable) == fixable
    claims = [finding(1, related=(Related("合计", 1, 1),)), finding(4, related=(Related("合计", 1, 5),))]
    assert merge_repeats(claims) == claims
    plain = [finding(1), finding(4), finding(9)]
    (merged,) = merge_repeats(plain)
    assert merged.message == "m（本行共3处）" and [r.column for r in merged.related] == [4, 9]


def test_summary_line_counts_in_the_singular_and_says_what_is_fixable(tmp_path):
    result = _check(tmp_path, "-f", "concise", "--select", "QTA,QTC")
    assert result.stdout.splitlines()[-1] == ("Found 3 findings (1 error, 2 warnings) in 1 file. 2 fixable with --fix.")


def test_statistics_alone_prints_only_the_table(tmp_path):
    result = _check(tmp_path, "-f", "concise", "--select", "QTA,QTC", "--statistics")
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [["2", "QTC001"], ["1", "QTA001"]]
    assert lines[-1].startswith("Found 3 findings")


def test_help_shows_flags_as_flags():
    text = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "120"}).stdout
    assert "--fix " in text and "<bool>" not in text
    assert "--min-severity" in text and "--preset" in text


@pytest.mark.parametrize(
    "data,message",
    [
        ({"ignore": [{"code": "PH001", "mtch": "x"}]}, "ignore[0]: unknown key 'mtch' (did you mean 'match'?)"),
        ({"selct": ["PH"]}, "unknown key 'selct' (did you mean 'select'?)"),
        ({"min-severty": "info"}, "unknown key 'min-severty' (did you mean 'min-severity'?)"),
        (
            {"severity": {"PH001": "eror"}},
            "severity.PH001: 'eror' is not one of error, warning, info (did you mean 'error'?)",
        ),
        ({"preset": "pedantik"}, "preset: 'pedantik' is not one of default, pedantic (did you mean 'pedantic'?)"),
        ({"ignore": [3]}, "ignore[0]: expected a rule code or a mapping with code, path and match"),
    ],
)
def test_config_errors_name_the_key_and_suggest_the_nearest(data, message):
    with pytest.raises(UsageError) as caught:
        parse_settings(data, "cfg.yaml")
    assert str(caught.value) == f"cfg.yaml: {message}"


def test_config_error_points_at_the_line_of_the_wrong_key(tmp_path):
    result = _check(tmp_path, config="ignore:\n  - UNIT001\n  - {code: PH001, mtch: x}\n")
    assert result.exit_code == 2
    assert ".gwlint.yaml:4: ignore[1]: unknown key 'mtch' (did you mean 'match'?)" in result.stderr


def test_an_unknown_code_suggests_the_nearest_one(tmp_path):
    result = _check(tmp_path, config="select: [QTA0011]\n")
    assert result.exit_code == 2 and "(did you mean 'QTA001'?)" in result.stderr
