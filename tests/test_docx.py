"""docx_lines: .docx bytes → one line per paragraph, with Word's automatic numbering rendered."""

from __future__ import annotations

import io
import zipfile

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402

from lint.document.docx import docx_lines, format_number  # noqa: E402
from lint.document.model import DecodeError  # noqa: E402

W_NS = nsdecls("w")

# The 公文 outline: 一、 / （一） / 1. / ①.  %N in w:lvlText is the counter of level N (1-based),
# so the second level must say "（%2）" — "（%1）" there would repeat the first level's number.
GONGWEN_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimalEnclosedCircle", "%4"),
)


def _abstract_num(abstract_id: int, levels, extra: str = "") -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra if i == 0 else ""}<w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    return (
        f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )


def _num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def add_numbering(document, abstract_xml: str, *num_xml: str) -> None:
    """Add an abstractNum (before the first w:num, as the schema orders them) and w:num(s)."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(abstract_xml)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for xml in num_xml:
        numbering.append(parse_xml(xml))


def set_numpr(paragraph, num_id: int | None, ilvl: int | None = None) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = parse_xml(f"<w:numPr {W_NS}/>")
    if ilvl is not None:
        numpr.append(parse_xml(f'<w:ilvl {W_NS} w:val="{ilvl}"/>'))
    if num_id is not None:
        numpr.append(parse_xml(f'<w:numId {W_NS} w:val="{num_id}"/>'))
    ppr.insert(0, numpr) if ppr.find(qn("w:pStyle")) is None else ppr.find(qn("w:pStyle")).addnext(numpr)


def numbered(document, items, num_id: int = 90) -> None:
    """items: (ilvl, text) pairs added as paragraphs numbered with ``num_id``."""
    for ilvl, text in items:
        set_numpr(document.add_paragraph(text), num_id, ilvl)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def gongwen_document():
    document = docx.Document()
    add_numbering(document, _abstract_num(90, GONGWEN_LEVELS), _num(90, 90))
    return document


# ---------------------------------------------------------------------------------------------
# plain text, tables, empty documents


def test_plain_paragraphs_one_line_each():
    document = docx.Document()
    document.add_paragraph("关于做好2024年工作的通知")
    document.add_paragraph("")
    paragraph = document.add_paragraph("各区人民政府，")
    paragraph.add_run("市政府各部门：")
    assert docx_lines(to_bytes(document)) == ["关于做好2024年工作的通知", "", "各区人民政府，市政府各部门："]


def test_line_breaks_inside_a_paragraph_do_not_split_it():
    document = docx.Document()
    paragraph = document.add_paragraph("第一行")
    run = paragraph.add_run()
    run.add_break()
    paragraph.add_run("第二行\n继续")
    document.add_paragraph("下一段")
    assert docx_lines(to_bytes(document)) == ["第一行第二行继续", "下一段"]


def test_tab_and_hyperlink_text_are_kept():
    document = docx.Document()
    paragraph = document.add_paragraph("甲")
    paragraph.add_run("\t乙")
    paragraph._p.append(parse_xml(f"<w:hyperlink {W_NS}><w:r><w:t>链接</w:t></w:r></w:hyperlink>"))
    assert docx_lines(to_bytes(document)) == ["甲\t乙链接"]


def test_deleted_hidden_and_field_code_text_is_left_out():
    document = docx.Document()
    paragraph = document.add_paragraph("保留")
    p = paragraph._p
    p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:ins {W_NS} w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>'))
    p.append(parse_xml(f"<w:r {W_NS}><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"))
    p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="begin"/></w:r>'))
    p.append(parse_xml(f"<w:r {W_NS}><w:instrText> PAGE </w:instrText></w:r>"))
    p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="separate"/></w:r>'))
    p.append(parse_xml(f"<w:r {W_NS}><w:t>3</w:t></w:r>"))
    p.append(parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="end"/></w:r>'))
    assert docx_lines(to_bytes(document)) == ["保留插入3"]


def test_table_rows_are_lines_in_document_order():
    document = docx.Document()
    document.add_paragraph("前文")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "项目", "金额"), ("1", "道路", "100万元")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 1).add_paragraph("改造")  # second paragraph in one cell
    document.add_paragraph("后文")
    assert docx_lines(to_bytes(document)) == ["前文", "序号\t项目\t金额", "1\t道路改造\t100万元", "后文"]


def test_merged_cells_appear_once():
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合并"
    table.cell(0, 2).text = "单独"
    assert docx_lines(to_bytes(document)) == ["合并\t单独"]


def test_block_content_controls_are_read_through():
    document = docx.Document()
    document.add_paragraph("一")
    sdt = parse_xml(
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(1, sdt)
    assert docx_lines(to_bytes(document)) == ["一", "控件内"]


def test_empty_body_gives_no_lines():
    """python-docx's blank document has no paragraph at all → []."""
    assert docx_lines(to_bytes(docx.Document())) == []


