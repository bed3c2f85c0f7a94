"""A small house rule pack and document for the report, baseline and pre-commit tests, and a
helper that runs `gwlint check` in-process and returns (code, line, column) of its findings.

The tests select only these HR rules, so rules added to the shipped packs later cannot change
what they expect.
"""

from __future__ import annotations

from pathlib import Path

HOUSE_PACK = """\
pack: house
rules:
  - code: HR001
    name: tbd-left
    kind: pattern
    severity: error
    message: "未完成的标记“{match}”"
    message-en: "unfinished marker “{match}”"
    patterns: ['待定']
    doc:
      what: "Flags 待定 left in the text."
      why: "A document sent out with 待定 cannot be acted on."
      wrong: "完成时间待定。"
      right: "完成时间为6月30日。"
      standard: "house rule"
  - code: HR002
    name: ascii-comma-between-han
    kind: pattern
    severity: warning
    message: "汉字之间使用了半角逗号"
    patterns: ['(?<={HAN})(?P<flag>,)(?={HAN})']
    group: line
    fix: "，"
    doc:
      what: "A half-width comma between Chinese characters."
      why: "GB/T 15834 uses the full-width comma in Chinese text."
      wrong: "甲,乙"
      right: "甲，乙"
      standard: "GB/T 15834-2011"
  - code: HR003
    name: markup-left
    kind: pattern
    severity: info
    message: "残留标记{match}"
    patterns: ['<b>[^<]*</b>']
    doc:
      what: "HTML markup left in the text."
      why: "Markup <b> & quotes must reach every report escaped."
      wrong: 'a <b>"x"</b> b'
      right: "a x b"
      standard: "house rule"
"""

CONFIG = "packs: [house.yaml]\nselect: [HR]\n"

# Line 3 has 11 code points (29 UTF-8 bytes) before its first comma, and a second one: one finding
# whose fix is two edits of one character; line 5 carries markup and quotes.
DOCUMENT = """\
关于2024年工作的总结
一、主要工作
全年完成土地供应12宗,其中工业用地8宗,商服用地4宗。
完成时间待定，经费来源待定。
报告中<b>&"强调"</b>的部分。
"""

CLEAN = """\
关于2024年工作的总结
一、主要工作
全年完成土地供应12宗，其中工业用地8宗。
"""


def write_project(root: Path, documents: dict[str, str]) -> None:
    """A folder with the house pack, a config selecting it, and the given documents."""
    (root / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (root / ".gwlint.yaml").write_text(CONFIG, encoding="utf-8")
    for name, text in documents.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def findings_of(path: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding `gwlint check PATH -f json` reports, in this process
    (the configuration is discovered from the current folder)."""
    import json

    from typer.testing import CliRunner

    from lint.cli import app

    result = CliRunner().invoke(app, ["check", path, "-f", "json"], catch_exceptions=False)
    return [(d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)["files"][0]["diagnostics"]]
