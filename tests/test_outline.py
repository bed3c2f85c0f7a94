"""The outline parser: seeds against hand-drawn trees, marker styles and widths, run-in items,
broken lines, numbers past 十, encodings, .docx numbering, and every corpus file."""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest
import yaml

from lint.document import load_bytes, load_text
from lint.document.model import DecodeError
from lint.outline import build_outline
from lint.outline.parser import _parse, scan_lines
from lint.analysis import Analysis
from tests.conftest import SEEDS, seed

FIXTURES = yaml.safe_load((Path(__file__).parent / "fixtures" / "outline_seeds.yaml").read_text("utf-8"))


def analyse(text: str, path: str = "t.txt"):
    doc = load_text(text, path)
    return doc, Analysis(doc).outline


def kind_of(text: str) -> str:
    return Analysis(load_text(text, "t.txt")).kind


def _check_node(node, spec) -> None:
    if isinstance(spec, str):
        spec = {"node": spec}
    line, marker, title = spec["node"].split(" ", 2)
    assert (node.line, node.marker) == (int(line), marker), (spec, node.line, node.marker, node.title)
    assert node.title == title, (node.title, title)
    marked = [c for c in node.children if c.style != "inline-cn"]
    runin = [c for c in node.children if c.style == "inline-cn"]
    assert len(marked) == len(spec.get("children", [])), (spec["node"], [c.marker for c in marked])
    for child, child_spec in zip(marked, spec.get("children", [])):
        _check_node(child, child_spec)
    if "runin" in spec:
        runin_line, count = spec["runin"]
        assert [c.number for c in runin] == list(range(1, count + 1)), spec["node"]
        assert {c.line for c in runin} == {runin_line}
    elif "children_lines" in spec:
        assert [c.line for c in runin] == spec["children_lines"]
        assert [c.number for c in runin] == list(range(1, len(spec["children_lines"]) + 1))
    else:
        assert not runin, (spec["node"], [c.marker for c in runin])


@pytest.mark.parametrize("prefix", sorted(FIXTURES))
def test_seed_outline_matches_hand_drawn_tree(prefix):
    expected = FIXTURES[prefix]
    doc = load_bytes(seed(prefix).read_bytes(), str(seed(prefix)))
    analysis = Analysis(doc)
    outline = analysis.outline
    assert analysis.kind == expected["kind"]
    if "title" in expected:
        assert doc.title == expected["title"]
    for key, value in expected.get("header", {}).items():
        assert doc.header.to_dict()[key] == value
    roots = [n for n in outline.roots]
    assert len(roots) == len(expected["nodes"]), [n.marker for n in roots]
    for node, spec in zip(roots, expected["nodes"]):
        _check_node(node, spec)
        assert node.level == 1


def test_notice_header_fully_recognised():
    doc = load_bytes(seed("001").read_bytes(), "001.txt")
    header = doc.header
    assert header.issuer_line == 3 and header.doc_number_line == 5
    assert header.title == "关于印发《2022年嘉兴市自然资源和规划 工作要点》的通知"
    assert header.addressee.startswith("各县（市、区）") and header.addressee_line == 9
    assert header.signatory == "嘉兴市自然资源和规划局" and header.date_line == 15
    assert header.printed == "嘉兴市自然资源和规划局办公室 2022年3月2日印发"
    assert header.body_start_line == 17


@pytest.mark.parametrize(
    "marker,style,number",
    [
        ("一、", "cn-dun", 1),
        ("十一、", "cn-dun", 11),
        ("二十三、", "cn-dun", 23),
        ("（一）", "cn-paren", 1),
        ("(一)", "cn-paren", 1),
        ("（十二）", "cn-paren", 12),
        ("1.", "arabic-dot", 1),
        ("1．", "arabic-dot", 1),
        ("12.", "arabic-dot", 12),
        ("１.", "arabic-dot", 1),
        ("1、", "arabic-dun", 1),
        ("99、", "arabic-dun", 99),
        ("（1）", "arabic-paren", 1),
        ("(1)", "arabic-paren", 1),
        ("（15）", "arabic-paren", 15),
        ("⑴", "arabic-paren", 1),
        ("①", "circled", 1),
        ("⑳", "circled", 20),
    ],
)
def test_marker_styles_and_widths(marker, style, number):
    _, outline = analyse(f"{marker}加强耕地保护\n正文内容。\n")
    node = outline.roots[0]
    assert (node.style, node.number, node.marker, node.title) == (style, number, marker, "加强耕地保护")


@pytest.mark.parametrize(
    "line",
    [
        "2022年完成土地供应12宗。",
        "18个项目已开工。",
        "1.5万亩耕地完成整治。",
        "二、三产业协调发展。",
        "一、二等奖各一名。",
        "6、7月份完成验收。",
        "2023-2027年全市谋划实施项目50个。",
    ],
)
def test_lines_that_merely_start_with_a_number_are_not_markers(line):
    _, outline = analyse(line + "\n")
    assert list(outline.walk()) == []


