"""`gwlint init`, `check --show-settings`, `gwlint rule(s)` with the project's config and rendered
docs, the folder walk (.gitignore, build folders), and rule docs in SARIF."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from lint.config import Settings, load_config_file
from lint.report.rulehelp import first_sentence

PACK = textwrap.dedent("""\
    pack: house
    rules:
      - code: HR001
        name: no-tbd
        kind: pattern
        severity: error
        message: "未完成的标记“{match}”"
        patterns: ['待定']
        doc:
          what: "Flags `待定` left in the text. Nothing else."
          why: "A document with 待定 cannot be acted on."
          wrong: "完成时间待定。"
          right: "完成时间为6月30日。"
          standard: "house rule"
        doc-zh:
          what: "文中残留的“待定”。"
    """)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    (tmp_path / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".gwlint.yaml").write_text("packs: [house.yaml]\nlang: en\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("完成时间待定。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_rule_reads_the_project_config_and_renders_text_not_markdown(project):
    result = _run("rule", "HR001")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("HR001 no-tbd\n")
    assert "Flags 待定 left in the text." in out  # config lang: en; the code span is shown as text
    assert "**" not in out and "```" not in out and "`" not in out and "## " not in out
    assert "    完成时间待定。" in out


def test_rule_lang_option_wins_and_missing_chinese_falls_back_to_english(project):
    out = _run("rule", "HR001", "--lang", "zh").stdout
    assert "检查什么\n    文中残留的“待定”。" in out
    assert "为什么\n    A document with 待定 cannot be acted on." in out  # no Chinese why: English


def test_rules_lists_a_user_pack_rule(project):
    data = {rule["code"]: rule for rule in json.loads(_run("rules", "--format", "json").stdout)}
    assert "HR001" in data and data["HR001"]["pedantic"] is False
    assert data["UNIT001"]["pedantic"] is True  # 亩/斤: outside the default selection


def test_rule_names_the_document_kinds_a_rule_skips(project):
    assert "document kinds: all except article" in _run("rule", "LAY014", "--lang", "en").stdout
    assert "文种: 全部（article 除外）" in _run("rule", "LAY014", "--lang", "zh").stdout
    assert "文种: 全部\n" in _run("rule", "PH001", "--lang", "zh").stdout
    data = {rule["code"]: rule for rule in json.loads(_run("rules", "--format", "json").stdout)}
    assert data["LAY014"]["skip_kinds"] == ["article"] and data["PH001"]["skip_kinds"] == []


def test_init_writes_a_commented_config_with_the_defaults_and_refuses_to_overwrite(project):
    os.remove(".gwlint.yaml")
    assert _run("init").exit_code == 0
    written = (project / ".gwlint.yaml").read_text(encoding="utf-8")
    assert written.count("\n#") >= 10  # commented
    settings = load_config_file(project / ".gwlint.yaml")
    assert settings == Settings()
    again = _run("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (project / ".gwlint.yaml").read_text(encoding="utf-8") == written


def test_show_settings_prints_the_effective_configuration_of_a_file(project):
    result = _run("check", "--show-settings", "doc.txt", "--min-severity", "warning", "--select", "HR")
    assert result.exit_code == 0, result.output
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert lines["config"] == str(project / ".gwlint.yaml")
    assert lines["lang"] == '"en"' and lines["min-severity"] == '"warning"' and lines["select"] == '["HR"]'
    assert lines["rules (1)"] == "HR001"
    assert _run("check", "--show-settings", "a.txt", "b.txt").exit_code == 2


def test_the_walk_respects_gitignore_and_skips_build_folders(tmp_path, monkeypatch):
    for name in (
        "a.txt",
        "docs/b.txt",
        "docs/old/c.txt",
        "build/d.txt",
        "dist/e.txt",
        "gwlint.egg-info/f.txt",
        "node_modules/g.txt",
        "sub/keep.txt",
        "sub/x.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("完成时间待定。\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("docs/old/\n", encoding="utf-8")
    (tmp_path / "sub" / ".gitignore").write_text("*.txt\n!keep.txt\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")  # the repository's .gitignore applies from a subfolder too
    result = _run("check", "..", "--format", "json", "--no-cache", "--select", "PH")
    paths = sorted(Path(f["path"]).relative_to("..").as_posix() for f in json.loads(result.stdout)["files"])
    assert paths == ["a.txt", "docs/b.txt", "sub/keep.txt"]
    # A file named on the command line is checked even when ignored.
    named = _run("check", "x.txt", "--format", "json", "--no-cache", "--select", "PH")
    assert [f["path"] for f in json.loads(named.stdout)["files"]] == ["x.txt"]


@pytest.mark.parametrize(
    "text,sentence",
    [
        ("X、XX出现在应填数字的位置。以及紧贴计量单位的字母。", "X、XX出现在应填数字的位置。"),
        ("4.8万 is one figure. Another.", "4.8万 is one figure."),
        ("没有句号", "没有句号"),
    ],
)
def test_first_sentence(text, sentence):
    assert first_sentence(text) == sentence


def test_sarif_rule_docs_follow_the_language(project):
    def rule_of(*args: str) -> dict:
        data = json.loads(_run("check", "doc.txt", "--format", "sarif", "--no-cache", "--select", "HR", *args).stdout)
        return {r["id"]: r for r in data["runs"][0]["tool"]["driver"]["rules"]}["HR001"]

    english, chinese = rule_of(), rule_of("--lang", "zh")
    assert english["shortDescription"]["text"] == "Flags `待定` left in the text."
    assert chinese["shortDescription"]["text"] == "文中残留的“待定”。"
    assert "检查什么" in chinese["help"]["markdown"] and "What" in english["help"]["markdown"]


def test_the_walk_skips_reviewed_copies_but_a_named_one_is_checked(tmp_path, monkeypatch):
    from lint.review.textdocx import text_to_docx

    data = text_to_docx("完成时间待定。\n", "a.txt")
    (tmp_path / "a.docx").write_bytes(data)
    (tmp_path / "a.reviewed.docx").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    walked = _run("check", ".", "--format", "json", "--no-cache", "--select", "PH")
    assert [Path(f["path"]).name for f in json.loads(walked.stdout)["files"]] == ["a.docx"]
    named = _run("check", "a.reviewed.docx", "--format", "json", "--no-cache", "--select", "PH")
    assert [f["path"] for f in json.loads(named.stdout)["files"]] == ["a.reviewed.docx"]
