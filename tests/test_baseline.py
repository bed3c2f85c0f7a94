"""--write-baseline / --baseline: old findings stay suppressed while the file changes around them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from tests.workflow_support import DOCUMENT, write_project


def _gwlint(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["check", "--format", "concise", "--no-cache", "--quiet", *args])
    findings = [line for line in result.output.splitlines() if line.startswith(("doc.txt", "/"))]
    return result.exit_code, findings


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    write_project(tmp_path, {"doc.txt": DOCUMENT})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_baseline_file_records_every_finding(project):
    code, findings = _gwlint("doc.txt", "--write-baseline", "baseline.json")
    assert code == 1 and len(findings) == 3  # writing a baseline still reports today's findings
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    # The two 待定 of line 4 are one finding (one per rule and line).
    assert sorted((f["code"], f["text"]) for f in data["findings"]) == sorted(
        [("HR001", "待定"), ("HR002", ",其中工业用地8宗,"), ("HR003", '<b>&"强调"</b>')]
    )
    assert {f["path"] for f in data["findings"]} == {"doc.txt"}


def test_old_findings_stay_suppressed_after_editing_elsewhere(project):
    _gwlint("doc.txt", "--write-baseline", "baseline.json")
    assert _gwlint("doc.txt", "--baseline", "baseline.json") == (0, [])

    # Lines inserted above move every old finding down; one new finding comes in with them.
    (project / "doc.txt").write_text("新增说明一行。\n新增说明待定项。\n\n" + DOCUMENT, encoding="utf-8")
    code, findings = _gwlint("doc.txt", "--baseline", "baseline.json")
    assert findings == ["doc.txt:2:5: error: 未完成的标记“待定” [HR001]"]
    assert code == 1


def test_baseline_counts_identical_findings(project):
    line = "经费来源待定。\n"
    (project / "doc.txt").write_text(DOCUMENT + line * 2, encoding="utf-8")
    _gwlint("doc.txt", "--write-baseline", "baseline.json")
    assert _gwlint("doc.txt", "--baseline", "baseline.json") == (0, [])

    (project / "doc.txt").write_text(DOCUMENT + line * 3, encoding="utf-8")
    code, findings = _gwlint("doc.txt", "--baseline", "baseline.json")
    assert len(findings) == 1 and "[HR001]" in findings[0]  # two suppressed, the third is new


def test_an_edit_next_to_a_finding_makes_it_new(project):
    _gwlint("doc.txt", "--write-baseline", "baseline.json")
    (project / "doc.txt").write_text(DOCUMENT.replace("完成时间待定", "完工时间待定"), encoding="utf-8")
    code, findings = _gwlint("doc.txt", "--baseline", "baseline.json")
    assert findings == ["doc.txt:4:5: error: 未完成的标记“待定”（本行共2处） [HR001]"]


def test_baseline_runs_say_how_many_findings_they_recorded_and_hid(project):
    runner = CliRunner()
    args = ["check", "doc.txt", "--format", "json", "--no-cache"]
    written = runner.invoke(app, [*args, "--write-baseline", "baseline.json"])
    assert "gwlint: recorded 3 findings in baseline.json" in written.stderr
    (project / "doc.txt").write_text(DOCUMENT + "新增待定。\n", encoding="utf-8")
    applied = runner.invoke(app, [*args, "--baseline", "baseline.json"])
    assert "gwlint: the baseline baseline.json hid 3 findings" in applied.stderr
    assert json.loads(applied.stdout)["summary"]["errors"] == 1  # stdout stays a clean report


def test_baseline_matches_whatever_the_working_directory(project, monkeypatch):
    _gwlint("doc.txt", "--write-baseline", "baseline.json")
    monkeypatch.chdir(project.parent)
    assert _gwlint(str(project / "doc.txt"), "--baseline", str(project / "baseline.json")) == (0, [])


def test_a_bad_baseline_stops_the_run(project):
    result = CliRunner().invoke(app, ["check", "doc.txt", "--baseline", "missing.json"])
    assert result.exit_code == 2 and "missing.json" in result.output
    (project / "old.json").write_text('{"findings": []}', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "doc.txt", "--baseline", "old.json"])
    assert result.exit_code == 2 and "version" in result.output


def test_baseline_holds_for_results_read_back_from_the_cache(project):
    """Cached results carry line/column and text, not offsets: matching must not need offsets."""
    runner = CliRunner()
    args = ["check", "doc.txt", "--format", "concise", "--quiet"]
    assert runner.invoke(app, [*args, "--write-baseline", "baseline.json"]).exit_code == 1
    (project / "doc.txt").write_text("新增说明一行。\n" + DOCUMENT, encoding="utf-8")
    for _ in range(2):  # the second run is answered from the cache
        result = runner.invoke(app, [*args, "--baseline", "baseline.json"])
        assert (result.exit_code, result.output) == (0, "")