def test_nesting_follows_gb9704_order_and_records_skips_and_inversions():
    text = "一、总体要求\n1.加强领导\n（一）倒置的层级\n（1）细目\n二、主要任务\n（一）任务一\n1.措施\n"
    _, outline = analyse(text)
    first, second = outline.roots
    assert [c.marker for c in first.children] == ["1."]  # 一、→1. skips （一）: kept as written
    assert [c.marker for c in first.children[0].children] == ["（一）"]  # inverted level stays nested
    assert second.children[0].marker == "（一）" and second.children[0].children[0].marker == "1."
    assert [n.level for n in outline.walk()] == [1, 2, 3, 4, 1, 2, 3]


BULLETIN_END = "一、综合\n全年地区生产总值100亿元。\n二、资源和环境保护\n全年能源消费总量50万吨。\n"


@pytest.mark.parametrize(
    "notes",
    [
        "注释：\n1.本公报中数据均为初步统计数。\n2.地区生产总值按现价计算。\n",
        "注：1.本公报中数据均为初步统计数。\n2.地区生产总值按现价计算。\n",
        "1、地区生产总值按现价计算。\n2、本公报中数据均为初步统计数。\n",
    ],
)
def test_notes_after_the_last_section_are_not_outline_items(notes):
    _, outline = analyse(BULLETIN_END + notes)
    assert [(n.marker, n.children) for n in outline.walk()] == [("一、", []), ("二、", [])]
    assert outline.notes and outline.notes[0].first_line == 5
    assert all(paragraph.node is None for paragraph in outline.notes)


def test_outline_command_shows_where_the_notes_are(tmp_path):
    from typer.testing import CliRunner

    from lint.cli import app

    path = tmp_path / "bulletin.txt"
    path.write_text(BULLETIN_END + "注释：\n1.本公报中数据均为初步统计数。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["outline", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["notes"] == {"first_line": 5, "last_line": 6}
    text = CliRunner().invoke(app, ["outline", str(path)])
    assert "notes: L5–L6 (not outline items)" in text.stdout


def test_a_note_under_a_table_inside_the_body_keeps_the_items_after_it():
    text = (
        "一、综合\n（一）投资\n表格。\n注：投资只统计子基金。\n（二）建设\n内容。\n二、保障\n"
        "（一）领导\n内容。\n（二）本公报中的措施\n内容。\n"
    )
    _, outline = analyse(text)
    assert [n.marker for n in outline.walk()] == ["一、", "（一）", "（二）", "二、", "（一）", "（二）"]
    assert outline.notes == []


def test_document_may_start_at_any_level():
    _, outline = analyse("1.第一项工作。\n2.第二项工作。\n3.第三项工作。\n")
    assert [(n.marker, n.level) for n in outline.roots] == [("1.", 1), ("2.", 1), ("3.", 1)]


def test_heading_run_into_paragraph_takes_text_up_to_first_full_stop():
    _, outline = analyse("（二）突出生态导向，强化保护修复。坚决贯彻落实耕地保护政策。\n")
    node = outline.roots[0]
    assert node.title == "突出生态导向，强化保护修复" and node.run_in


def test_run_in_items_restart_per_paragraph_and_are_children():
    text = "（一）规划\n一是编制规划。二是审批规划。\n（二）保护\n一是耕地保护；二是执法；三是修复。\n"
    _, outline = analyse(text)
    first, second = outline.roots
    assert [(c.style, c.number) for c in first.children] == [("inline-cn", 1), ("inline-cn", 2)]
    assert [c.number for c in second.children] == [1, 2, 3]
    assert second.children[1].title == "执法"


def test_lone_shi_words_are_not_run_in_items():
    _, outline = analyse("这一是非问题要说清楚。关键一是要落实。\n")
    assert list(outline.walk()) == []


def test_lines_broken_mid_sentence_are_joined_back():
    text = (
        "一、主要目标\n\n全市耕地面积不低于省下达的保护任务，新增建设用地指标争取达到一万亩以上，并且年度供应国有土\n\n"
        "地总量四万亩以上。\n二、重点工作\n"
    )
    doc, outline = analyse(text)
    paragraph = outline.roots[0].body[0]
    assert paragraph.text.endswith("年度供应国有土地总量四万亩以上。")
    assert paragraph.first_line == 3 and paragraph.last_line == 5
    index = paragraph.text.index("地总量")
    assert doc.line_col(paragraph.doc_offset(index)) == (5, 1)
    assert [n.marker for n in outline.roots] == ["一、", "二、"]


def test_heading_broken_over_two_lines_is_one_heading():
    text = "（四）聚焦“惠民生”，着力构建“利民为本”的共治\n\n共享体系\n\n1. 健全体系。\n"
    _, outline = analyse(text)
    node = outline.roots[0]
    assert node.title == "聚焦“惠民生”，着力构建“利民为本”的共治共享体系"
    assert [c.marker for c in node.children] == ["1."]


def test_short_unpunctuated_lines_are_not_joined():
    doc, outline = analyse("锚定新征程 功到“自然”成\n——2020年亮点工作回眸\n正文第一段。\n")
    assert doc.title == "锚定新征程 功到“自然”成"  # the title is not a body paragraph
    assert [p.text for p in outline.paragraphs] == ["——2020年亮点工作回眸", "正文第一段。"]


TEXT = "2022年工作要点\n一、总体要求\n（一）指导思想\n1.加强领导。\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "gbk", "crlf", "cr"],
)
def test_encodings_and_line_endings_give_the_same_outline(encode):
    doc = load_bytes(encode(TEXT), "t.txt")
    outline = build_outline(doc)
    assert [(n.marker, n.line) for n in outline.walk()] == [("一、", 2), ("（一）", 3), ("1.", 4)]
    assert doc.title == "2022年工作要点"


