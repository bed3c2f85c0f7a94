"""Plain text → a .docx laid out as GB/T 9704-2012 prescribes, one paragraph per line.

`gwlint review` uses it for .txt/.md input, and the LAY rule cases use it (with a
``docx:`` mapping that departs from the prescribed layout) to build the document under test.
Line N of the text is paragraph N of the body, each paragraph's text is the line verbatim,
so a finding's (line, column) is the same in both.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FANGSONG = "仿宋_GB2312"
ISSUER_RED = "FF0000"
# 版记 lines in eighths of a point: 1 pt ≈ 0.35 mm (粗线), 0.75 pt ≈ 0.26 mm (细线).
_THICK, _THIN = 8, 6


class FontSpec(BaseModel):
    """How one kind of paragraph is set: font (East-Asian and ASCII), size in pt, alignment,
    first-line indent in characters, colour (RRGGBB), and optional top/bottom borders (the
    版记 lines: thick at both ends, thin between, unless ``border-width`` in pt is given)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    font: str | None = None
    size: Decimal | None = None
    align: Literal["left", "center", "right", "both"] | None = None
    indent: Decimal | None = None  # first-line indent, characters
    right_indent: Decimal | None = None  # characters
    borders: bool = False
    border_width: Decimal | None = Field(default=None, alias="border-width")  # pt, every line
    color: str | None = None

    def over(self, base: FontSpec) -> FontSpec:
        """This spec with the unset fields taken from ``base``."""
        values = base.model_dump()
        values.update(self.model_dump(exclude_unset=True))
        return FontSpec.model_validate(values)


class PageSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    width: Decimal = Decimal(210)  # mm
    height: Decimal = Decimal(297)
    top: Decimal = Decimal(37)
    bottom: Decimal = Decimal(35)
    left: Decimal = Decimal(28)
    right: Decimal = Decimal(26)
    footer: Decimal = Decimal(28)  # page's bottom edge to the footer: 页码 7 mm below the 版心


class PageNumberSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = "— {PAGE} —"
    font: str = "宋体"
    size: Decimal = Decimal(14)
    side: Literal["outer", "center", "right", "left"] = "outer"


def _headings() -> dict[str, FontSpec]:
    return {
        "cn-dun": FontSpec(font="黑体"),
        "cn-paren": FontSpec(font="楷体_GB2312"),
        "arabic-dot": FontSpec(font=FANGSONG),
        "arabic-paren": FontSpec(font=FANGSONG),
    }


