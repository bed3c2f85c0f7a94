"""`gwlint check` through the CLI: formats, config discovery, selection, suppressions, severity
overrides, broken packs and configs, and every exit status. Uses its own small rule pack so the
behaviour under test does not depend on which shipped rules exist."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app

PACK = textwrap.dedent("""\
    pack: test-pack
    rules:
      - code: TST001
        name: todo-marker
        kind: pattern
        severity: error
        message: "待办标记“{match}”"
        message-en: "to-do marker {match}"
        patterns: ['待定']
        fix: "已定"
        doc: {what: w, why: y, wrong: 待定, right: 已定, standard: none}
      - code: TST002
        name: weak-word
        kind: pattern
        severity: warning
        message: "弱表述“{match}”"
        patterns: ['稳步推进']
        doc: {what: w, why: y, wrong: 稳步推进, right: 6月底前完成, standard: none}
      - code: TSX001
        name: other-family
        kind: pattern
        severity: info
        message: "其他：{match}"
        patterns: ['规划']
        doc: {what: w, why: y, wrong: 规划, right: 规划, standard: none}
    """)
DOC = "一、总体要求\n稳步推进规划编制，完成时间待定。\n"


def run(args, cwd: Path, input: str | None = None):
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, args, input=input, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("packs: [pack.yaml]\nselect: [TST, TSX]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(DOC, encoding="utf-8")
    return tmp_path


def codes(result) -> list[str]:
    data = json.loads(result.stdout)
    return [d["code"] for f in data["files"] for d in f["diagnostics"]]


def test_concise_output_and_exit_1_on_error(project):
    result = run(["check", "docs", "--format", "concise"], project)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "docs/plan.txt:2:1: warning: 弱表述“稳步推进” [TST002]" in lines
    assert "docs/plan.txt:2:5: info: 其他：规划 [TSX001]" in lines
    assert "docs/plan.txt:2:14: error: 待办标记“待定” [TST001]" in lines
    assert lines[-1] == "Found 3 findings (1 error, 1 warning, 1 info) in 1 file. 1 fixable with --fix."


def test_json_output_validates_against_the_shipped_schema(project):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[1] / "lint" / "report" / "schema.json").read_text("utf-8"))
    result = run(["check", "docs", "--format", "json"], project)
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema)
    diagnostic = data["files"][0]["diagnostics"][-1]
    assert diagnostic == {
        "code": "TST001",
        "name": "todo-marker",
        "severity": "error",
        "message": "待办标记“待定”",
        "line": 2,
        "column": 14,
        "end_line": 2,
        "end_column": 16,
        "fix": {
            "applicability": "safe",
            "message": "“待定”→“已定”",
            "edits": [{"replacement": "已定", "line": 2, "column": 14, "end_line": 2, "end_column": 16}],
        },
        "related": [],
    }
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 1, "infos": 1}
    assert data["files"][0]["path"] == "docs/plan.txt"


def test_full_format_puts_the_caret_under_wide_characters(project):
    result = run(["check", "docs", "--format", "full", "--select", "TST001"], project)
    lines = result.stdout.splitlines()
    source = next(line for line in lines if "│" in line and "待定" in line)
    caret = next(line for line in lines if set(line.strip()) == {"^"})
    from lint.report.full import cell_width

    assert cell_width(caret[: caret.index("^")]) == cell_width(source[: source.index("待定")])
    assert caret.strip() == "^^^^"  # two wide characters
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_select_ignore_and_prefixes(project):
    assert codes(run(["check", "docs", "-f", "json", "--select", "TST"], project)) == ["TST002", "TST001"]
    assert codes(run(["check", "docs", "-f", "json", "--select", "TST", "--ignore", "TST002"], project)) == ["TST001"]
    assert codes(run(["check", "docs", "-f", "json", "--select", "TST001,TSX"], project)) == ["TSX001", "TST001"]
    # the longest prefix wins: ignore the family, select one member back
    assert codes(run(["check", "docs", "-f", "json", "--ignore", "TST", "--extend-select", "TST001"], project)) == [
        "TSX001",
        "TST001",
    ]
    # a shorter ignore prefix loses to a longer select prefix
    assert codes(run(["check", "docs", "-f", "json", "--ignore", "TS"], project)) == ["TST002", "TSX001", "TST001"]


def test_exit_status_follows_fail_on_and_exit_zero(project):
    assert run(["check", "docs", "--select", "TST002"], project).exit_code == 0  # warnings alone pass
    assert run(["check", "docs", "--select", "TST002", "--fail-on", "warning"], project).exit_code == 1
    assert run(["check", "docs", "--select", "TSX001", "--fail-on", "warning"], project).exit_code == 0
    assert run(["check", "docs", "--select", "TSX001", "--fail-on", "info"], project).exit_code == 1
    assert run(["check", "docs", "--exit-zero"], project).exit_code == 0


def test_exit_2_for_bad_options_and_paths(project):
    for args in (
        ["check", "nope.txt"],
        ["check", "docs", "--format", "xml"],
        ["check", "docs", "--kind", "memo"],
        ["check", "docs", "--select", "ZZZ"],
        ["check", "docs", "--no-such-option"],
        ["check", "docs", "--fail-on", "fatal"],
    ):
        result = run(args, project)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_config_discovery_walks_up_and_config_option_overrides(project):
    nested = project / "docs" / "deep"
    nested.mkdir()
    (nested / "b.txt").write_text("完成时间待定。\n", encoding="utf-8")
    assert codes(run(["check", "docs/deep/b.txt", "-f", "json"], project)) == ["TST001"]
    other = project / "other.yaml"
    other.write_text("packs: [pack.yaml]\nselect: [TST002]\n", encoding="utf-8")
    assert codes(run(["check", "docs", "-f", "json", "--config", "other.yaml"], project)) == ["TST002"]
    # a nearer config wins for the files below it
    (nested / ".gwlint.yaml").write_text("packs: [../../pack.yaml]\nselect: [TSX]\n", encoding="utf-8")
    (nested / "c.txt").write_text("规划待定。\n", encoding="utf-8")
    assert codes(run(["check", "docs/deep/c.txt", "-f", "json"], project)) == ["TSX001"]


def test_pyproject_tool_section_is_a_config(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.gwlint]\npacks = ["pack.yaml"]\nselect = ["TST001"]\n', "utf-8")
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    assert codes(run(["check", "a.txt", "-f", "json"], tmp_path)) == ["TST001"]
    (tmp_path / "pyproject.toml").write_text('[tool.gwlint]\npacks = ["pack.yaml"]\nselekt = ["TST001"]\n', "utf-8")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2 and "pyproject.toml:3" in result.output and "selekt" in result.output


def test_unknown_config_key_names_file_line_and_key(project):
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\n\nseverity_override: {}\n", encoding="utf-8")
    result = run(["check", "docs"], project)
    assert result.exit_code == 2
    assert ".gwlint.yaml:3" in result.output and "severity_override" in result.output


def test_config_naming_an_unknown_code_is_an_error(project):
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\nignore: [XYZ999]\n", encoding="utf-8")
    result = run(["check", "docs"], project)
    assert result.exit_code == 2 and "XYZ999" in result.output and ".gwlint.yaml:2" in result.output


def test_per_file_ignores_and_kind_per_glob(project):
    (project / ".gwlint.yaml").write_text(
        "packs: [pack.yaml]\nselect: [TST]\nper-file-ignores:\n  'docs/*': [TST001]\nkind:\n  'docs/*': plan\n",
        encoding="utf-8",
    )
    data = json.loads(run(["check", "docs", "-f", "json"], project).stdout)
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["TST002"]
    assert data["files"][0]["kind"] == "plan"


def test_severity_override_in_config_and_in_pack(project):
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\nselect: [TST]\nseverity: {TST001: warning}\n", "utf-8")
    assert run(["check", "docs"], project).exit_code == 0
    data = json.loads(run(["check", "docs", "-f", "json"], project).stdout)
    assert {d["code"]: d["severity"] for d in data["files"][0]["diagnostics"]}["TST001"] == "warning"
    (project / "override.yaml").write_text("rules:\n  - code: TST002\n    severity: error\n", "utf-8")
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml, override.yaml]\nselect: [TST002]\n", "utf-8")
    assert run(["check", "docs"], project).exit_code == 1
    (project / "override.yaml").write_text("rules:\n  - code: TST002\n    enabled: false\n", "utf-8")
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml, override.yaml]\nselect: [TST]\n", "utf-8")
    assert codes(run(["check", "docs", "-f", "json"], project)) == ["TST001"]
    # an explicitly selected code runs even when its pack disabled it
    assert codes(run(["check", "docs", "-f", "json", "--select", "TST002"], project)) == ["TST002"]


def test_config_ignore_entry_with_match_and_unused_report(project):
    (project / ".gwlint.yaml").write_text(
        textwrap.dedent("""\
        packs: [pack.yaml]
        select: [TST, LINT]
        ignore:
          - {path: "docs/*", code: TST002, match: "稳步"}
          - {path: "docs/*", code: TST001, match: "不存在"}
        """),
        encoding="utf-8",
    )
    data = json.loads(run(["check", "docs", "-f", "json"], project).stdout)
    by_path = {f["path"]: [d["code"] for d in f["diagnostics"]] for f in data["files"]}
    assert by_path["docs/plan.txt"] == ["TST001"]  # TST002 suppressed; TST001's entry matched nothing
    unused = [f for f in data["files"] if f["path"].endswith(".gwlint.yaml")]
    assert unused and unused[0]["diagnostics"][0]["code"] == "LINT001"
    assert unused[0]["diagnostics"][0]["line"] == 5


def test_markdown_suppression_comments_and_unused_ones(project):
    (project / ".gwlint.yaml").write_text("packs: [pack.yaml]\nselect: [TST, LINT]\n", encoding="utf-8")
    (project / "docs" / "plan.txt").unlink()
    (project / "docs" / "notes.md").write_text(
        textwrap.dedent("""\
        # 工作要点
        <!-- gwlint-disable-next-line TST001 -->
        完成时间待定。
        <!-- gwlint-disable TST002 -->
        稳步推进规划编制。
        稳步推进执法。
        <!-- gwlint-enable -->
        稳步推进修复，完成时间待定。
        <!-- gwlint-disable-next-line TST001 -->
        没有问题的一行。
        """),
        encoding="utf-8",
    )
    data = json.loads(run(["check", "docs", "-f", "json"], project).stdout)
    found = [(d["code"], d["line"]) for d in data["files"][0]["diagnostics"]]
    assert found == [("TST002", 8), ("TST001", 8), ("LINT001", 9)]


def test_stdin_with_filename_and_output_file(project):
    result = run(["check", "-", "--stdin-filename", "docs/x.txt", "-f", "concise"], project, input="时间待定。\n")
    assert result.exit_code == 1
    assert "docs/x.txt:1:3: error:" in result.stdout
    out = project / "report.json"
    result = run(["check", "docs", "-f", "json", "--output", str(out)], project)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text("utf-8"))["summary"]["errors"] == 1


def test_statistics_quiet_and_english_messages(project):
    result = run(["check", "docs", "--statistics", "-f", "concise", "--lang", "en"], project)
    assert "[TST001]" not in result.stdout  # --statistics alone prints only the table
    assert any(line.split()[:2] == ["1", "TST001"] for line in result.stdout.splitlines())
    english = run(["check", "docs", "-f", "concise", "--lang", "en"], project)
    assert "to-do marker 待定 [TST001]" in english.stdout
    quiet = run(["check", "docs", "-q", "-f", "concise"], project)
    assert len(quiet.stdout.splitlines()) == 3


def test_unreadable_file_is_an_io001_diagnostic_not_a_crash(project):
    (project / "docs" / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    result = run(["check", "docs/bin.txt", "-f", "concise"], project)
    assert result.exit_code == 1
    assert "docs/bin.txt:1:1: error:" in result.stdout and "[IO001]" in result.stdout


@pytest.mark.parametrize(
    "pack_text,needle",
    [
        ("rules: [\n", "pack.yaml:2"),  # YAML syntax
        ("- code: A\n", "pack.yaml:1"),  # a list, not a mapping
        ("rules:\n  - code: TST001\n    kind: nosuch\n", "pack.yaml:3"),  # unknown kind
        ("rules:\n  - code: TST001\n    kind: pattern\n    name: x\n    severity: fatal\n", "pack.yaml:5"),
        (
            "rules:\n  - code: TST001\n    kind: pattern\n    name: a\n    severity: info\n    message: m\n"
            "    patterns: ['(']\n    doc: {what: a, why: b, wrong: c, right: d, standard: e}\n",
            "does not compile",
        ),
        ("rulez: []\n", "pack.yaml:1"),
    ],
)
def test_broken_pack_stops_with_exit_2_naming_file_and_line(tmp_path, pack_text, needle):
    (tmp_path / "pack.yaml").write_text(pack_text, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2, result.output
    assert needle in result.output and "Traceback" not in result.output


def test_duplicate_code_is_an_error(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK + PACK.split("rules:\n", 1)[1], encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("packs: [pack.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2 and "duplicate rule code TST001" in result.output


def test_rules_and_rule_commands(project):
    result = run(["rules", "--format", "json", "--config", ".gwlint.yaml"], project)
    listed = {r["code"]: r for r in json.loads(result.stdout)}
    assert listed["TST001"]["fixable"] is True and listed["TST002"]["fixable"] is False
    assert listed["IO001"]["pack"] == "core"
    shown = run(["rule", "IO001", "--lang", "en"], project)
    assert shown.exit_code == 0 and "\nWhy\n    " in shown.stdout and "\nStandard\n    " in shown.stdout
    assert run(["rule", "NOPE001"], project).exit_code == 2


def test_test_rules_runs_pack_cases(tmp_path):
    pack = PACK.replace(
        "    doc: {what: w, why: y, wrong: 待定, right: 已定, standard: none}\n",
        "    doc: {what: w, why: y, wrong: 待定, right: 已定, standard: none}\n"
        "    tests:\n      - {text: '时间待定。', expect: ['TST001 1:3'], fixed: '时间已定。'}\n"
        "      - {text: '时间已定。', expect: []}\n",
        1,
    )
    assert "tests:" in pack
    (tmp_path / "pack.yaml").write_text(pack, encoding="utf-8")
    result = run(["test-rules", "pack.yaml"], tmp_path)
    assert result.exit_code == 0 and "2 passed, 0 failed" in result.stdout
    (tmp_path / "pack.yaml").write_text(pack.replace("TST001 1:3", "TST001 1:4"), encoding="utf-8")
    result = run(["test-rules", "pack.yaml"], tmp_path)
    assert result.exit_code == 1 and "1 passed, 1 failed" in result.stdout


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("gwlint ")


@pytest.mark.parametrize("fmt", ["concise", "full", "json"])
def test_seeds_check_in_the_three_core_formats(fmt):
    root = Path(__file__).parents[1]
    result = run(["check", "seeds", "--format", fmt, "--no-cache"], root)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if fmt == "json":
        jsonschema = pytest.importorskip("jsonschema")
        schema = json.loads((root / "lint" / "report" / "schema.json").read_text("utf-8"))
        data = json.loads(result.stdout)
        jsonschema.validate(data, schema)
        assert data["summary"]["files"] == 5
        assert {f["kind"] for f in data["files"]} == {"summary", "plan", "article"}
    elif fmt == "concise":
        import re

        pattern = re.compile(r"^seeds/\d{3}_[0-9a-f]+\.txt:\d+:\d+: (error|warning|info): .+ \[[A-Z]{2,4}\d{3}\]$")
        findings = [line for line in result.stdout.splitlines() if line.startswith("seeds/")]
        assert all(pattern.match(line) for line in findings), findings[:3]


def test_pack_extends_another_pack_and_kind_option_gates_rules(tmp_path):
    (tmp_path / "base.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "house.yaml").write_text(
        textwrap.dedent("""\
        extends: [base.yaml]
        rules:
          - code: TST003
            name: plan-only
            kind: pattern
            severity: error
            message: "计划中的“{match}”"
            patterns: ['规划编制']
            doc-kinds: [plan]
            doc: {what: w, why: y, wrong: a, right: b, standard: none}
        """),
        encoding="utf-8",
    )
    (tmp_path / ".gwlint.yaml").write_text("packs: [house.yaml]\nselect: [TST001, TST003]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    assert codes(run(["check", "a.txt", "-f", "json", "--kind", "summary"], tmp_path)) == ["TST001"]
    data = json.loads(run(["check", "a.txt", "-f", "json", "--kind", "plan"], tmp_path).stdout)
    assert [d["code"] for d in data["files"][0]["diagnostics"]] == ["TST003", "TST001"]
    assert data["files"][0]["kind"] == "plan"


def test_no_color_is_respected_even_when_forced(project, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(["check", "docs", "-f", "full"], project).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(["check", "docs", "-f", "full"], project).stdout


def test_progress_bar_only_when_stderr_is_a_terminal(monkeypatch):
    import io

    from lint import checkcmd

    ticks = []
    with checkcmd._progress_bar(100) as advance:  # pytest's stderr is not a terminal
        advance(5)
        ticks.append("quiet")
    assert ticks == ["quiet"]

    class Tty(io.StringIO):
        def isatty(self):
            return True

    fake = Tty()
    monkeypatch.setattr("sys.stderr", fake)
    with checkcmd._progress_bar(checkcmd.PROGRESS_MIN_FILES) as advance:
        advance(checkcmd.PROGRESS_MIN_FILES)
    assert "gwlint" in fake.getvalue()


def test_user_pack_adds_a_unit(tmp_path):
    (tmp_path / "house.yaml").write_text(
        textwrap.dedent("""\
        units:
          units:
            - {name: 垧, dimension: area, factor: "10000", legal: false, note: 东北地区旧制}
        rules: []
        """),
        encoding="utf-8",
    )
    (tmp_path / ".gwlint.yaml").write_text("packs: [house.yaml]\nselect: [UNIT001]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("全年新增耕地300垧。\n", encoding="utf-8")
    data = json.loads(run(["check", "a.txt", "-f", "json"], tmp_path).stdout)
    found = [(d["code"], d["column"], d["end_column"]) for d in data["files"][0]["diagnostics"]]
    assert found == [("UNIT001", 7, 11)]
    # a malformed units section stops the run naming the pack
    (tmp_path / "house.yaml").write_text(
        "units:\n  units:\n    - {name: 垧, dimension: nowhere, factor: '1'}\n", encoding="utf-8"
    )
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2 and "house.yaml" in result.output and "nowhere" in result.output


def test_diff_prints_only_the_diff_and_fix_reports_what_it_fixed(project):
    before = (project / "docs" / "plan.txt").read_bytes()
    result = run(["check", "docs", "--diff"], project)
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/docs/plan.txt\n+++ b/docs/plan.txt\n")
    assert "+稳步推进规划编制，完成时间已定。" in result.stdout and "[TST" not in result.stdout
    assert (project / "docs" / "plan.txt").read_bytes() == before
    fixed = run(["check", "docs", "--fix", "-f", "concise"], project)
    assert "Fixed 1 file." in fixed.stdout and "[TST001]" not in fixed.stdout and "[TST002]" in fixed.stdout
    assert run(["check", "docs", "--diff"], project).exit_code == 0
