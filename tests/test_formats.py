"""CI report formats: sarif, github, gitlab, junit, rdjson, html.

Golden checks use the small synthetic document of tests/workflow_support.py (never the seeds);
expected positions are worked out from that text here, not taken from the formatter.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lint.cli import app
from lint.diagnostics import Diagnostic, Edit, FileResult, Fix, Related, Severity
from lint.report import ReportMeta, render
from tests.conftest import SCHEMAS
from tests.workflow_support import CLEAN, DOCUMENT, write_project

FORMATS = ("sarif", "github", "gitlab", "junit", "rdjson", "html")
LINES = DOCUMENT.split("\n")


def _col(line: int, needle: str, nth: int = 0) -> int:
    """1-based code-point column of the nth ``needle`` on ``line`` of DOCUMENT."""
    text, start = LINES[line - 1], -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start + 1


# (code, line, column, end column) of every finding in DOCUMENT, in report order. The two 待定
# of line 4 are one finding: the second is its related location (one finding per rule and line).
# The two commas of line 3 are one finding too (HR002 groups by line), whose fix is two edits.
COMMAS = [_col(3, ","), _col(3, ",", 1)]
EXPECTED = [
    ("HR002", 3, COMMAS[0], COMMAS[1] + 1),
    ("HR001", 4, _col(4, "待定"), _col(4, "待定") + 2),
    ("HR003", 5, _col(5, "<b>"), _col(5, "</b>") + 4),
]
REPEAT_COLUMN = _col(4, "待定", 1)


def _check(root: Path, fmt: str, *paths: str) -> str:
    out = root / f"gwlint-report.{fmt}"
    result = CliRunner().invoke(
        app, ["check", *(paths or ("doc.txt",)), "--format", fmt, "--output", str(out), "--no-cache"]
    )
    assert result.exit_code == 1, result.output  # HR001 is an error
    return out.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    write_project(tmp_path, {"doc.txt": DOCUMENT, "clean.txt": CLEAN})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _meta() -> ReportMeta:
    return ReportMeta(version="0.0-test")


UNREADABLE = ("IO001", "unreadable-file")


def _one_error(
    path: str,
    text: str,
    message: str,
    columns: tuple[int, int] = (1, 1),
    rule: tuple[str, str] = ("HR001", "tbd-left"),
    kind: str = "summary",
) -> FileResult:
    """A file with one error on its line 1, from column COLUMNS[0] to COLUMNS[1], built by hand."""
    code, name = rule
    start, end = columns
    error = Diagnostic(code, name, Severity.ERROR, message, line=1, column=start, end_line=1, end_column=end)
    return FileResult(path=path, kind=kind, text=text, diagnostics=[error])


def _related_result() -> FileResult:
    """A finding with a related place and a fix, and one empty span, built by hand."""
    related = Diagnostic(
        code="SUM001",
        name="parts-exceed-total",
        severity=Severity.ERROR,
        message="分项之和14大于合计12",
        line=3,
        column=9,
        end_line=3,
        end_column=12,
        related=(Related("合计在此处", 3, 9),),
        fix=Fix((Edit("14宗", 3, 9, 3, 12),), message="“12宗”→“14宗”"),
    )
    empty = Diagnostic(
        code="SEC001",
        name="section-missing",
        severity=Severity.WARNING,
        message="缺少“下一步工作”部分",
        line=2,
        column=1,
        end_line=2,
        end_column=1,
    )
    return FileResult(path="doc.txt", kind="summary", diagnostics=[empty, related], text=DOCUMENT)


# -- SARIF ---------------------------------------------------------------------------------
def _sarif_validator():
    schema_path = SCHEMAS / "sarif-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("../shared/schemas/sarif-2.1.0.json is not present")
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft4Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def test_sarif_is_valid_against_the_official_schema(project):
    validator = _sarif_validator()
    documents = [
        json.loads(_check(project, "sarif", "doc.txt", "clean.txt")),
        json.loads(render("sarif", [_related_result()], _meta())),
        json.loads(render("sarif", [], _meta())),
    ]
    for data in documents:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_rules_and_results(project):
    data = json.loads(_check(project, "sarif"))
    run = data["runs"][0]
    assert data["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    hr001 = by_id["HR001"]
    assert hr001["name"] == "tbd-left"
    assert hr001["defaultConfiguration"]["level"] == "error"
    assert by_id["HR003"]["defaultConfiguration"]["level"] == "note"
    assert "Flags 待定 left in the text." in hr001["shortDescription"]["text"]
    assert "cannot be acted on" in hr001["fullDescription"]["text"]
    assert "完成时间为6月30日。" in hr001["help"]["text"]
    assert "完成时间待定。" in hr001["help"]["markdown"]

    results = run["results"]
    got = []
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "doc.txt"
        region = location["region"]
        assert region["startLine"] == region["endLine"]
        got.append((r["ruleId"], region["startLine"], region["startColumn"], region["endColumn"]))
    assert got == EXPECTED
    assert [r["level"] for r in results] == ["warning", "error", "note"]
    assert results[1]["message"]["text"] == "未完成的标记“待定”（本行共2处）"
    assert [rel["physicalLocation"]["region"] for rel in results[1]["relatedLocations"]] == [
        {"startLine": 4, "startColumn": REPEAT_COLUMN}
    ]
    assert results[0]["message"]["text"] == "汉字之间使用了半角逗号"
    (fix,) = results[0]["fixes"]
    assert fix["description"]["text"] == "“,”→“，”（2处）"
    (change,) = fix["artifactChanges"]  # one change of the file, one replacement per comma
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 3, "startColumn": column, "endLine": 3, "endColumn": column + 1},
            "insertedContent": {"text": "，"},
        }
        for column in COMMAS
    ]
    assert "fixes" not in results[1]


def test_sarif_related_locations():
    result = json.loads(render("sarif", [_related_result()], _meta()))["runs"][0]["results"][1]
    assert result["relatedLocations"] == [
        {
            "id": 1,
            "message": {"text": "合计在此处"},
            "physicalLocation": {"artifactLocation": {"uri": "doc.txt"}, "region": {"startLine": 3, "startColumn": 9}},
        }
    ]


def test_sarif_fingerprints_survive_lines_inserted_above(project):
    def fingerprints(report: str) -> list[str]:
        return [r["partialFingerprints"]["gwlint/v1"] for r in json.loads(report)["runs"][0]["results"]]

    before = fingerprints(_check(project, "sarif"))
    assert len(set(before)) == len(before) == 3
    (project / "doc.txt").write_text("前言一行。\n前言两行。\n" + DOCUMENT, encoding="utf-8")
    assert fingerprints(_check(project, "sarif")) == before
    # An edit right after the comma changes that finding's context, and only that finding's.
    (project / "doc.txt").write_text(DOCUMENT.replace("其中工业", "其中产业"), encoding="utf-8")
    after_edit = fingerprints(_check(project, "sarif"))
    assert after_edit[1:] == before[1:]
    assert after_edit[0] != before[0]


def test_sarif_uri_is_percent_encoded_and_relative():
    result = _one_error("报告 2024/doc.txt", "x", "m", columns=(1, 2))
    uri = json.loads(render("sarif", [result], _meta()))["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ]["uri"]
    assert uri == "%E6%8A%A5%E5%91%8A%202024/doc.txt"


# -- GitHub workflow commands ---------------------------------------------------------------
def test_github_commands(project):
    lines = _check(project, "github").splitlines()
    assert len(lines) == len(EXPECTED)
    code, line, col, end_col = EXPECTED[1]
    assert lines[1] == (
        f"::error file=doc.txt,line={line},col={col},endLine={line},endColumn={end_col},"
        f"title={code}::未完成的标记“待定”（本行共2处）%0Adoc.txt:4:{REPEAT_COLUMN}: 未完成的标记“待定”"
    )
    assert lines[0].startswith("::warning file=doc.txt,line=3,")
    assert lines[0].endswith("::汉字之间使用了半角逗号%0Afix: “,”→“，”（2处）")
    assert lines[2].startswith("::notice file=doc.txt,")


def test_github_escapes_data_and_properties():
    result = _one_error("a,b:c.txt", "完成率100%", "完成率100%\r\n下一步: 甲,乙", columns=(1, 3))
    assert render("github", [result], _meta()) == (
        "::error file=a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=3,title=HR001::完成率100%25%0D%0A下一步: 甲,乙\n"
    )


# -- GitLab Code Quality --------------------------------------------------------------------
def test_gitlab_code_quality(project):
    issues = json.loads(_check(project, "gitlab", "doc.txt", "clean.txt"))
    assert isinstance(issues, list) and len(issues) == len(EXPECTED)
    for issue, (code, line, _, _) in zip(issues, EXPECTED):
        assert issue["check_name"] == code
        assert issue["location"]["path"] == "doc.txt"
        assert issue["location"]["lines"]["begin"] == line
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["fingerprint"], str) and issue["fingerprint"]
    assert [i["severity"] for i in issues] == ["minor", "major", "info"]
    assert [i["categories"] for i in issues] == [["Style"], ["Style"], ["Style"]]  # HR: a user family
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert "未完成的标记“待定”" in issues[1]["description"]


# -- JUnit ----------------------------------------------------------------------------------
def test_junit_xml(project):
    root = ET.fromstring(_check(project, "junit", "doc.txt", "clean.txt"))
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"doc.txt", "clean.txt"}
    cases = suites["doc.txt"].findall("testcase")
    assert len(cases) == len(EXPECTED)
    # Only findings at or above --fail-on (error) fail; the warning and the info are skipped.
    assert [(case.find("failure") is not None, case.find("skipped") is not None) for case in cases] == [
        (False, True),
        (True, False),
        (False, True),
    ]
    assert cases[1].find("failure").get("type") == "HR001"
    assert (suites["doc.txt"].get("failures"), suites["doc.txt"].get("skipped")) == ("1", "2")
    info = cases[2].find("skipped")
    assert info.get("message") == 'info (below --fail-on error): 残留标记<b>&"强调"</b>'
    assert LINES[4] in info.text  # the source line, escaped and read back intact
    clean_cases = suites["clean.txt"].findall("testcase")
    assert len(clean_cases) == 1 and clean_cases[0].find("failure") is None
    assert (root.get("failures"), root.get("skipped")) == ("1", "2")


def test_junit_survives_characters_xml_cannot_carry():
    result = _one_error("a&b<c>.txt", "", "bad\x00byte\x0b]]>", rule=UNREADABLE)
    root = ET.fromstring(render("junit", [result], _meta()))
    failure = root.find("testsuite/testcase/failure")
    assert root.find("testsuite").get("name") == "a&b<c>.txt"
    assert failure.get("message").startswith("bad") and failure.get("message").endswith("]]>")


# -- reviewdog rdjson -----------------------------------------------------------------------
def _byte_col(line: int, column: int) -> int:
    return len(LINES[line - 1][: column - 1].encode("utf-8")) + 1


def test_rdjson_columns_are_utf8_bytes(project):
    data = json.loads(_check(project, "rdjson"))
    assert data["source"]["name"] == "gwlint"
    diagnostics = data["diagnostics"]
    assert len(diagnostics) == len(EXPECTED)
    for item, (code, line, col, end_col) in zip(diagnostics, EXPECTED):
        assert item["code"]["value"] == code
        assert item["location"]["path"] == "doc.txt"
        assert item["location"]["range"] == {
            "start": {"line": line, "column": _byte_col(line, col)},
            "end": {"line": line, "column": _byte_col(line, end_col)},
        }
    comma = diagnostics[0]
    # 全年完成土地供应 (8 × 3 bytes) + 12 (2) + 宗 (3) = 29 bytes before the first comma.
    assert comma["location"]["range"]["start"]["column"] == 30
    # One suggestion per comma, each one byte wide (the second after 其中工业用地8宗: 6 × 3 + 1 + 3).
    assert comma["suggestions"] == [
        {"range": {"start": {"line": 3, "column": column}, "end": {"line": 3, "column": column + 1}}, "text": "，"}
        for column in (30, 30 + 1 + 22)
    ]
    assert [d["severity"] for d in diagnostics] == ["WARNING", "ERROR", "INFO"]


def test_rdjson_counts_four_byte_characters():
    text = "𠀀待定"
    result = _one_error("x.txt", text, "m", columns=(2, 4))
    span = json.loads(render("rdjson", [result], _meta()))["diagnostics"][0]["location"]["range"]
    assert span == {"start": {"line": 1, "column": 5}, "end": {"line": 1, "column": 11}}


# -- HTML -----------------------------------------------------------------------------------
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class _Page(HTMLParser):
    """Collects what a reader sees: marks, hit lines, messages; checks tags are balanced."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.marks: list[str] = []
        self.hit_lines: list[str] = []
        self.messages: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self._capture: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.errors.append(f"external resource {attrs['src']}")
        if tag in VOID:
            return
        classes = (attrs.get("class") or "").split()
        key = "mark" if tag == "mark" else "hit" if "hit" in classes else "msg" if "msg" in classes else ""
        self.stack.append((tag, key))
        if key:
            self._capture[key] = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}>")
            return
        _, key = self.stack.pop()
        if key:
            text = "".join(self._capture.pop(key))
            {"mark": self.marks, "hit": self.hit_lines, "msg": self.messages}[key].append(text)

    def handle_data(self, data):
        for parts in self._capture.values():
            parts.append(data)