def test_binary_and_undecodable_input_raise_decode_error_with_a_reason():
    with pytest.raises(DecodeError, match="binary"):
        load_bytes(b"\x00\x01\x02PK\x00\x00" * 50, "x.txt")
    with pytest.raises(DecodeError, match="line 2"):
        load_bytes("第一行\n".encode("utf-8") + b"\xff\xfe\xfa\xfb\x80\x81 abc \xc3\x28" * 3, "x.txt")


def test_docx_with_automatic_numbering_gives_the_outline():
    from tests.test_docx import gongwen_document, numbered, to_bytes

    document = gongwen_document()
    document.add_paragraph("2024年工作要点")
    numbered(
        document, [(0, "总体要求"), (1, "指导思想"), (2, "加强组织领导。"), (2, "强化责任落实。"), (0, "主要目标")]
    )
    doc = load_bytes(to_bytes(document), "plan.docx", "docx")
    outline = build_outline(doc)
    assert [(n.marker, n.level, n.line) for n in outline.walk()] == [
        ("一、", 1, 2),
        ("（一）", 2, 3),
        ("1.", 3, 4),
        ("2.", 3, 5),
        ("二、", 1, 6),
    ]
    assert doc.source_format == "docx" and doc.title == "2024年工作要点"


def test_outline_json_command(tmp_path):
    from typer.testing import CliRunner

    from lint.cli import app

    result = CliRunner().invoke(app, ["outline", str(seed("004")), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "summary" and data["version"] == 1
    assert [n["marker"] for n in data["nodes"]] == ["一、", "二、", "三、"]
    assert data["nodes"][1]["children"][0] == {
        "level": 2,
        "style": "arabic-dot",
        "marker": "1.",
        "number": 1,
        "title": "保障发展与保护耕地矛盾越发凸显",
        "line": 9,
        "column": 1,
        "children": [],
    }


def test_every_corpus_file_parses(corpus_files):
    for path in corpus_files:
        doc = load_bytes(path.read_bytes(), str(path))
        for node in Analysis(doc).outline.walk():
            assert 1 <= node.line <= doc.line_count
            assert doc.text[node.start : node.marker_end].strip() in node.marker or node.style == "inline-cn"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("各市（州）、县（市、区）人民政府：\n现就有关工作通知如下。\n一、各地自查\n二、部门自查\n", "notice"),
        ("2023年工作总结\n一、主要成效\n二、存在问题\n三、下步打算\n", "summary"),
        ("2024年工作要点\n一、总体要求\n二、主要目标\n三、重点任务\n", "plan"),
        ("2024年政府工作报告\n一、过去一年工作回顾\n", "report"),
        ("锚定新征程\n记者 某某\n正文一段。\n", "article"),
    ],
)
def test_document_kind_detection(text, kind):
    assert kind_of(text) == kind


def test_a_speech_opening_is_not_an_addressee():
    assert kind_of("各位代表：\n现在，我代表政府作报告。\n一、过去一年工作回顾\n二、今年工作安排\n") != "notice"


def test_only_lines_that_may_hold_a_marker_are_parsed_yet_every_line_reads_as_the_grammar_reads_it():
    """scan_lines hands the grammar only the lines that may open with a marker or a Markdown
    prefix; every record is the one a parse of the whole text gives (offsets included)."""
    pieces = ["一、", "（一）", "1.", "1、", "（1）", "①", "⑴", "## ", "#######", " ", "\u3000", "\u00a0", "\t"]
    pieces += ["\n", "\n", "工作要点", "二，", "一二三四五、", "10.5亿元", "(2)", "１．", "十、", "第一", "abc"]
    rng = random.Random(15)
    texts = ["", "\n", "\n\n一、总体要求\n"] + [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 14))) for _ in range(3000)]
    for text in texts:
        assert scan_lines(text) == _parse(text), text
