"""Chinese rule documentation: `doc-zh` on a pack rule, the built-in rules/docs-zh.yaml, per-field
fallback to English, `--lang`/config `lang` on `gwlint rule(s)`, lazy loading and packaging."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from fnmatch import fnmatch
from pathlib import Path

from lint.rules.docs_zh import DOC_FIELDS, DOCS_ZH_FILE, builtin_translations
from lint.rules.packs import builtin_dir, load_rules
from tests.conftest import ROOT
from tests.test_cli import run

CJK = re.compile(r"[\u4e00-\u9fff]")
# A lowercase English word: an example that carries one is English prose and needs its own translation.
ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")

HOUSE_PACK = textwrap.dedent("""\
    pack: house
    rules:
      - code: HR001
        name: no-tbd
        kind: pattern
        severity: error
        message: "未完成的标记“{match}”"
        patterns: ['待定']
        doc: {what: An unfinished marker., why: It was never filled in., wrong: 时间待定, right: 时间已定,
              standard: house style}
        doc-zh: {what: 文中遗留“待定”。, standard: 本单位公文规范}
    """)


def _house(tmp_path: Path, lang: str | None = None) -> Path:
    (tmp_path / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    config = "packs: [house.yaml]\n" + (f"lang: {lang}\n" if lang else "")
    (tmp_path / ".gwlint.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def test_pack_doc_zh_is_used_and_missing_fields_fall_back_to_english(tmp_path):
    rule = load_rules([_house(tmp_path) / "house.yaml"]).rules["HR001"]
    zh = rule.doc_for("zh")
    assert (zh.what, zh.standard) == ("文中遗留“待定”。", "本单位公文规范")
    assert (zh.why, zh.wrong, zh.right) == ("It was never filled in.", "时间待定", "时间已定")
    assert rule.doc_for("en") == rule.doc


def test_builtin_rules_take_chinese_from_the_data_file():
    rule = load_rules().rules["OUT001"]
    zh, en = rule.doc_for("zh"), rule.doc_for("en")
    assert zh.what == builtin_translations()["OUT001"].what and CJK.search(zh.why)
    assert en.what == rule.doc.what and not en.what.startswith(zh.what[:10])


def test_every_builtin_rule_has_a_complete_chinese_doc():
    """what, why and standard translated; an example left to English must be plain Chinese text."""
    missing: dict[str, list[str]] = {}
    for code, rule in sorted(load_rules().rules.items()):
        layers = [layer for layer in (rule.doc_zh, builtin_translations().get(code)) if layer is not None]
        translated = {field for field in DOC_FIELDS if any(getattr(layer, field) for layer in layers)}
        gaps = [field for field in ("what", "why", "standard") if field not in translated]
        gaps += [
            field
            for field in ("wrong", "right")
            if field not in translated and ENGLISH_WORD.search(getattr(rule.doc, field))
        ]
        zh = rule.doc_for("zh")
        gaps += [field for field in ("what", "why", "wrong", "right", "standard") if not getattr(zh, field).strip()]
        if gaps:
            missing[code] = gaps
    assert not missing, (
        f"{len(missing)} rules lack Chinese documentation; write it in rules/{DOCS_ZH_FILE} "
        f"(or as doc-zh in the rule's pack): " + "; ".join(f"{c}: {', '.join(g)}" for c, g in missing.items())
    )


def test_translations_name_builtin_rules_only():
    codes = set(load_rules().rules)
    orphans = sorted(set(builtin_translations()) - codes)
    assert not orphans, f"rules/{DOCS_ZH_FILE} documents rules that do not exist: {orphans}"


def test_data_file_does_not_repeat_what_a_pack_doc_zh_says():
    """A pack's own doc-zh wins, so the same field in rules/docs-zh.yaml would be a stale copy."""
    rules = load_rules().rules
    shadowed = [
        f"{code}.{field}"
        for code, doc in builtin_translations().items()
        if rules[code].doc_zh
        for field in ("what", "why", "wrong", "right", "standard")
        if getattr(doc, field) and getattr(rules[code].doc_zh, field)
    ]
    assert not shadowed, f"given both in a pack's doc-zh and in rules/{DOCS_ZH_FILE} (remove the latter): {shadowed}"


def test_chinese_doc_scalars_are_not_folded():
    """YAML joins the lines of a folded or multi-line plain scalar with a space: 括注， “共3个 in Chinese."""
    import yaml

    def chinese_nodes(path: Path):
        top = {key.value: value for key, value in yaml.compose(path.read_text("utf-8")).value}
        if path.name == DOCS_ZH_FILE:
            mappings = list(top.values())
        else:
            rules = top["rules"].value if "rules" in top else []
            mappings = [value for rule in rules for key, value in rule.value if key.value == "doc-zh"]
        for mapping in mappings:
            for field, node in mapping.value:
                yield f"{path.name}:{node.start_mark.line + 1} {field.value}", node

    folded = [
        where
        for path in sorted(builtin_dir().glob("*.yaml"))
        if path.name != "units.yaml"
        for where, node in chinese_nodes(path)
        if node.style == ">" or (node.style is None and node.start_mark.line != node.end_mark.line)
    ]
    assert not folded, f"write Chinese documentation on one line (or with |): {folded}"