def test_single_empty_paragraph_gives_one_empty_line():
    """What Word saves for a blank document: one empty paragraph → [""]."""
    document = docx.Document()
    document.add_paragraph("")
    assert docx_lines(to_bytes(document)) == [""]


# ---------------------------------------------------------------------------------------------
# automatic numbering


def test_gongwen_outline_numbering_is_rendered():
    document = gongwen_document()
    document.add_paragraph("为贯彻落实……，现通知如下。")
    numbered(
        document,
        [
            (0, "总体要求"),
            (1, "指导思想"),
            (2, "加强组织领导。"),
            (2, "强化责任落实。"),
            (1, "基本原则"),
            (2, "坚持问题导向。"),
            (0, "主要目标"),
            (1, "到2025年"),
            (2, "完成改造。"),
            (3, "道路"),
            (3, "管网"),
            (0, "保障措施"),
        ],
    )
    document.add_paragraph("特此通知。")
    assert docx_lines(to_bytes(document)) == [
        "为贯彻落实……，现通知如下。",
        "一、总体要求",
        "（一）指导思想",
        "1.加强组织领导。",
        "2.强化责任落实。",
        "（二）基本原则",
        "1.坚持问题导向。",
        "二、主要目标",
        "（一）到2025年",
        "1.完成改造。",
        "①道路",
        "②管网",
        "三、保障措施",
        "特此通知。",
    ]


def test_placeholder_refers_to_the_numbered_level():
    """Word substitutes %1 with level 1's counter even inside a level-2 lvlText."""
    document = docx.Document()
    add_numbering(
        document, _abstract_num(97, (("chineseCounting", "%1、"), ("chineseCounting", "（%1）"))), _num(97, 97)
    )
    numbered(document, [(0, "甲"), (1, "乙"), (1, "丙")], num_id=97)
    assert docx_lines(to_bytes(document)) == ["一、甲", "（一）乙", "（一）丙"]


def test_chinese_counting_past_ten():
    document = gongwen_document()
    numbered(document, [(0, f"第{i}项") for i in range(1, 24)])
    lines = docx_lines(to_bytes(document))
    assert [line.split("、")[0] for line in lines[8:12]] == ["九", "十", "十一", "十二"]
    assert lines[19] == "二十、第20项"
    assert lines[22] == "二十三、第23项"


def test_numbering_inherited_from_paragraph_style():
    document = gongwen_document()
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="GwHeading1"><w:name w:val="GW Heading 1"/>'
            f'<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="90"/></w:numPr></w:pPr>'
            f"</w:style>"
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="GwHeading2"><w:name w:val="GW Heading 2"/>'
            f'<w:basedOn w:val="GwHeading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>'
            f"</w:style>"
        )
    )
    document.add_paragraph("总体要求", style="GW Heading 1")
    document.add_paragraph("指导思想", style="GW Heading 2")
    document.add_paragraph("工作目标", style="GW Heading 2")
    document.add_paragraph("主要任务", style="GW Heading 1")
    plain = document.add_paragraph("不编号", style="GW Heading 1")
    set_numpr(plain, 0)  # numId 0 switches the style's numbering off
    assert docx_lines(to_bytes(document)) == [
        "一、总体要求",
        "（一）指导思想",
        "（二）工作目标",
        "二、主要任务",
        "不编号",
    ]