def _page(report: str) -> _Page:
    page = _Page()
    page.feed(report)
    page.close()
    assert not page.errors, page.errors[:5]
    assert not page.stack, page.stack
    return page


def test_html_report_shows_findings_and_marked_source(project):
    page = _page(_check(project, "html", "doc.txt", "clean.txt"))
    assert page.tags.isdisjoint({"script", "link", "img", "iframe"})
    assert all(href.startswith("#") for href in page.hrefs)
    spans = [LINES[line - 1][col - 1 : end - 1] for _, line, col, end in EXPECTED]
    assert page.marks == spans
    assert spans[2] == '<b>&"强调"</b>'  # markup from the document arrives as text
    for hit, (_, line, _, _) in zip(page.hit_lines, EXPECTED, strict=True):
        assert hit == f"{line}{LINES[line - 1]}"  # the line number, then the whole line
    assert page.messages == ["汉字之间使用了半角逗号", "未完成的标记“待定”（本行共2处）", '残留标记<b>&"强调"</b>']


def test_html_marks_multi_line_and_empty_spans():
    multi = Diagnostic(
        code="HR009",
        name="long-span",
        severity=Severity.WARNING,
        message="跨行",
        line=3,
        column=9,
        end_line=4,
        end_column=5,
    )
    result = _related_result()
    result.diagnostics.append(multi)
    page = _page(render("html", [result], _meta()))
    assert page.marks == ["", "12宗", LINES[2][8:], LINES[3][:4]]
    assert "合计在此处" in render("html", [result], _meta())


def test_every_format_renders_nothing_and_unreadable_files():
    unreadable = _one_error("broken.txt", "", "无法读取文件：binary", rule=UNREADABLE, kind="unknown")
    for fmt in FORMATS:
        assert isinstance(render(fmt, [], _meta()), str)
        assert "broken.txt" in render(fmt, [unreadable], _meta())


def test_html_documents_each_rule_once_and_links_findings_to_it(project):
    report = _check(project, "html", "doc.txt", "clean.txt")
    page = _page(report)
    codes = sorted({code for code, *_ in EXPECTED})
    for code in codes:
        assert report.count(f'id="rule-{code}"') == 1
        assert f'href="#rule-{code}"' in report
    assert all(href.startswith("#") for href in page.hrefs)


def test_gitlab_categories_by_rule_family():
    from lint.report.gitlab import category

    assert [category(code) for code in ("SUM001", "UNIT003", "CNT001", "PH001")] == ["Bug Risk"] * 4
    assert [category(code) for code in ("PUNC001", "NUM002", "FMT001", "META001")] == ["Style"] * 4
    assert category("OUT001") == "Clarity" and category("HR001") == "Style"  # a user family: style