def test_translated_prose_is_chinese():
    for code, doc in builtin_translations().items():
        for field in ("what", "why", "standard"):
            text = getattr(doc, field)
            assert text is None or CJK.search(text), f"{code} doc-zh.{field} has no Chinese: {text!r}"


def test_rule_command_language_from_option_then_config(tmp_path):
    project = _house(tmp_path)
    zh = run(["rule", "HR001", "--config", ".gwlint.yaml"], project)
    assert zh.exit_code == 0 and "文中遗留“待定”。" in zh.stdout and "\n检查什么\n    " in zh.stdout
    en = run(["rule", "HR001", "--config", ".gwlint.yaml", "--lang", "en"], project)
    assert "An unfinished marker." in en.stdout and "文中遗留" not in en.stdout and "\nWhat\n    " in en.stdout
    _house(tmp_path, lang="en")
    assert "An unfinished marker." in run(["rule", "HR001", "--config", ".gwlint.yaml"], project).stdout
    assert "文中遗留" in run(["rule", "HR001", "--config", ".gwlint.yaml", "--lang", "zh"], project).stdout
    assert run(["rule", "HR001", "--lang", "fr"], project).exit_code == 2


def test_builtin_rule_command_and_listing_in_both_languages(tmp_path):
    translated = builtin_translations()["CNT001"].what  # long: piped output must carry all of it
    assert len(translated) > 200 and translated in run(["rule", "CNT001", "--lang", "zh"], tmp_path).stdout
    english = run(["rule", "CNT001", "--lang", "en"], tmp_path).stdout
    assert translated not in english and load_rules().rules["CNT001"].doc.what in english
    translated = builtin_translations()["OUT002"].what
    listed = {r["code"]: r for r in json.loads(run(["rules", "--format", "json", "--lang", "zh"], tmp_path).stdout)}
    assert listed["OUT002"]["summary"] == translated
    listed = {r["code"]: r for r in json.loads(run(["rules", "--format", "json", "--lang", "en"], tmp_path).stdout)}
    assert listed["OUT002"]["summary"] == load_rules().rules["OUT002"].doc.what


def test_unknown_doc_zh_field_names_the_pack_and_key(tmp_path):
    project = _house(tmp_path)
    (project / "house.yaml").write_text(
        HOUSE_PACK.replace("standard: 本单位公文规范", "basis: 本单位公文规范"), encoding="utf-8"
    )
    result = run(["rule", "HR001", "--config", ".gwlint.yaml"], project)
    assert result.exit_code == 2 and "house.yaml" in result.output and "basis" in result.output


def _python(script: str, cwd: Path, lint_from: Path) -> str:
    """The output of a fresh interpreter running SCRIPT with `lint` imported from LINT_FROM only."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GWLINT_") and k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(lint_from)
    return subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, env=env, check=True
    ).stdout


def test_checking_documents_never_reads_the_translations(tmp_path):
    (tmp_path / "a.txt").write_text("一、总体要求\n完成复垦X亩。\n三、保障措施\n", encoding="utf-8")
    script = (
        "import sys\nfrom typer.testing import CliRunner\nfrom lint.cli import app\n"
        "result = CliRunner().invoke(app, ['check', 'a.txt', '--no-cache'])\n"
        "print(result.exit_code, 'lint.rules.docs_zh' in sys.modules)\n"
    )
    out = _python(script, tmp_path, ROOT).split()
    assert out == ["1", "False"]


def test_data_file_ships_where_an_installed_package_finds_it(tmp_path):
    """Lay lint/ out as the wheel does (pyproject package-dir + package-data) and read a translation."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    source = ROOT / setuptools["package-dir"]["lint.packs"]
    patterns = setuptools["package-data"]["lint.packs"]
    assert source.resolve() == builtin_dir().resolve() and (source / DOCS_ZH_FILE).is_file()
    assert any(fnmatch(DOCS_ZH_FILE, pattern) for pattern in patterns)
    site = tmp_path / "site"
    shutil.copytree(ROOT / "lint", site / "lint", ignore=shutil.ignore_patterns("__pycache__"))
    (site / "lint" / "packs").mkdir()
    for path in source.iterdir():
        if path.name == "__init__.py" or any(fnmatch(path.name, p) for p in patterns):
            shutil.copy(path, site / "lint" / "packs" / path.name)
    script = (
        "from lint.rules.packs import builtin_dir, load_rules\n"
        "print(builtin_dir())\nprint(load_rules().rules['OUT001'].doc_for('zh').what)\n"
    )
    out = _python(script, tmp_path, site).splitlines()
    assert Path(out[0]) == site / "lint" / "packs"
    assert out[1] == builtin_translations()["OUT001"].what