def test_style_linked_to_a_level_through_lvl_pstyle():
    """Word's "link level to style": the style's numPr has no ilvl, the w:lvl names the style."""
    document = docx.Document()
    abstract = _abstract_num(98, GONGWEN_LEVELS).replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="GwH2"/>'
    )
    add_numbering(document, abstract, _num(98, 98))
    document.styles.element.append(
        parse_xml(
            f'<w:style {W_NS} w:type="paragraph" w:styleId="GwH2"><w:name w:val="GW H2"/>'
            f'<w:pPr><w:numPr><w:numId w:val="98"/></w:numPr></w:pPr></w:style>'
        )
    )
    numbered(document, [(0, "甲")], num_id=98)
    document.add_paragraph("乙", style="GW H2")
    document.add_paragraph("丙", style="GW H2")
    assert docx_lines(to_bytes(document)) == ["一、甲", "（一）乙", "（二）丙"]


def test_legal_numbering_and_bullets():
    document = docx.Document()
    abstract = _abstract_num(99, (("upperRoman", "%1."), ("lowerLetter", "%1.%2")))
    abstract = abstract.replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/>'
    )
    add_numbering(document, abstract, _num(99, 99))
    add_numbering(document, _abstract_num(100, (("bullet", "\uf0b7"),)), _num(100, 100))
    numbered(document, [(0, "甲"), (1, "乙")], num_id=99)
    numbered(document, [(0, "要点")], num_id=100)
    assert docx_lines(to_bytes(document)) == ["I.甲", "1.1乙", "•要点"]


def test_builtin_list_number_style():
    document = docx.Document()
    document.add_paragraph("第一条", style="List Number")
    document.add_paragraph("第二条", style="List Number")
    assert docx_lines(to_bytes(document)) == ["1.第一条", "2.第二条"]


def test_start_override_restarts_and_plain_instances_continue():
    document = docx.Document()
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    add_numbering(document, _abstract_num(91, GONGWEN_LEVELS), _num(91, 91), _num(92, 91), _num(93, 91, restart))
    numbered(document, [(0, "甲"), (0, "乙")], num_id=91)
    numbered(document, [(0, "丙")], num_id=92)  # same abstractNum, no override: continues
    document.add_paragraph("附件")
    numbered(document, [(0, "子"), (0, "丑")], num_id=93)  # startOverride: restarts
    assert docx_lines(to_bytes(document)) == ["一、甲", "二、乙", "三、丙", "附件", "一、子", "二、丑"]


def test_start_value_and_multilevel_references():
    document = docx.Document()
    levels = (("decimal", "%1."), ("decimal", "%1.%2"), ("decimalFullWidth", "%3．"))
    add_numbering(
        document,
        _abstract_num(94, levels),
        _num(94, 94, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride>'),
    )
    numbered(document, [(0, "甲"), (1, "乙"), (1, "丙"), (2, "丁"), (0, "戊"), (1, "己")], num_id=94)
    assert docx_lines(to_bytes(document)) == ["3.甲", "3.1乙", "3.2丙", "１．丁", "4.戊", "4.1己"]


def test_suffix_space_and_bracket_formats():
    document = docx.Document()
    levels = (("decimal", "(%1)"), ("ideographTraditional", "%2、"))
    add_numbering(document, _abstract_num(95, levels, extra='<w:suff w:val="space"/>'), _num(95, 95))
    numbered(document, [(0, "甲"), (1, "乙"), (1, "丙")], num_id=95)
    assert docx_lines(to_bytes(document)) == ["(1) 甲", "甲、乙", "乙、丙"]


def test_level_restart_zero_keeps_counting():
    document = docx.Document()
    abstract = _abstract_num(96, (("chineseCounting", "%1、"), ("decimal", "%2.")))
    abstract = abstract.replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>', '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>'
    )
    add_numbering(document, abstract, _num(96, 96))
    numbered(document, [(0, "甲"), (1, "a"), (1, "b"), (0, "乙"), (1, "c")], num_id=96)
    assert docx_lines(to_bytes(document)) == ["一、甲", "1.a", "2.b", "二、乙", "3.c"]


