"""`gwlint audit PLAN SUMMARY`: findings on the summary in every check format, the
plan-vs-result table in concise/full/html, and the exit status of `check`.
(The outcomes themselves are pinned by the audit cases in tests/rule_cases/CONS01*.yaml.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import run

PLAN = """县自然资源局2025年工作要点
一、主要目标
（一）新增耕地900亩以上。
（二）供应国有建设用地2000亩。
（三）完成不动产登记5000件。
"""
SUMMARY = """县自然资源局2025年工作总结
一、主要成效
全年新增耕地860亩。全年供应国有建设用地2100亩。
"""


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "summary.txt").write_text(SUMMARY, encoding="utf-8")
    return tmp_path


def test_concise_lists_findings_on_the_summary_then_the_table(pair):
    result = run(["audit", "plan.txt", "summary.txt", "--format", "concise"], pair)
    assert result.exit_code == 0  # warnings do not fail the run by default
    lines = result.stdout.splitlines()
    assert lines[0].startswith("summary.txt:1:1: warning:") and "不动产登记" in lines[0] and "第5行" in lines[0]
    assert lines[0].endswith("[CONS010]")
    assert lines[1].startswith("summary.txt:3:7: warning:") and "差40亩" in lines[1] and lines[1].endswith("[CONS011]")
    table = result.stdout.split("\n\n", 1)[1]
    assert "计划与完成情况对照" in table
    rows = {line.split()[0]: line.split()[-1] for line in table.splitlines()[2:]}
    assert rows == {"新增耕地": "未完成（未说明）：差40亩", "国有建设用地供应": "超额完成", "不动产登记": "未报告"}


def test_json_is_the_check_schema(pair):
    audited = json.loads(run(["audit", "plan.txt", "summary.txt", "--format", "json"], pair).stdout)
    checked = json.loads(run(["check", "summary.txt", "--format", "json", "--no-cache"], pair).stdout)
    assert audited.keys() == checked.keys() and audited["version"] == checked["version"]
    assert [d["code"] for d in audited["files"][0]["diagnostics"]] == ["CONS010", "CONS011"]
    assert audited["files"][0]["diagnostics"][0].keys() == {
        "code", "name", "severity", "message", "line", "column", "end_line", "end_column", "fix", "related",
    }  # fmt: skip


def test_html_carries_the_table(pair):
    html = run(["audit", "plan.txt", "summary.txt", "--format", "html"], pair).stdout
    assert '<table class="audit">' in html and "<td>不动产登记</td>" in html and "CONS011" in html


@pytest.mark.parametrize("fmt", ["sarif", "github", "gitlab", "junit", "rdjson"])
def test_every_check_format_renders(pair, fmt):
    result = run(["audit", "plan.txt", "summary.txt", "--format", fmt], pair)
    assert result.exit_code == 0 and "CONS011" in result.stdout


def test_output_and_colour_follow_check(pair, monkeypatch):
    """The report goes where check's would: --output gets the plain text, a forced terminal colour."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run(["audit", "plan.txt", "summary.txt", "--format", "full"], pair).stdout
    written = run(["audit", "plan.txt", "summary.txt", "--format", "full", "--output", "report.txt"], pair)
    report = (pair / "report.txt").read_text(encoding="utf-8")
    assert written.stdout == "" and "计划与完成情况对照" in report and "\x1b[" not in report


def test_fail_on_warning_fails_the_run(pair):
    assert run(["audit", "plan.txt", "summary.txt", "--fail-on", "warning"], pair).exit_code == 1
    assert run(["audit", "plan.txt", "summary.txt", "--fail-on", "warning", "--exit-zero"], pair).exit_code == 0


def test_a_missing_document_is_a_usage_error(pair):
    result = run(["audit", "plan.txt", "nowhere.txt"], pair)
    assert result.exit_code == 2 and "nowhere.txt" in result.stderr


def test_a_summary_of_another_year_is_one_finding_and_an_empty_table(pair):
    (pair / "summary.txt").write_text(SUMMARY.replace("2025", "2026"), encoding="utf-8")
    result = run(["audit", "plan.txt", "summary.txt", "--format", "concise"], pair)
    assert [line.rsplit(" ", 1)[-1] for line in result.stdout.splitlines() if line.startswith("summary")] == [
        "[CONS014]"
    ]
    assert "未逐项对照：计划针对2025年，总结报告的是2026年" in result.stdout


def _paired(pair: Path, entry: str) -> None:
    (pair / ".gwlint.yaml").write_text(f"pairs:\n  - {entry}\n", encoding="utf-8")


def test_pairs_audit_each_summary_in_check(pair):
    _paired(pair, "{plan: plan.txt, summary: summary.txt}")
    found = json.loads(run(["check", ".", "--format", "json", "--select", "CONS"], pair).stdout)
    by_file = {f["path"]: [d["code"] for d in f["diagnostics"]] for f in found["files"]}
    assert by_file == {"plan.txt": [], "summary.txt": ["CONS010", "CONS011"]}


def test_pairs_by_year(pair):
    for folder in ("要点", "总结"):
        (pair / folder).mkdir()
    (pair / "plan.txt").rename(pair / "要点" / "2025.txt")
    (pair / "summary.txt").rename(pair / "总结" / "2025.txt")
    _paired(pair, '{plan: "要点/{year}.txt", summary: "总结/{year}.txt"}')
    result = run(["check", "总结/2025.txt", "--format", "concise", "--select", "CONS"], pair)
    assert "[CONS011]" in result.stdout and result.exit_code == 0


def test_a_pair_whose_plan_is_missing_is_a_configuration_error(pair):
    _paired(pair, "{plan: gone.txt, summary: summary.txt}")
    result = run(["check", "summary.txt"], pair)
    assert result.exit_code == 2 and "gone.txt" in result.stderr and ".gwlint.yaml:1" in result.stderr


def test_a_mistyped_pair_key_is_named(pair):
    _paired(pair, "{plna: plan.txt, summary: summary.txt}")
    result = run(["check", "summary.txt"], pair)
    assert result.exit_code == 2 and "unknown key 'plna' (did you mean 'plan'?)" in result.stderr


def test_the_pairs_example_of_gwlint_init_is_valid():
    import yaml

    from lint.config import parse_settings
    from lint.initcmd import TEMPLATE

    lines = TEMPLATE.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# pairs:"))
    example = "\n".join(line[2:].split("  #")[0] for line in lines[start : start + 2])
    settings = parse_settings(yaml.safe_load(example), "<init>")
    assert settings.plan_for("总结/2024年工作总结.docx") == "要点/2024年工作要点.docx"
    assert settings.plan_for("总结/工作总结.docx") is None


def test_show_settings_names_the_plan_of_a_paired_summary(pair):
    _paired(pair, "{plan: plan.txt, summary: summary.txt}")
    shown = run(["check", "--show-settings", "summary.txt"], pair).stdout
    assert 'plan: "plan.txt"' in shown
    assert "plan: null" in run(["check", "--show-settings", "plan.txt"], pair).stdout
