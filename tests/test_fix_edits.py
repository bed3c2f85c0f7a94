"""A fix is a list of small edits, one per changed mark, and every surface shows exactly those.

A line with three half-width commas is one PUNC001 finding whose fix is three edits of one
character each: in the JSON, the SARIF replacements, the reviewdog suggestions, the HTML
建议修改, the editor's quick fix and the tracked changes of `gwlint review`; and applying the
fixes takes each finding whole, in an order that does not depend on how the findings came in.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from lint.config import Settings
from lint.diagnostics import Diagnostic, Edit, Fix, Severity
from lint.document import load_text
from lint.edits import describe, split_edit
from lint.engine import Engine, Overrides
from lint.fix import apply_fixes

LINE = "全年完成供地12宗,工业用地8宗,商服用地4宗,住宅用地0宗。"
TEXT = "关于2024年工作的总结\n" + LINE + "\n"
COMMAS = [index + 1 for index, ch in enumerate(LINE) if ch == ","]  # 1-based columns
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check(tmp_path: Path, fmt: str) -> str:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", str(tmp_path / "doc.txt"), "--select", "PUNC001", "--format", fmt, "--no-cache", "--exit-zero"]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_fix_is_one_edit_per_comma(tmp_path: Path) -> None:
    data = json.loads(_check(tmp_path, "json"))
    assert data["version"] == 2
    (finding,) = data["files"][0]["diagnostics"]  # one finding for the line, not three
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, COMMAS[0], COMMAS[0] + 1)
    assert finding["fix"] == {
        "applicability": "safe",
        "message": "“,”→“，”（3处）",
        "edits": [
            {"replacement": "，", "line": 2, "column": column, "end_line": 2, "end_column": column + 1}
            for column in COMMAS
        ],
    }


def test_json_output_validates_against_the_shipped_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[1] / "lint" / "report" / "schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(_check(tmp_path, "json")), schema)


def test_sarif_has_one_replacement_per_comma_in_one_change(tmp_path: Path) -> None:
    data = json.loads(_check(tmp_path, "sarif"))
    (result,) = data["runs"][0]["results"]
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert [(r["deletedRegion"], r["insertedContent"]["text"]) for r in change["replacements"]] == [
        ({"startLine": 2, "startColumn": column, "endLine": 2, "endColumn": column + 1}, "，") for column in COMMAS
    ]
    assert fix["description"]["text"] == "“,”→“，”（3处）"


def test_rdjson_has_one_suggestion_per_comma(tmp_path: Path) -> None:
    (diagnostic,) = json.loads(_check(tmp_path, "rdjson"))["diagnostics"]
    starts = [len(LINE[: column - 1].encode("utf-8")) + 1 for column in COMMAS]  # reviewdog counts bytes
    assert [
        (s["range"]["start"]["column"], s["range"]["end"]["column"], s["text"]) for s in diagnostic["suggestions"]
    ] == [(start, start + 1, "，") for start in starts]


def test_html_shows_each_comma_change_not_the_paragraph(tmp_path: Path) -> None:
    report = _check(tmp_path, "html")
    fix = report[report.index('<div class="fix">') :]
    fix = fix[: fix.index("</div>")]
    assert fix.count("<del>,</del><ins>，</ins>") == 3
    assert fix.count("<del>") == 3 and fix.count("<li>") == 3


def test_full_names_the_change_and_where(tmp_path: Path) -> None:
    out = _check(tmp_path, "full")
    assert f"fix: “,”→“，”（3处） @ {' '.join(f'2:{c}' for c in COMMAS)}" in out


def test_review_tracks_one_change_per_comma(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    from lint.review.command import review_bytes

    engine = Engine(Settings(select=["PUNC001"]), Overrides())
    outcome = review_bytes(TEXT.encode("utf-8"), "doc.txt", "txt", engine)
    with zipfile.ZipFile(io.BytesIO(outcome.data)) as archive:
        from lxml import etree

        body = etree.fromstring(archive.read("word/document.xml"))
    deleted = ["".join(t.text or "" for t in d.iter(W + "delText")) for d in body.iter(W + "del")]
    inserted = ["".join(t.text or "" for t in i.iter(W + "t")) for i in body.iter(W + "ins")]
    assert deleted == [","] * 3 and inserted == ["，"] * 3
    assert outcome.changes == 3 and outcome.fixed_text.split("\n")[1] == LINE.replace(",", "，")


# -- applying ---------------------------------------------------------------------------------------
def _finding(code: str, column: int, *edits: tuple[int, int, str]) -> Diagnostic:
    """A finding on line 1 whose fix replaces [start, end) columns of line 1 by text."""
    return Diagnostic(
        code=code,
        name="x",
        severity=Severity.WARNING,
        message="m",
        line=1,
        column=column,
        end_line=1,
        end_column=column + 1,
        fix=Fix(tuple(Edit(text, 1, start, 1, end) for start, end, text in edits)),
    )


def test_a_fix_is_applied_whole_or_waits_and_the_order_of_findings_does_not_matter() -> None:
    doc = load_text("a,b,c;d", "x.txt")
    first = _finding("X001", 2, (2, 3, "，"), (4, 5, "，"))
    clashing = _finding("X002", 4, (4, 6, "、"), (6, 7, "；"))  # overlaps the first's second edit
    shared = _finding("X003", 6, (6, 7, "；"))  # the same edit as the clashing one's second
    for order in ([first, clashing, shared], [shared, clashing, first], [clashing, shared, first]):
        assert apply_fixes(doc, order) == "a，b，c；d"  # X002 waits whole for the next pass


def test_two_insertions_at_one_point_are_not_both_applied() -> None:
    doc = load_text("ab", "x.txt")
    one, other = _finding("X001", 2, (2, 2, "1")), _finding("X002", 2, (2, 2, "2"))
    assert apply_fixes(doc, [other, one]) == apply_fixes(doc, [one, other]) == "a1b"


def test_a_rule_s_replacement_becomes_the_edits_that_change_something() -> None:
    assert split_edit("x[2022]y", 1, 7, "〔2022〕") == [(1, 2, "〔"), (6, 7, "〕")]
    assert split_edit("2022-03-02", 0, 10, "2022年3月2日") == [(4, 6, "年"), (7, 9, "月"), (10, 10, "日")]
    assert split_edit("完成时间待定", 4, 6, "已定") == [(4, 6, "已定")]  # a word stays a word
    assert split_edit("甲乙", 0, 2, "甲乙") == []


def test_a_fix_is_described_by_what_changes() -> None:
    assert describe([(",", "，")] * 3 + [("(", "（"), (")", "）")]) == "“,”→“，”（3处）；“(”→“（”；“)”→“）”"
    assert describe([(" ", "")] * 2, "en") == "delete space (2 places)"
    assert describe([("", "%")]) == "插入“%”"