def test_numbered_paragraphs_in_table_cells_count_in_order():
    document = gongwen_document()
    numbered(document, [(0, "前")])
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 0)
    set_numpr(cell.paragraphs[0], 90, 0)
    cell.paragraphs[0].add_run("表内")
    table.cell(0, 1).text = "说明"
    numbered(document, [(0, "后")])
    assert docx_lines(to_bytes(document)) == ["一、前", "二、表内\t说明", "三、后"]


def test_unknown_num_id_renders_no_marker():
    document = docx.Document()
    set_numpr(document.add_paragraph("无定义"), 4711, 0)
    assert docx_lines(to_bytes(document)) == ["无定义"]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (23, "chineseCounting", "二十三"),
        (10, "chineseCountingThousand", "十"),
        (105, "chineseCountingThousand", "一百零五"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "ideographTraditional", "丙"),
        (2, "ideographZodiac", "丑"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircle", "21"),
        (12, "decimalFullWidth", "１２"),
        (4, "decimalZero", "04"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (5, "none", ""),
    ],
)
def test_format_number(value, fmt, expected):
    assert format_number(value, fmt) == expected


# ---------------------------------------------------------------------------------------------
# errors


def test_not_a_zip_raises_decode_error():
    with pytest.raises(DecodeError, match="not a ZIP archive"):
        docx_lines("这不是一个Word文件".encode("utf-8"))


def test_empty_input_raises_decode_error():
    with pytest.raises(DecodeError, match="empty"):
        docx_lines(b"")


def test_legacy_doc_raises_decode_error():
    with pytest.raises(DecodeError, match="97-2003"):
        docx_lines(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_docx_raises_decode_error(keep):
    document = docx.Document()
    document.add_paragraph("正文" * 200)
    data = to_bytes(document)
    with pytest.raises(DecodeError, match="damaged .docx"):
        docx_lines(data[: int(len(data) * keep)])


def test_zip_that_is_not_a_word_document_raises_decode_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(DecodeError, match="not a Word document"):
        docx_lines(buffer.getvalue())


def _rewrite(data: bytes, drop: str | None = None, replace: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename == drop:
                continue
            payload = (replace or {}).get(info.filename, source.read(info.filename))
            archive.writestr(info.filename, payload)
    return buffer.getvalue()


def test_missing_document_part_raises_decode_error():
    data = _rewrite(to_bytes(docx.Document()), drop="word/document.xml")
    with pytest.raises(DecodeError):
        docx_lines(data)


def test_malformed_document_xml_raises_decode_error():
    data = _rewrite(to_bytes(docx.Document()), replace={"word/document.xml": b"<w:document"})
    with pytest.raises(DecodeError, match="damaged .docx"):
        docx_lines(data)


def test_corrupt_member_data_raises_decode_error():
    document = docx.Document()
    document.add_paragraph("正文" * 500)
    data = bytearray(to_bytes(document))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + 25):
        data[offset] ^= 0xFF
    with pytest.raises(DecodeError, match="damaged .docx"):
        docx_lines(bytes(data))


def test_spreadsheet_is_not_a_word_document():
    content_types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        b'openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml"'
        b' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
        b'main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        b"</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    with pytest.raises(DecodeError, match="Excel"):
        docx_lines(buffer.getvalue())