class LayoutSpec(BaseModel):
    """The layout to build; the defaults are GB/T 9704-2012's.  Per-line overrides win."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    page: PageSpec = Field(default_factory=PageSpec)
    grid: bool = True  # 22 lines a page (w:docGrid + exact spacing)
    char_grid: bool = Field(default=False, alias="char-grid")  # and 28 characters a line
    line_spacing: Decimal | None = Field(default=None, alias="line-spacing")  # pt, exact
    body: FontSpec = Field(default_factory=lambda: FontSpec(font=FANGSONG, size=Decimal(16), indent=Decimal(2)))
    title: FontSpec = Field(
        default_factory=lambda: FontSpec(font="方正小标宋简体", size=Decimal(22), align="center", indent=Decimal(0))
    )
    headings: dict[str, FontSpec] = Field(default_factory=_headings)
    page_number: PageNumberSpec | None = Field(default_factory=PageNumberSpec, alias="page-number")
    lines: dict[int, FontSpec] = Field(default_factory=dict)
    direct: bool = False  # set fonts on every run instead of in the paragraph styles


_MM_TWIPS = Decimal(1440) / Decimal("25.4")
_GRID_LINES, _GRID_CHARS = 22, 28


def _twips(mm: Decimal) -> int:
    return int((mm * _MM_TWIPS).to_integral_value())


def text_to_docx(text: str, path: str = "document.txt", spec: LayoutSpec | None = None) -> bytes:
    """The text as a .docx with the layout ``spec`` (GB/T 9704 when None)."""
    import docx

    from lint.document import load_text
    from lint.document.docx_layout import typed_indent
    from lint.document.roles import line_roles
    from lint.outline import build_outline

    spec = spec or LayoutSpec()
    defaults = LayoutSpec()
    spec = spec.model_copy(
        update={
            "headings": {**_headings(), **spec.headings},
            "body": spec.body.over(defaults.body),
            "title": spec.title.over(defaults.title),
        }
    )
    source = load_text(text, path)
    roles = line_roles(source, build_outline(source))
    document = docx.Document()
    _page(document, spec)
    normal = document.styles["Normal"]
    body = spec.body
    if not spec.direct:
        _font(normal.element.get_or_add_rPr(), body.font, body.size)
    ppr = normal.element.get_or_add_pPr()
    _spacing(ppr, spec)
    _set(ppr, "w:jc", {"w:val": "both"})
    lines = source.lines()
    if lines == [""]:
        lines = []
    record_lines = sorted(n for n, role in roles.items() if role.role == "record")
    for number, line in enumerate(lines, 1):
        paragraph = document.add_paragraph()
        role = roles.get(number)
        wanted = _line_spec(spec, role)
        override = spec.lines.get(number)
        if override is not None:
            wanted = override.over(wanted)
        if role is not None and role.role == "heading" and override is None and role.head_end < len(line):
            pieces = [(line[: role.head_end], wanted), (line[role.head_end :], body)]
        else:
            pieces = [(line, wanted)]
        for piece, piece_spec in pieces:
            if not piece:
                continue
            run = paragraph.add_run(piece)
            font, size = piece_spec.font, piece_spec.size
            if spec.direct or piece_spec is not body:
                _font(run._r.get_or_add_rPr(), font, size, piece_spec.color)
        edges = _record_edges(wanted, number, record_lines)
        _paragraph_format(paragraph, wanted, body, typed_indent(line), edges)
    if spec.page_number is not None:
        _page_numbers(document, spec.page_number)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _line_spec(spec: LayoutSpec, role) -> FontSpec:
    body = spec.body
    if role is None:
        return body
    if role.role == "title":
        return spec.title.over(body)
    if role.role == "heading":
        return spec.headings.get(role.style or "", FontSpec()).over(body)
    if role.role == "issuer":
        return FontSpec(align="center", indent=Decimal(0), color=ISSUER_RED).over(body)
    if role.role == "docnum":
        return FontSpec(align="center", indent=Decimal(0)).over(body)
    if role.role == "addressee":
        return FontSpec(indent=Decimal(0)).over(body)
    if role.role in ("signature", "date"):
        return FontSpec(align="right", indent=Decimal(0), right_indent=Decimal(4)).over(body)
    if role.role == "record":
        return FontSpec(indent=Decimal(1), borders=True, size=Decimal(14)).over(body)
    return body


# ---------------------------------------------------------------------------------------------
# XML helpers (python-docx has no API for East-Asian fonts, character grids or PAGE fields)


def _qn(name: str) -> str:
    from docx.oxml.ns import qn

    return qn(name)


def _set(parent, tag: str, attrs: dict[str, str]):
    element = parent.find(_qn(tag))
    if element is None:
        from docx.oxml import OxmlElement

        element = OxmlElement(tag)
        _insert_in_order(parent, element)
    for key, value in attrs.items():
        element.set(_qn(key), value)
    return element


# Schema order of the children we add (CT_PPr / CT_RPr / CT_SectPr): Word rejects other orders.
_ORDER = {
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
    "rPr": [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ],
    "sectPr": [
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ],
}


def _insert_in_order(parent, element) -> None:
    local = parent.tag.rsplit("}", 1)[-1]
    order = _ORDER.get(local)
    name = element.tag.rsplit("}", 1)[-1]
    if order is None or name not in order:
        parent.append(element)
        return
    rank = order.index(name)
    for index, child in enumerate(parent):
        child_name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if child_name in order and order.index(child_name) > rank:
            parent.insert(index, element)
            return
    parent.append(element)


def _font(rpr, font: str | None, size: Decimal | None, color: str | None = None) -> None:
    if font:
        _set(rpr, "w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font})
    if size is not None:
        half_points = str(int((size * 2).to_integral_value()))
        _set(rpr, "w:sz", {"w:val": half_points})
        _set(rpr, "w:szCs", {"w:val": half_points})
    if color:
        _set(rpr, "w:color", {"w:val": color})


def _spacing(ppr, spec: LayoutSpec) -> None:
    attrs = {"w:before": "0", "w:after": "0"}
    pitch = spec.line_spacing
    if pitch is None and spec.grid:
        pitch = _grid_pitch(spec)[0]
    if pitch is not None:
        attrs.update({"w:line": str(int((pitch * 20).to_integral_value())), "w:lineRule": "exact"})
    _set(ppr, "w:spacing", attrs)


def _grid_pitch(spec: LayoutSpec) -> tuple[Decimal, int]:
    """(line pitch in pt, w:charSpace) that put 22 lines of 28 characters in the prescribed
    156 × 225 mm 版心 (kept when a spec changes the margins, as a user changing them would)."""
    height_pt = Decimal(225) * Decimal(72) / Decimal("25.4")
    width_pt = Decimal(156) * Decimal(72) / Decimal("25.4")
    line_pitch = (height_pt / _GRID_LINES).quantize(Decimal("0.05"), rounding="ROUND_DOWN")
    base = spec.body.size or Decimal(16)
    char_space = int(((width_pt / _GRID_CHARS - base) * 4096).to_integral_value(rounding="ROUND_FLOOR"))
    return line_pitch, char_space


def _page(document, spec: LayoutSpec) -> None:
    page = spec.page
    section = document.sections[0]
    sect = section._sectPr
    _set(sect, "w:pgSz", {"w:w": str(_twips(page.width)), "w:h": str(_twips(page.height))})
    _set(
        sect,
        "w:pgMar",
        {
            "w:top": str(_twips(page.top)),
            "w:bottom": str(_twips(page.bottom)),
            "w:left": str(_twips(page.left)),
            "w:right": str(_twips(page.right)),
            "w:header": "851",
            "w:footer": str(_twips(page.footer)),
            "w:gutter": "0",
        },
    )
    if spec.grid:
        pitch, char_space = _grid_pitch(spec)
        # Character grid only when asked: 3号 on the 156 mm 版心 already gives 27–28 characters,
        # and LibreOffice renders Word's negative w:charSpace far too wide.
        grid = {"w:type": "linesAndChars" if spec.char_grid else "lines", "w:linePitch": str(int(pitch * 20))}
        if spec.char_grid:
            grid["w:charSpace"] = str(char_space)
        _set(sect, "w:docGrid", grid)


def _record_edges(wanted: FontSpec, number: int, record_lines: list[int]) -> dict[str, int]:
    """The borders of a 版记 paragraph (eighths of a point): the first line above the first
    paragraph and the last below the last are thick, the lines between thin."""
    if not wanted.borders:
        return {}
    first = not record_lines or number == record_lines[0]
    last = not record_lines or number == record_lines[-1]
    edges = {"top": _THICK} if first else {}
    edges["bottom"] = _THICK if last else _THIN
    if wanted.border_width is not None:
        edges = dict.fromkeys(edges, int((wanted.border_width * 8).to_integral_value()))
    return edges


def _paragraph_format(
    paragraph, wanted: FontSpec, body: FontSpec, typed: Decimal = Decimal(0), edges: dict[str, int] | None = None
) -> None:
    """``typed``: the indent the text already carries as spaces, taken off the paragraph's;
    ``edges``: the paragraph borders to draw and their widths."""
    ppr = paragraph._p.get_or_add_pPr()
    if edges:
        from docx.oxml import OxmlElement

        borders = ppr.find(_qn("w:pBdr"))
        if borders is None:
            borders = OxmlElement("w:pBdr")
            _insert_in_order(ppr, borders)
        for edge, width in edges.items():
            line = OxmlElement(f"w:{edge}")
            for key, value in (("w:val", "single"), ("w:sz", str(width)), ("w:space", "1"), ("w:color", "auto")):
                line.set(_qn(key), value)
            borders.append(line)
    indent = max(Decimal(0), (wanted.indent if wanted.indent is not None else Decimal(0)) - typed)
    size = wanted.size or body.size or Decimal(16)
    attrs = {"w:firstLineChars": str(int(indent * 100)), "w:firstLine": str(int(indent * size * 20))}
    if wanted.right_indent:
        attrs.update(
            {"w:rightChars": str(int(wanted.right_indent * 100)), "w:right": str(int(wanted.right_indent * size * 20))}
        )
    _set(ppr, "w:ind", attrs)
    if wanted.align and wanted.align != "both":
        _set(ppr, "w:jc", {"w:val": wanted.align})


def _page_numbers(document, spec: PageNumberSpec) -> None:
    section = document.sections[0]
    if spec.side == "outer":
        document.settings.odd_and_even_pages_header_footer = True
        footers = [(section.footer, "right"), (section.even_page_footer, "left")]
    else:
        footers = [(section.footer, spec.side)]
    for footer, align in footers:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        ppr = paragraph._p.get_or_add_pPr()
        if align != "center":
            side = "w:right" if align == "right" else "w:left"
            _set(ppr, "w:ind", {side + "Chars": "100", side: str(int(spec.size * 20))})
        _set(ppr, "w:jc", {"w:val": align})
        before, _, after = spec.text.partition("{PAGE}")
        if before:
            _font(paragraph.add_run(before)._r.get_or_add_rPr(), spec.font, spec.size)
        if "{PAGE}" in spec.text:
            _page_field(paragraph, spec)
        if after:
            _font(paragraph.add_run(after)._r.get_or_add_rPr(), spec.font, spec.size)


def _page_field(paragraph, spec: PageNumberSpec) -> None:
    from docx.oxml import OxmlElement

    def run(kind: str, value: str | None = None) -> Any:
        r = paragraph.add_run()
        _font(r._r.get_or_add_rPr(), spec.font, spec.size)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = value
            r._r.append(instr)
        elif kind == "text":
            r.add_text(value or "")
        else:
            char = OxmlElement("w:fldChar")
            char.set(_qn("w:fldCharType"), kind)
            r._r.append(char)
        return r

    run("begin")
    run("instr", " PAGE ")
    run("separate")
    run("text", "1")
    run("end")
