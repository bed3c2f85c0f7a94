"""`gwlint review`: findings as Word comments on the right text, safe fixes as tracked changes."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from lxml import etree
from typer.testing import CliRunner

from lint.cli import app
from lint.document import load_bytes
from lint.document.docx import docx_lines
from lint.engine import Engine, Overrides
from lint.review.command import review_bytes
from lint.review.textdocx import LayoutSpec, text_to_docx
from lint.runner import fix_file

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NOTICE = """嘉兴市自然资源和规划局文件
嘉自然资规发〔2022〕24号
关于做好2022年耕地保护工作的通知
各县（市、区）自然资源局:
为做好今年耕地保护工作,现将有关事项通知如下。
一、总体要求
坚持最严格的耕地保护制度,落实"长牙齿"的硬措施。
（一）加强组织领导。各地要高度重视。
1.明确责任。压实属地责任。
2.强化考核。将耕地保护纳入年度考核(每季度一次)。
（二）严格用途管制。严禁违规占用耕地绿化造林。
二、主要任务
（一）全面完成补充耕地任务。全年补充耕地X亩。
（二）推进永久基本农田建设。完成高标准农田建设任务。
三、保障措施
各地要加强督促检查，确保各项任务落到实处。
附件：耕地保护目标责任表
嘉兴市自然资源和规划局
2022年3月2日
抄送：市政府办公室
嘉兴市自然资源和规划局办公室                2022年3月2日印发
"""


def _engine() -> Engine:
    return Engine(overrides=Overrides(kind="notice"))


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _anchored_texts(data: bytes) -> dict[str, str]:
    """comment id → the original text between its range marks (deleted text counts, inserted
    text does not)."""
    body = _part(data, "word/document.xml")
    open_ids: set[str] = set()
    texts: dict[str, str] = {}
    for element in body.iter():
        tag = element.tag
        if tag == W + "commentRangeStart":
            open_ids.add(element.get(W + "id"))
            texts.setdefault(element.get(W + "id"), "")
        elif tag == W + "commentRangeEnd":
            open_ids.discard(element.get(W + "id"))
        elif tag in (W + "t", W + "delText") and not any(a.tag == W + "ins" for a in element.iterancestors()):
            for comment_id in open_ids:
                texts[comment_id] += element.text or ""
        elif tag == W + "p":
            pass
    return texts


def _comments(data: bytes) -> dict[str, tuple[str, str]]:
    out = {}
    for comment in _part(data, "word/comments.xml").iter(W + "comment"):
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p"))
        out[comment.get(W + "id")] = (comment.get(W + "author"), text)
    return out


def _accept_all(data: bytes) -> bytes:
    """Accept every tracked change: drop w:del with its content, keep w:ins's content."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    root = etree.fromstring(members["word/document.xml"])
    for deleted in list(root.iter(W + "del")):
        deleted.getparent().remove(deleted)
    for inserted in list(root.iter(W + "ins")):
        parent = inserted.getparent()
        index = parent.index(inserted)
        for child in reversed(list(inserted)):
            parent.insert(index, child)
        parent.remove(inserted)
    members["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _expected_anchor(doc, d) -> str:
    if (d.end_line, d.end_column) > (d.line, d.column):
        return doc.text[d.start : d.end]
    return doc.text[d.start - 1 : d.start]  # a missing mark: the character before it


def test_every_finding_is_a_comment_on_exactly_its_text():
    outcome = review_bytes(NOTICE.encode(), "notice.txt", "txt", _engine())
    doc = load_bytes(NOTICE.encode(), "notice.txt", "txt")
    findings = outcome.result.diagnostics
    assert len(findings) >= 6 and outcome.comments == len(findings)
    anchored = _anchored_texts(outcome.data)
    comments = _comments(outcome.data)
    assert len(comments) == len(findings)
    for index, finding in enumerate(findings):
        author, text = comments[str(index)]
        assert author == "gwlint"
        assert text.startswith(f"[{finding.code}] {finding.message}")
        assert anchored[str(index)] == _expected_anchor(doc, finding), finding
        if finding.fix is not None:
            assert "\n建议：" in text


def test_safe_fixes_are_tracked_changes_and_accepting_them_equals_fix(tmp_path: Path):
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE, encoding="utf-8")
    engine = _engine()
    _result, _before, fixed = fix_file(source, "notice.txt", engine, write=False)
    outcome = review_bytes(source.read_bytes(), "notice.txt", "txt", engine)
    body = _part(outcome.data, "word/document.xml")
    changes = list(body.iter(W + "ins")) + list(body.iter(W + "del"))
    assert changes and {c.get(W + "author") for c in changes} == {"gwlint"}
    assert outcome.changes >= 5
    accepted = "\n".join(docx_lines(_accept_all(outcome.data)))
    assert fixed is not None and accepted == fixed == outcome.fixed_text
    assert source.read_text(encoding="utf-8") == NOTICE  # the input is never touched


