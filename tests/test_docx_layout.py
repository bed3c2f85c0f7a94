"""The .docx layout facts (styles, fonts, page, page numbers) and the LAY rules on whole documents."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from lint.document import load_bytes, load_text
from lint.engine import Engine, Overrides
from lint.review.textdocx import LayoutSpec, text_to_docx

CORPUS_NOTICE = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "notice_guotu_wpzf_2012.txt"


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _east_asia(target, name: str) -> None:
    rpr = target.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def _lay(data: bytes, kind: str = "notice") -> list:
    doc = load_bytes(data, "doc.docx", "docx")
    engine = Engine(overrides=Overrides(select=["LAY"], kind=kind))
    return engine.lint(doc).diagnostics


def test_effective_font_comes_from_run_then_style_chain_then_defaults():
    document = docx.Document()
    styles = document.styles
    base = styles.add_style("GwBase", 1)
    _east_asia(base.element, "仿宋_GB2312")
    base.font.size = Pt(16)
    child = styles.add_style("GwChild", 1)
    child.base_style = base  # inherits the font and size through w:basedOn
    document.add_paragraph("正文继承样式字体。", style="GwChild")
    paragraph = document.add_paragraph("部分", style="GwChild")
    run = paragraph.add_run("楷体文字")
    _east_asia(run._r, "楷体_GB2312")
    document.add_paragraph("默认段落。")  # Normal → docDefaults → theme (宋体 for Hans)
    layout = load_bytes(_save(document), "d.docx", "docx").layout
    first, second, third = (layout.paragraphs[n] for n in (1, 2, 3))
    assert [(s.east_asia, s.size) for s in first.spans] == [("仿宋_GB2312", 32)]
    assert [(s.start, s.end, s.east_asia) for s in second.spans] == [(0, 2, "仿宋_GB2312"), (2, 6, "楷体_GB2312")]
    assert third.spans[0].east_asia == "宋体" and third.spans[0].size == 22


def test_page_setup_and_page_number_fields_are_read():
    data = text_to_docx("关于做好耕地保护工作的通知\n各地要高度重视。\n", "n.txt")
    layout = load_bytes(data, "n.docx", "docx").layout
    (section,) = layout.sections
    assert (section.width, section.height) == (11906, 16838)  # A4 in twips
    assert (section.top, section.left) == (2098, 1587)  # 37 mm, 28 mm
    assert layout.even_and_odd
    assert {(n.which, n.text, n.alignment, n.size) for n in layout.page_numbers} == {
        ("default", "— {PAGE} —", "right", 28),
        ("even", "— {PAGE} —", "left", 28),
    }


def test_plain_text_has_no_layout_and_no_lay_finding():
    doc = load_text("关于做好耕地保护工作的通知\n各地要高度重视。\n", "n.txt")
    assert doc.layout is None
    engine = Engine(overrides=Overrides(select=["LAY"], kind="notice"))
    assert engine.lint(doc).diagnostics == []


def test_one_finding_per_defect_not_per_paragraph():
    text = "关于做好耕地保护工作的通知\n" + "".join(f"第{i}段正文内容，各地要高度重视。\n" for i in range(1, 9))
    data = text_to_docx(text, "n.txt", LayoutSpec.model_validate({"body": {"font": "宋体"}}))
    found = [d for d in _lay(data) if d.code == "LAY004"]
    assert len(found) == 1
    assert "8段为宋体" in found[0].message
    assert (found[0].line, len(found[0].related)) == (2, 5)


def test_word_default_document_is_flagged_once_per_defect():
    document = docx.Document()  # Letter paper, 1-inch/1.25-inch margins, Calibri/宋体 11 pt
    document.add_paragraph("关于做好耕地保护工作的通知")
    for i in range(3):
        document.add_paragraph(f"各地要高度重视耕地保护工作第{i + 1}项。")
    codes = sorted(d.code for d in _lay(_save(document)))
    assert codes == ["LAY001", "LAY002", "LAY003", "LAY004", "LAY006"]


def test_margins_in_millimetres_pass_within_tolerance():
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37.5), Mm(34.5)
    section.left_margin, section.right_margin = Mm(27.5), Mm(26.5)
    document.add_paragraph("关于做好耕地保护工作的通知")
    assert not [d for d in _lay(_save(document)) if d.code in ("LAY001", "LAY002")]


@pytest.mark.skipif(not CORPUS_NOTICE.exists(), reason="shared corpus not present")
def test_real_notice_with_prescribed_layout_has_no_lay_finding():
    text = CORPUS_NOTICE.read_text(encoding="utf-8")
    assert _lay(text_to_docx(text, "notice.txt")) == []


@pytest.mark.skipif(not CORPUS_NOTICE.exists(), reason="shared corpus not present")
def test_real_notice_with_songti_body_word_margins_and_calibri_headings():
    text = CORPUS_NOTICE.read_text(encoding="utf-8")
    spec = LayoutSpec.model_validate(
        {
            "page": {"top": 25.4, "bottom": 25.4, "left": 25.4, "right": 25.4, "footer": 17.5},
            "body": {"font": "宋体"},
            "headings": {style: {"font": "Calibri"} for style in ("cn-dun", "cn-paren", "arabic-dot")},
        }
    )
    found = _lay(text_to_docx(text, "notice.txt", spec))
    assert sorted(d.code for d in found) == ["LAY002", "LAY004", "LAY005"]
    body = next(d for d in found if d.code == "LAY004")
    headings = next(d for d in found if d.code == "LAY005")
    assert "宋体" in body.message and "Calibri" in headings.message


def test_html_report_names_the_paragraph_of_a_docx_finding():
    from lint.report import ReportMeta, render

    text = "关于做好耕地保护工作的通知\n各地要高度重视耕地保护工作。\n"
    data = text_to_docx(text, "n.txt", LayoutSpec.model_validate({"body": {"font": "宋体"}}))
    doc = load_bytes(data, "n.docx", "docx")
    result = Engine(overrides=Overrides(select=["LAY004"], kind="notice")).lint(doc)
    page = render("html", [result], ReportMeta(version="test"))
    assert "第2段" in page and "<mark>各地要高度重视耕地保护工作。</mark>" in page
    result.path = "n.txt"
    assert "第2段" not in render("html", [result], ReportMeta(version="test"))


def test_title_set_over_two_paragraphs_is_one_title():
    text = "关于做好2022年耕地保护\n工作的通知\n各地要高度重视耕地保护工作。\n"
    title = {"font": "方正小标宋简体", "size": 22, "align": "center", "indent": 0}
    data = text_to_docx(text, "n.txt", LayoutSpec.model_validate({"lines": {2: title}}))
    assert _lay(data) == []
    wrong = text_to_docx(text, "n.txt", LayoutSpec.model_validate({"lines": {2: {**title, "font": "黑体"}}}))
    assert [(d.code, d.line) for d in _lay(wrong)] == [("LAY003", 2)]


def test_page_number_position_is_read_from_the_footer_distance():
    # Hermetic: a notice written here, not the shared corpus.
    text = "嘉兴市自然资源和规划局文件\n关于做好耕地保护工作的通知\n各县（市、区）自然资源局：\n" + "各地要高度重视耕地保护工作。\n" * 60
    word_default = LayoutSpec.model_validate({"page": {"footer": 17.5}})
    found = [d for d in _lay(text_to_docx(text, "notice.txt", word_default)) if d.code == "LAY008"]
    assert len(found) == 1
    assert "页码距版心下边缘约17.5 mm" in found[0].message and "应约7 mm" in found[0].message
    prescribed = _lay(text_to_docx(text, "notice.txt", LayoutSpec()))
    assert not [d for d in prescribed if d.code == "LAY008"]
