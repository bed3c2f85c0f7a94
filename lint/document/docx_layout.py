"""Layout facts of a .docx for the GB/T 9704 checks: page setup, fonts, alignment, page numbers.

The effective value of a run property is the run's own, else its character style's (through
``w:basedOn``), else the paragraph style's (through ``w:basedOn``; the default paragraph style
when none is named), else the document defaults (``w:docDefaults``).  Paragraph properties
resolve the same way without the character style.  East-Asian fonts come from
``w:rFonts/@w:eastAsia`` (or ``@w:eastAsiaTheme`` resolved through the theme); sizes are
``w:sz`` in half-points; lengths stay in twips (1/1440 inch) as Word stores them.

Nothing here judges: the LAY rules compare these facts with the values in their pack.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.document.docx import TextPiece

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_RT_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
_VAL = _W + "val"

_TWIPS_PER_INCH = Decimal(1440)
_MM_PER_INCH = Decimal("25.4")


def typed_indent(text: str) -> Decimal:
    """Characters of indent typed at the start of a line: U+3000 one, an ASCII space half, a
    tab two (Word's default tab stops at 3号 are about two characters apart)."""
    width = Decimal(0)
    for ch in text:
        if ch == "\u3000":
            width += 1
        elif ch == " ":
            width += Decimal("0.5")
        elif ch == "\t":
            width += 2
        else:
            break
    return width


def twips_to_mm(twips: int) -> Decimal:
    return Decimal(twips) * _MM_PER_INCH / _TWIPS_PER_INCH


def twips_to_pt(twips: int) -> Decimal:
    return Decimal(twips) / Decimal(20)


@dataclass(frozen=True, slots=True)
class PageSetup:
    """One section's page (all lengths in twips)."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    gutter: int = 0
    grid_type: str | None = None  # w:docGrid/@w:type: lines | linesAndChars | snapToChars
    line_pitch: int | None = None  # w:docGrid/@w:linePitch (twips)
    char_space: int | None = None  # w:docGrid/@w:charSpace (1/4096 pt added to the default size)
    footer: int | None = None  # w:pgMar/@w:footer: page's bottom edge to the footer's bottom


@dataclass(frozen=True, slots=True)
class FontSpan:
    """The effective font of a stretch of a line (offsets into the line's text)."""

    start: int
    end: int
    east_asia: str | None
    ascii: str | None
    size: int | None  # half-points
    color: str | None = None  # w:color/@w:val: RRGGBB, or "auto"


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    """The effective format of one body paragraph (not in a table) and its fonts."""

    line: int
    style: str | None
    alignment: str | None  # left | center | right | both | distribute
    first_line: int | None = None  # twips (negative: hanging)
    first_line_chars: int | None = None  # hundredths of a character (negative: hanging)
    left: int | None = None  # twips
    left_chars: int | None = None
    right: int | None = None
    right_chars: int | None = None
    line_spacing: int | None = None  # w:spacing/@w:line
    line_rule: str | None = None  # auto (240ths of a line) | exact | atLeast (twips)
    spans: tuple[FontSpan, ...] = ()
    # top / bottom paragraph borders (版记 lines) → width in eighths of a point (None: unset)
    borders: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PageNumber:
    """A footer paragraph holding a PAGE field: its text with the field shown as ``{PAGE}``."""

    text: str
    which: str  # default | even | first (w:footerReference/@w:type)
    alignment: str | None
    east_asia: str | None
    ascii: str | None
    size: int | None  # half-points


@dataclass
class DocxLayout:
    sections: list[PageSetup] = field(default_factory=list)
    paragraphs: dict[int, ParagraphFormat] = field(default_factory=dict)  # by line
    page_numbers: list[PageNumber] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)  # which footers exist (default, even, first)
    even_and_odd: bool = False  # w:evenAndOddHeaders: separate footers for even pages
    default_size: int | None = None  # the default paragraph style's size (the grid's base)


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_VISIBLE = re.compile(r"\S")


def dominant_font(
    spans: Iterable[FontSpan], text: str, start: int = 0, end: int | None = None
) -> tuple[str | None, int | None]:
    """(East-Asian font, size in half-points) carrying most of the CJK text in [start, end).

    Text without CJK characters is judged by its ASCII font.  (None, None) when nothing shows.
    """
    end = len(text) if end is None else end
    fonts: Counter = Counter()
    sizes: Counter = Counter()
    latin_fonts: Counter = Counter()
    for span in spans:
        lo, hi = max(span.start, start), min(span.end, end)
        if lo >= hi:
            continue
        chunk = text[lo:hi]
        cjk = len(_CJK.findall(chunk))
        visible = len(_VISIBLE.findall(chunk))
        if cjk:
            fonts[span.east_asia] += cjk
        elif visible:
            latin_fonts[span.ascii] += visible
        if visible:
            sizes[span.size] += visible
    font = fonts.most_common(1)[0][0] if fonts else (latin_fonts.most_common(1)[0][0] if latin_fonts else None)
    size = sizes.most_common(1)[0][0] if sizes else None
    return font, size


# ---------------------------------------------------------------------------------------------
# style resolution

_JC = {
    "start": "left",
    "end": "right",
    "justify": "both",
    "lowKashida": "both",
    "mediumKashida": "both",
    "highKashida": "both",
    "thaiDistribute": "distribute",
}
_RUN_KEYS = ("east_asia", "ascii", "size", "color")
_PARA_KEYS = (
    "alignment",
    "first_line",
    "first_line_chars",
    "left",
    "left_chars",
    "right",
    "right_chars",
    "line_spacing",
    "line_rule",
)


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _on(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


class StyleResolver:
    """Effective run and paragraph properties through styles and document defaults."""

    def __init__(self, styles_root: Any, default_paragraph: str | None, part: Any = None) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_paragraph = default_paragraph
        self.theme_fonts = _theme_fonts(part)
        self.defaults_run: dict[str, Any] = {}
        self.defaults_para: dict[str, Any] = {}
        self._style_run: dict[str | None, dict[str, Any]] = {}
        self._style_para: dict[str | None, dict[str, Any]] = {}
        self._run_cache: dict[tuple, RunFont] = {}
        if styles_root is None:
            return
        for style in styles_root.iter(_W + "style"):
            style_id = style.get(_W + "styleId")
            if style_id is not None:
                self.by_id.setdefault(style_id, style)
        defaults = styles_root.find(_W + "docDefaults")
        if defaults is not None:
            self.defaults_run = self._run_props(defaults.find(f"{_W}rPrDefault/{_W}rPr"))
            self.defaults_para = _para_props(defaults.find(f"{_W}pPrDefault/{_W}pPr"))

    # -- style chains ------------------------------------------------------------------------

    def _chain(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(out) < 32:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                break
            out.append(style)
            based = style.find(_W + "basedOn")
            style_id = based.get(_VAL) if based is not None else None
        return out

    def style_run(self, style_id: str | None) -> dict[str, Any]:
        """Run properties a style (with its basedOn chain) sets."""
        if style_id not in self._style_run:
            merged: dict[str, Any] = {}
            for style in self._chain(style_id):
                for key, value in self._run_props(style.find(_W + "rPr")).items():
                    merged.setdefault(key, value)
            self._style_run[style_id] = merged
        return self._style_run[style_id]

    def style_para(self, style_id: str | None) -> dict[str, Any]:
        if style_id not in self._style_para:
            merged: dict[str, Any] = {}
            for style in self._chain(style_id):
                for key, value in _para_props(style.find(_W + "pPr")).items():
                    merged.setdefault(key, value)
            self._style_para[style_id] = merged
        return self._style_para[style_id]

    def _run_props(self, rpr: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if rpr is None:
            return out
        fonts = rpr.find(_W + "rFonts")
        if fonts is not None:
            east_asia = fonts.get(_W + "eastAsia")
            if east_asia is None and fonts.get(_W + "eastAsiaTheme"):
                east_asia = self.theme_fonts.get(fonts.get(_W + "eastAsiaTheme", ""))
            if east_asia:
                out["east_asia"] = east_asia
            ascii_font = fonts.get(_W + "ascii")
            if ascii_font is None and fonts.get(_W + "asciiTheme"):
                ascii_font = self.theme_fonts.get(fonts.get(_W + "asciiTheme", ""))
            if ascii_font:
                out["ascii"] = ascii_font
        size = rpr.find(_W + "sz")
        if size is not None and _int(size.get(_VAL)) is not None:
            out["size"] = _int(size.get(_VAL))
        color = rpr.find(_W + "color")
        if color is not None and color.get(_VAL):
            out["color"] = color.get(_VAL)
        return out

    # -- effective values --------------------------------------------------------------------

    def paragraph_style(self, p: Any) -> str | None:
        ppr = p.find(_W + "pPr")
        pstyle = ppr.find(_W + "pStyle") if ppr is not None else None
        style_id = pstyle.get(_VAL) if pstyle is not None else None
        return style_id if style_id in self.by_id else self.default_paragraph

    def run_font(self, run: Any, style_id: str | None) -> RunFont:
        """The effective font of a ``w:r`` in a paragraph of style ``style_id``."""
        rpr = run.find(_W + "rPr") if run is not None else None
        rstyle = rpr.find(_W + "rStyle") if rpr is not None else None
        char_style = rstyle.get(_VAL) if rstyle is not None else None
        key = (style_id, char_style, _props_key(rpr))
        cached = self._run_cache.get(key)
        if cached is None:
            layers = (self._run_props(rpr), self.style_run(char_style), self.style_run(style_id), self.defaults_run)
            values = {name: next((layer[name] for layer in layers if name in layer), None) for name in _RUN_KEYS}
            cached = RunFont(**values)
            self._run_cache[key] = cached
        return cached

    def para_values(self, p: Any, style_id: str | None) -> dict[str, Any]:
        ppr = p.find(_W + "pPr")
        layers = (_para_props(ppr), self.style_para(style_id), self.defaults_para)
        return {name: next((layer[name] for layer in layers if name in layer), None) for name in _PARA_KEYS}

    def paragraph_format(self, p: Any, line: int, pieces: list[TextPiece]) -> ParagraphFormat:
        style_id = self.paragraph_style(p)
        values = self.para_values(p, style_id)
        spans: list[FontSpan] = []
        for piece in pieces:
            node = piece.node
            run = node.getparent() if node is not None else None
            if run is None or run.tag != _W + "r":
                continue  # rendered numbering: its font lives in numbering.xml
            font = self.run_font(run, style_id)
            last = spans[-1] if spans else None
            if last is not None and last.end == piece.start and _same_font(last, font):
                spans[-1] = FontSpan(last.start, piece.end, font.east_asia, font.ascii, font.size, font.color)
            else:
                spans.append(FontSpan(piece.start, piece.end, font.east_asia, font.ascii, font.size, font.color))
        borders = _borders(p.find(_W + "pPr"))
        return ParagraphFormat(line=line, style=style_id, spans=tuple(spans), borders=borders, **values)


@dataclass(frozen=True, slots=True)
class RunFont:
    """The effective font of one run: East-Asian and ASCII family, size (half-points), colour."""

    east_asia: str | None = None
    ascii: str | None = None
    size: int | None = None
    color: str | None = None


def _same_font(span: FontSpan, font: RunFont) -> bool:
    return (span.east_asia, span.ascii, span.size, span.color) == (font.east_asia, font.ascii, font.size, font.color)


def _props_key(rpr: Any) -> tuple:
    """What of a run's own properties decides its font (the cache key of ``run_font``)."""
    if rpr is None:
        return ()
    out = []
    for tag in ("rFonts", "sz", "color"):
        element = rpr.find(_W + tag)
        out.append(tuple(sorted(element.attrib.items())) if element is not None else None)
    return tuple(out)


def _borders(ppr: Any) -> dict[str, int | None]:
    """The paragraph's top and bottom borders and their widths (eighths of a point)."""
    borders = ppr.find(_W + "pBdr") if ppr is not None else None
    out: dict[str, int | None] = {}
    if borders is None:
        return out
    for edge in ("top", "bottom"):
        line = borders.find(_W + edge)
        if line is not None and line.get(_VAL) not in ("nil", "none"):
            out[edge] = _int(line.get(_W + "sz"))
    return out


def _para_props(ppr: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    jc = ppr.find(_W + "jc")
    if jc is not None and jc.get(_VAL):
        value = jc.get(_VAL)
        out["alignment"] = _JC.get(value, value)
    ind = ppr.find(_W + "ind")
    if ind is not None:
        for attr, key in (
            ("firstLine", "first_line"),
            ("firstLineChars", "first_line_chars"),
            ("left", "left"),
            ("start", "left"),
            ("leftChars", "left_chars"),
            ("startChars", "left_chars"),
            ("right", "right"),
            ("end", "right"),
            ("rightChars", "right_chars"),
            ("endChars", "right_chars"),
        ):
            value = _int(ind.get(_W + attr))
            if value is not None:
                out.setdefault(key, value)
        for attr, key in (("hanging", "first_line"), ("hangingChars", "first_line_chars")):
            value = _int(ind.get(_W + attr))
            if value is not None:
                out[key] = -value
    spacing = ppr.find(_W + "spacing")
    if spacing is not None and _int(spacing.get(_W + "line")) is not None:
        out["line_spacing"] = _int(spacing.get(_W + "line"))
        out["line_rule"] = spacing.get(_W + "lineRule", "auto")
    return out


def _theme_fonts(part: Any) -> dict[str, str]:
    """minorEastAsia/majorEastAsia/minorHAnsi … → the theme's typeface (the Hans script font
    when the theme leaves the East-Asian typeface empty, as Word's default theme does)."""
    out: dict[str, str] = {}
    theme = _related_xml(part, _RT_THEME)
    if theme is None:
        return out
    for which in ("minor", "major"):
        font = theme.find(f".//{_A}{which}Font")
        if font is None:
            continue
        latin = font.find(_A + "latin")
        if latin is not None and latin.get("typeface"):
            for name in ("HAnsi", "Ascii", "Bidi"):
                out[which + name] = latin.get("typeface")
        east = font.find(_A + "ea")
        typeface = east.get("typeface") if east is not None else None
        if not typeface:
            hans = font.find(f"{_A}font[@script='Hans']")
            typeface = hans.get("typeface") if hans is not None else None
        if typeface:
            out[which + "EastAsia"] = typeface
    return out


def _related_xml(part: Any, reltype: str, r_id: str | None = None) -> Any:
    if part is None:
        return None
    try:
        related = part.related_parts[r_id] if r_id else part.part_related_by(reltype)
    except (KeyError, AttributeError):
        return None
    element = getattr(related, "element", None)
    if element is not None:
        return element
    try:
        from lxml import etree

        return etree.fromstring(related.blob)
    except Exception:  # noqa: BLE001 - an unreadable theme/footer costs only its facts
        return None


# ---------------------------------------------------------------------------------------------
# sections and footers


def read_layout(opened: Any, formats: dict[int, ParagraphFormat], resolver: StyleResolver) -> DocxLayout:
    layout = DocxLayout(paragraphs=formats)
    default_style = resolver.default_paragraph
    layout.default_size = resolver.run_font(None, default_style).size
    settings = _related_xml(opened.part, _RT_SETTINGS)
    if settings is not None:
        flag = settings.find(_W + "evenAndOddHeaders")
        layout.even_and_odd = flag is not None and (flag.get(_VAL) is None or _on(flag.get(_VAL)))
    body = opened.body
    sections = [
        sect
        for sect in body.iter(_W + "sectPr")
        if sect.getparent() is None or sect.getparent().tag != _W + "sectPrChange"
    ]
    seen_footers: set[str] = set()
    for sect in sections:
        setup = _page_setup(sect)
        if setup is not None:
            layout.sections.append(setup)
        for ref in sect.findall(_W + "footerReference"):
            r_id = ref.get(_R_ID)
            which = ref.get(_W + "type", "default")
            if not r_id or r_id in seen_footers:
                continue
            seen_footers.add(r_id)
            footer = _related_xml(opened.part, "", r_id)
            if footer is None:
                continue
            if which not in layout.footers:
                layout.footers.append(which)
            layout.page_numbers.extend(_page_numbers(footer, which, resolver))
    return layout


def _page_setup(sect: Any) -> PageSetup | None:
    size = sect.find(_W + "pgSz")
    margins = sect.find(_W + "pgMar")
    if size is None or margins is None:
        return None
    width, height = _int(size.get(_W + "w")), _int(size.get(_W + "h"))
    if not width or not height:
        return None
    grid = sect.find(_W + "docGrid")

    def margin(name: str) -> int:
        return abs(_int(margins.get(_W + name)) or 0)

    return PageSetup(
        width=width,
        height=height,
        top=margin("top"),
        bottom=margin("bottom"),
        left=margin("left"),
        right=margin("right"),
        gutter=margin("gutter"),
        grid_type=grid.get(_W + "type") if grid is not None else None,
        line_pitch=_int(grid.get(_W + "linePitch")) if grid is not None else None,
        char_space=_int(grid.get(_W + "charSpace")) if grid is not None else None,
        footer=_int(margins.get(_W + "footer")),
    )


def _page_numbers(footer: Any, which: str, resolver: StyleResolver) -> list[PageNumber]:
    out = []
    for p in footer.iter(_W + "p"):
        text, field_run = _field_text(p)
        if field_run is None:
            continue
        style_id = resolver.paragraph_style(p)
        font = resolver.run_font(field_run, style_id)
        alignment = resolver.para_values(p, style_id)["alignment"]
        out.append(
            PageNumber(
                text=text, which=which, alignment=alignment, east_asia=font.east_asia, ascii=font.ascii, size=font.size
            )
        )
    return out


def _field_text(p: Any) -> tuple[str, Any]:
    """The footer paragraph's text with a PAGE field shown as {PAGE}, and a run of the field."""
    reader = _FieldReader()
    for element in p.iter(_W + "r", _W + "fldSimple"):
        if element.tag == _W + "fldSimple":
            reader.simple_field(element)
            continue
        parent = element.getparent()
        if parent is not None and parent.tag == _W + "fldSimple":
            continue  # the simple field's cached result
        char = element.find(_W + "fldChar")
        if char is not None:
            reader.field_char(char.get(_W + "fldCharType"))
        elif element.find(_W + "instrText") is not None:
            reader.instruction(element, element.find(_W + "instrText").text or "")
        elif not reader.in_shown_field():
            reader.run_text(element)
    return "".join(reader.parts), reader.field_run


class _FieldReader:
    """Reads a paragraph's runs through complex fields (begin / instrText / separate / result /
    end): text outside fields is kept, a PAGE field becomes ``{PAGE}``, cached results drop."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.field_run: Any = None
        self.depth = 0  # inside a complex field
        self.page_field = False
        self.showing_result = False

    def simple_field(self, element: Any) -> None:
        if _is_page(element.get(_W + "instr", "")):
            self.parts.append("{PAGE}")
            if self.field_run is None:
                self.field_run = element.find(_W + "r")

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.depth += 1
            self.page_field = self.showing_result = False
        elif kind == "separate":
            self.showing_result = True
        elif kind == "end" and self.depth:
            self.depth -= 1
            if self.page_field:
                self.parts.append("{PAGE}")
            self.page_field = self.showing_result = False

    def instruction(self, run: Any, text: str) -> None:
        if self.depth and _is_page(text):
            self.page_field = True
            if self.field_run is None:
                self.field_run = run

    def in_shown_field(self) -> bool:
        """Inside a field's cached result (the number shown when it was saved)."""
        return bool(self.depth) and (self.showing_result or self.page_field)

    def run_text(self, run: Any) -> None:
        for child in run:
            if child.tag == _W + "t":
                self.parts.append(child.text or "")
            elif child.tag in (_W + "tab", _W + "ptab"):
                self.parts.append("\t")


def _is_page(instruction: str) -> bool:
    words = instruction.split()
    return bool(words) and words[0].upper() == "PAGE"