def _png() -> bytes:
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def _rich_document() -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料"
    document.add_paragraph("关于做好耕地保护工作的通知")
    kept = document.add_paragraph("这一段没有问题。")
    kept.runs[0].bold = True
    target = document.add_paragraph("各地要高度重视")
    target.add_run(",明确责任。")  # the finding starts in the second run
    document.add_paragraph("第一项任务。", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "补充耕地"
    table.cell(0, 1).text = "X亩"
    document.add_picture(io.BytesIO(_png()))
    document.add_comment(kept.runs, text="已有批注", author="张三", initials="ZS")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_review_keeps_every_other_part_byte_for_byte():
    original = _rich_document()
    outcome = review_bytes(
        original, "rich.docx", "docx", Engine(overrides=Overrides(kind="notice", select=["PH", "PUNC"]))
    )
    assert outcome.comments >= 2 and outcome.changes >= 1
    changed = {"word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}
    with zipfile.ZipFile(io.BytesIO(original)) as before, zipfile.ZipFile(io.BytesIO(outcome.data)) as after:
        assert set(before.namelist()) <= set(after.namelist())
        for name in before.namelist():
            if name not in changed:
                assert before.read(name) == after.read(name), name
    comments = _comments(outcome.data)
    assert ("张三", "已有批注") in comments.values()
    lines_before = docx_lines(original)
    lines_after = docx_lines(_accept_all(outcome.data))
    assert lines_after[1] == lines_before[1] and lines_after[3] == lines_before[3]  # numbering kept
    assert lines_after[4] == lines_before[4] == "补充耕地\tX亩"  # table kept
    assert lines_after[2] == "各地要高度重视，明确责任。"


def test_runs_are_split_only_where_a_finding_begins_or_ends():
    original = _rich_document()
    outcome = review_bytes(original, "rich.docx", "docx", Engine(overrides=Overrides(kind="notice", select=["PH"])))
    before = _part(original, "word/document.xml").find(W + "body")
    after = _part(outcome.data, "word/document.xml").find(W + "body")
    untouched = [etree.tostring(p) for p in before.iter(W + "p")][:4]
    assert [etree.tostring(p) for p in after.iter(W + "p")][:4] == untouched
    cell = after.findall(f"{W}tbl/{W}tr/{W}tc")[1]
    runs = ["".join(t.text for t in r.iter(W + "t")) for r in cell.iter(W + "r")]
    assert runs == ["X", "", "亩"]  # the finding, the comment reference, the rest


def test_layout_findings_are_comments_too():
    spec = LayoutSpec.model_validate({"body": {"font": "宋体"}})
    data = text_to_docx(NOTICE, "notice.txt", spec)
    outcome = review_bytes(data, "notice.docx", "docx", Engine(overrides=Overrides(kind="notice", select=["LAY"])))
    (finding,) = outcome.result.diagnostics
    assert finding.code == "LAY004"
    assert _anchored_texts(outcome.data)["0"] == NOTICE.splitlines()[4]


def test_cli_writes_a_copy_and_refuses_to_overwrite_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    data = _rich_document()
    (tmp_path / "rich.docx").write_bytes(data)
    refused = CliRunner().invoke(app, ["review", "rich.docx", "-o", "rich.docx"])
    assert refused.exit_code == 2 and "overwrite" in refused.output
    done = CliRunner().invoke(app, ["review", "rich.docx", "--kind", "notice"])
    assert done.exit_code == 1  # the X placeholder is an error
    assert (tmp_path / "rich.docx").read_bytes() == data
    reviewed = (tmp_path / "rich.reviewed.docx").read_bytes()
    assert _comments(reviewed) and not list(tmp_path.glob(".gwlint-*"))


def test_repeats_on_a_line_are_one_comment_as_check_reports_them():
    text = "关于做好耕地保护工作的通知\n全年补充耕地X亩、X亩和X亩。\n"
    outcome = review_bytes(text.encode(), "n.txt", "txt", Engine(overrides=Overrides(kind="notice", select=["PH001"])))
    (finding,) = outcome.result.diagnostics
    assert outcome.comments == 1 and len(finding.related) == 2
    assert _anchored_texts(outcome.data) == {"0": "X"}


def test_fixes_that_show_only_after_an_earlier_fix_are_tracked_too(tmp_path: Path):
    # ",，": the first pass makes it "，，", the second drops the doubled mark (as --fix does).
    text = "关于做好耕地保护工作的通知\n各地要高度重视,，明确责任。\n"
    source = tmp_path / "n.txt"
    source.write_text(text, encoding="utf-8")
    engine = _engine()
    _result, _before, fixed = fix_file(source, "n.txt", engine, write=False)
    outcome = review_bytes(text.encode(), "n.txt", "txt", engine)
    assert outcome.changes == 2
    assert (
        "\n".join(docx_lines(_accept_all(outcome.data)))
        == fixed
        == "关于做好耕地保护工作的通知\n各地要高度重视，明确责任。\n"
    )


def test_later_edits_move_back_onto_the_original_text_or_are_left_out():
    from lint.review.writer import LineEdit as E
    from lint.review.writer import onto_original

    earlier = [E(1, 1, 2, "XY"), E(1, 4, 4, "Z")]  # "abcdef" → "aXYcdZef"
    assert onto_original(earlier, [E(1, 3, 4, "")]) == [E(1, 2, 3, "")]  # c
    assert onto_original(earlier, [E(1, 6, 7, "E")]) == [E(1, 4, 5, "E")]  # e
    assert onto_original(earlier, [E(1, 1, 2, "")]) == []  # inside XY
    assert onto_original(earlier, [E(1, 6, 6, "!")]) == []  # against Z
    assert onto_original(earlier, [E(2, 0, 1, "")]) == [E(2, 0, 1, "")]  # another line


def test_finding_on_word_numbering_is_a_comment_on_its_paragraph_not_a_change():
    from tests.test_docx import _abstract_num, _num, add_numbering, set_numpr

    document = docx.Document()
    document.add_paragraph("关于做好耕地保护工作的通知")
    add_numbering(document, _abstract_num(77, [("decimal", "%1、")]), _num(77, 77))
    for text in ("明确责任。", "强化考核。"):  # Word shows "1、明确责任。": the marker is numbering
        set_numpr(document.add_paragraph(text), 77, 0)
    out = io.BytesIO()
    document.save(out)
    outcome = review_bytes(
        out.getvalue(), "n.docx", "docx", Engine(overrides=Overrides(kind="notice", select=["OUT006"]))
    )
    assert [(d.line, d.column, d.fix is not None) for d in outcome.result.diagnostics] == [(2, 1, True), (3, 1, True)]
    assert _anchored_texts(outcome.data) == {"0": "明确责任。", "1": "强化考核。"}
    assert outcome.changes == 0 and outcome.fixed_text == "关于做好耕地保护工作的通知\n1、明确责任。\n2、强化考核。"


def test_accepting_changes_in_a_reviewed_docx_equals_fix_on_its_text(tmp_path: Path):
    original = _rich_document()
    engine = Engine(overrides=Overrides(kind="notice"))
    as_text = tmp_path / "rich.txt"
    as_text.write_text("\n".join(docx_lines(original)), encoding="utf-8")
    _result, _before, fixed = fix_file(as_text, "rich.txt", engine, write=False)
    outcome = review_bytes(original, "rich.docx", "docx", engine)
    assert fixed is not None and outcome.changes >= 1
    assert "\n".join(docx_lines(_accept_all(outcome.data))) == fixed
