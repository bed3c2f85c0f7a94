""".docx bytes → one text line per body paragraph (tables: one line per row).

Word's automatic list numbering is rendered into the text, so a paragraph that Word shows as
"一、总体要求" comes out as ``"一、总体要求"`` even though the document only stores
"总体要求" plus a reference into ``numbering.xml``.  The outline and marker rules then see the
same markers a reader sees.

What is read:

* the body's ``w:p`` and ``w:tbl`` children in document order, looking through block-level
  content controls (``w:sdt``) and ``w:customXml`` wrappers;
* a paragraph's visible text: runs (also inside hyperlinks, fields' displayed results,
  content controls, smart tags, tracked insertions and moves-to), ``w:tab`` as ``"\\t"``,
  ``w:noBreakHyphen`` as ``"-"``, ``w:sym`` characters and equation text.  Deleted text,
  moved-from text, hidden (``w:vanish``) runs, field codes, ruby annotations, drawings, text
  boxes and note references are left out.  Line and page breaks (``w:br``/``w:cr``) render as
  nothing: one paragraph is always exactly one line;
* a table row becomes one line, its cells joined by ``"\\t"``; the paragraphs inside one cell
  are concatenated without a separator (a nested table contributes its rows, cells joined by
  ``"\\t"``, rows by nothing).  Numbered paragraphs in cells take part in list counting;
* automatic numbering: ``w:numPr`` on the paragraph or inherited from its paragraph style
  (through ``w:basedOn``, or the default paragraph style), ``w:num`` → ``w:abstractNum``
  (including ``w:numStyleLink``), ``w:lvlOverride`` (``w:startOverride`` and replacement
  ``w:lvl``), ``w:start``, ``w:numFmt``, ``w:lvlText`` with ``%1``…``%9``, ``w:isLgl``,
  ``w:lvlRestart`` and ``w:suff`` (only ``space`` adds a character).

Counting follows Word: the running count belongs to the abstract numbering definition, so
several ``w:num`` instances that share one ``w:abstractNum`` continue one sequence; the first
paragraph of an instance that carries a ``w:startOverride`` restarts the overridden levels.
Using a level restarts every deeper level (unless ``w:lvlRestart`` says otherwise).

An empty body gives ``[]``; a document holding one empty paragraph (what Word saves for a
blank document) gives ``[""]``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, overload

from lint.document.docx_layout import DocxLayout, ParagraphFormat, StyleResolver, read_layout
from lint.document.model import DecodeError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

_P, _TBL, _TR, _TC, _R, _T = (_W + n for n in ("p", "tbl", "tr", "tc", "r", "t"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
_ALTERNATE, _FALLBACK, _CHOICE = _MC + "AlternateContent", _MC + "Fallback", _MC + "Choice"
_VAL = _W + "val"

# Inline elements whose content a reader does not see as part of the paragraph's text.
_SKIP_INLINE = frozenset(
    _W + n
    for n in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "delText",
        "instrText",
        "delInstrText",
        "fldData",
        "drawing",
        "pict",
        "object",
        "txbxContent",
        "rt",
        "sdtPr",
        "sdtEndPr",
        "footnoteReference",
        "endnoteReference",
        "commentReference",
        "annotationRef",
        "footnoteRef",
        "endnoteRef",
        "separator",
        "continuationSeparator",
        "lastRenderedPageBreak",
        "softHyphen",
        "br",
        "cr",
        "proofErr",
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "fldChar",
    )
) | {_M + "rPr", _M + "ctrlPr"}

_DOCUMENT_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_OFFICE = (("spreadsheetml", "an Excel workbook"), ("presentationml", "a PowerPoint file"))
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_UNCOMPRESSED = 1 << 30  # refuse ZIP bombs: 1 GiB of parts is not a plausible 公文
# Parsed XML costs ~50-80 times its size in memory (lxml trees); a 公文 holds well under 1 MB.
_MAX_XML = 48 * 1024 * 1024
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]")


def docx_lines(data: bytes) -> list[str]:
    """One string per body paragraph (a table row per line), automatic numbering rendered.

    Raises DecodeError (with a one-line reason) when ``data`` is not a readable .docx.
    """
    return read_docx(data).lines


@dataclass(slots=True)
class TextPiece:
    """A stretch of a line's text and the element that shows it.

    ``node`` is the ``w:t`` (or ``w:tab``, ``w:sym`` …) element, or None for text Word renders
    itself (automatic numbering). ``paragraph`` is the ``w:p`` the piece belongs to.
    """

    start: int
    text: str
    node: Any
    paragraph: Any

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class DocxContent:
    lines: list[str]
    layout: DocxLayout
    pieces: list[list[TextPiece]]  # per line; the map from (line, column) back to the XML
    package: Any = None  # the opened python-docx package (to write a changed copy)


def read_docx(data: bytes) -> DocxContent:
    """Lines, layout facts and the offset → element map of a .docx.

    Raises DecodeError (with a one-line reason) when ``data`` is not a readable .docx.
    """
    document = _open(data)
    try:
        reader = _Reader(document)
        lines = reader.lines()
        layout = read_layout(document, reader.formats, reader.resolver)
        return DocxContent(lines, layout, reader.pieces, document.package)
    except DecodeError:
        raise
    except RecursionError:
        raise DecodeError("damaged .docx file: document structure nested too deeply") from None
    except Exception as exc:  # a malformed-but-parsable part must not crash the linter
        raise DecodeError(f"damaged .docx file: unreadable document content ({_reason(exc)})") from None


# ---------------------------------------------------------------------------------------------
# opening


@dataclass
class _Opened:
    body: Any  # the w:body element
    numbering: Any  # the w:numbering element or None
    styles: Any  # the w:styles element or None
    package: Any = None  # the OpcPackage
    part: Any = None  # the main document part


def _open(data: bytes) -> _Opened:
    data = bytes(data)
    _check_container(data)
    package, part = _main_part(data)
    try:
        root = _element_of(part)
        body = root.find(_W + "body") if root is not None else None
        if root is None or root.tag != _W + "document" or body is None:
            raise DecodeError("damaged .docx file: word/document.xml has no document body")
        numbering = _related_element(part, _RT_NUMBERING, _W + "numbering")
        styles = _related_element(part, _RT_STYLES, _W + "styles")
    except DecodeError:
        raise
    except Exception as exc:
        raise DecodeError(f"damaged .docx file: {_reason(exc)}") from None
    return _Opened(body, numbering, styles, package, part)


def _check_container(data: bytes) -> None:
    """Refuse what is not a readable, reasonably sized ZIP package, before python-docx sees it."""
    if not data:
        raise DecodeError("not a .docx file (empty file)")
    if data.startswith(_OLE_MAGIC):
        raise DecodeError(
            "not a .docx file (a legacy Word 97-2003 .doc or a password-protected "
            "document); save it as an unprotected .docx"
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):
            raise DecodeError("damaged .docx file: truncated or corrupt ZIP archive")
        raise DecodeError("not a .docx file (not a ZIP archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as exc:
        raise DecodeError(f"damaged .docx file: corrupt ZIP archive ({_reason(exc)})") from None
    _check_sizes(infos)
    if "[Content_Types].xml" not in {info.filename for info in infos}:
        raise DecodeError("not a Word document (ZIP archive without [Content_Types].xml)")


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if sum(info.file_size for info in infos) > _MAX_UNCOMPRESSED:
        raise DecodeError("damaged .docx file: archive expands to more than 1 GiB")
    xml = sum(info.file_size for info in infos if info.filename.endswith((".xml", ".rels")))
    if xml > _MAX_XML:
        raise DecodeError(
            f"not read: the .docx holds {xml / 1048576:.0f} MB of XML (the limit is "
            f"{_MAX_XML // 1048576} MB; a document of this size is not a 公文)"
        )
    if any(info.flag_bits & 0x1 for info in infos):
        raise DecodeError("not a .docx file (encrypted ZIP archive)")


def _main_part(data: bytes) -> tuple[Any, Any]:
    """(package, its main document part), refused when it is not a Word document's."""
    try:
        from docx.opc.package import OpcPackage
    except ImportError:  # pragma: no cover - python-docx is a declared dependency
        raise DecodeError("cannot read .docx files: python-docx is not installed") from None
    try:
        package = OpcPackage.open(io.BytesIO(data))
        part = package.main_document_part
    except Exception as exc:
        raise DecodeError(_package_error(exc)) from None
    content_type = getattr(part, "content_type", "")
    if content_type not in _DOCUMENT_TYPES:
        for marker, what in _OTHER_OFFICE:
            if marker in content_type:
                raise DecodeError(f"not a Word document (it is {what})")
        raise DecodeError(f"not a Word document (main part has content type '{content_type}')")
    return package, part


def _element_of(part):
    """The part's XML root (python-docx parses known parts; templates/.docm come as blobs)."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml

    return parse_xml(part.blob)


def _related_element(part, reltype: str, tag: str):
    try:
        related = part.part_related_by(reltype)
    except KeyError:
        return None
    try:
        element = _element_of(related)
    except Exception:  # a broken numbering/styles part only costs us the markers
        return None
    return element if element is not None and element.tag == tag else None


_MISSING_ITEM = re.compile(r"There is no item named '([^']*)' in the archive")


def _package_error(exc: Exception) -> str:
    """A one-line reason for python-docx failing to open the package."""
    text = str(exc)
    if isinstance(exc, KeyError):
        missing = _MISSING_ITEM.search(text)
        if missing:
            return f"damaged .docx file: part {missing.group(1)} is missing from the archive"
        if "officeDocument" in text:
            return "not a Word document (the package has no main document part)"
        return f"not a Word document (missing part: {_reason(exc)})"
    name = type(exc).__name__
    if name == "XMLSyntaxError":
        return f"damaged .docx file: malformed XML ({_reason(exc)})"
    if isinstance(exc, (zipfile.BadZipFile, EOFError)) or type(exc).__module__ == "zlib":
        return f"damaged .docx file: corrupt ZIP member ({_reason(exc)})"
    return f"damaged .docx file: {_reason(exc)}"


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()).strip("'\"")
    name = type(exc).__name__
    if not text:
        return name
    return text if len(text) <= 160 else text[:157] + "..."


# ---------------------------------------------------------------------------------------------
# walking the body


class _Reader:
    """Walks the body once: the lines, each line's pieces and each body paragraph's format."""

    def __init__(self, opened: _Opened) -> None:
        self.body = opened.body
        styles = _Styles(opened.styles)
        self.numbering = _Numbering(opened.numbering, styles)
        self.resolver = StyleResolver(opened.styles, styles.default_paragraph, opened.part)
        self.pieces: list[list[TextPiece]] = []
        self.formats: dict[int, ParagraphFormat] = {}

    def lines(self) -> list[str]:
        out: list[str] = []
        self._blocks(self.body, out)
        return out

    def _blocks(self, container, out: list[str]) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                pieces: list[TextPiece] = []
                out.append(self._paragraph(child, pieces, 0))
                self.pieces.append(pieces)
                self.formats[len(out)] = self.resolver.paragraph_format(child, len(out), pieces)
            elif tag == _TBL:
                for pieces, text in self._table(child):
                    out.append(text)
                    self.pieces.append(pieces)
            elif tag in (_SDT, _CUSTOM_XML, _SDT_CONTENT):
                inner = child.find(_SDT_CONTENT) if tag == _SDT else child
                if inner is not None:
                    self._blocks(inner, out)
            elif tag == _ALTERNATE:
                branch = _alternate_branch(child)
                if branch is not None:
                    self._blocks(branch, out)

    def _paragraph(self, p, pieces: list[TextPiece], start: int) -> str:
        """The paragraph's text; its pieces (offsets from ``start``) are appended to ``pieces``."""
        found: list[tuple[str, Any]] = []
        _inline_text(p, found)
        marker = self.numbering.marker(p)
        offset = start
        if marker:
            pieces.append(TextPiece(offset, marker, None, p))
            offset += len(marker)
        texts = [marker]
        for text, node in found:
            text = _LINE_BREAKS.sub("", text)
            if text:
                pieces.append(TextPiece(offset, text, node, p))
                offset += len(text)
                texts.append(text)
        return "".join(texts)

    def _table(self, tbl) -> list[tuple[list[TextPiece], str]]:
        rows = []
        for tr in _table_rows(tbl):
            pieces: list[TextPiece] = []
            texts: list[str] = []
            offset = 0
            for index, tc in enumerate(_row_cells(tr)):
                if index:
                    texts.append("\t")
                    offset += 1
                text = self._cell(tc, pieces, offset)
                texts.append(text)
                offset += len(text)
            rows.append((pieces, "".join(texts)))
        return rows

    def _cell(self, tc, pieces: list[TextPiece], start: int) -> str:
        parts: list[str] = []
        offset = start
        for child in _unwrap(tc, (_P, _TBL)):
            if child.tag == _P:
                text = self._paragraph(child, pieces, offset)
            else:
                text = ""
                for row_pieces, row_text in self._table(child):
                    pieces.extend(
                        TextPiece(offset + len(text) + piece.start, piece.text, piece.node, piece.paragraph)
                        for piece in row_pieces
                    )
                    text += row_text
            parts.append(text)
            offset += len(text)
        return "".join(parts)


def _unwrap(container, wanted: tuple[str, ...]):
    """Children of ``container`` with a tag in ``wanted``, looking through sdt/customXml."""
    for child in container:
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag in (_SDT, _CUSTOM_XML):
            inner = child.find(_SDT_CONTENT) if tag == _SDT else child
            if inner is not None:
                yield from _unwrap(inner, wanted)
        elif tag == _ALTERNATE:
            branch = _alternate_branch(child)
            if branch is not None:
                yield from _unwrap(branch, wanted)


def _table_rows(tbl):
    return _unwrap(tbl, (_TR,))


def _row_cells(tr):
    return _unwrap(tr, (_TC,))


def _alternate_branch(alternate):
    """mc:AlternateContent: the Fallback (understood by every consumer), else the first Choice."""
    fallback = alternate.find(_FALLBACK)
    return fallback if fallback is not None else alternate.find(_CHOICE)


def _inline_text(element, out: list[tuple[str, Any]]) -> None:
    """Append (text, element showing it) for the visible text inside ``element``."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_INLINE:
            continue  # comments/processing instructions, or content a reader does not see
        leaf = _LEAVES.get(tag)
        if leaf is not None:
            out.append((leaf(child), child))
        elif tag == _R:
            if not _hidden(child):
                _inline_text(child, out)
        elif tag == _ALTERNATE:
            branch = _alternate_branch(child)
            if branch is not None:
                _inline_text(branch, out)
        else:  # hyperlink, ins, moveTo, smartTag, customXml, sdt, fldSimple, ruby, math, nested w:p ...
            _inline_text(child, out)


def _hidden(run) -> bool:
    rpr = run.find(_W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(_W + "vanish")
    return vanish is not None and _on(vanish)


def _on(element) -> bool:
    return element.get(_VAL, "true").lower() not in ("0", "false", "off")


# Symbol/Wingdings private-use code points that Word documents commonly use for bullets.
_PUA_SYMBOLS = {
    0xF0B7: "•",
    0xF06C: "●",
    0xF0A7: "▪",
    0xF06E: "■",
    0xF0D8: "➢",
    0xF075: "◆",
    0xF076: "❖",
    0xF0FC: "✓",
    0xF0A8: "◆",
    0xF09F: "•",
    0xF0B2: "◇",
    0xF0A1: "○",
}


def _sym_char(sym) -> str:
    try:
        code = int(sym.get(_W + "char", ""), 16)
    except ValueError:
        return ""
    return _symbol_text(chr(code)) if 0 < code <= 0x10FFFF else ""


# Inline elements that show text themselves: what each one shows.
_LEAVES = {
    _T: lambda e: e.text or "",
    _M + "t": lambda e: e.text or "",
    _W + "tab": lambda e: "\t",
    _W + "ptab": lambda e: "\t",
    _W + "noBreakHyphen": lambda e: "-",
    _W + "sym": _sym_char,
}


def _symbol_text(text: str) -> str:
    """Map symbol-font private-use characters (bullets) to ordinary Unicode look-alikes."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xF000 <= code <= 0xF0FF:
            out.append(_PUA_SYMBOLS.get(code, "•" if code >= 0xF080 else chr(code - 0xF000)))
        elif 0xE000 <= code <= 0xF8FF:
            out.append("•")
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# styles and numbering


@overload
def _int(value: object, default: int) -> int: ...
@overload
def _int(value: object, default: None = None) -> int | None: ...
def _int(value: object, default: int | None = None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _val(parent, name: str):
    if parent is None:
        return None
    child = parent.find(_W + name)
    return None if child is None else child.get(_VAL)


class _Styles:
    def __init__(self, root) -> None:
        self.by_id: dict[str, Any] = {}  # XML elements (lxml ships no types)
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iter(_W + "style"):
            style_id = style.get(_W + "styleId")
            if style_id is None:
                continue
            self.by_id.setdefault(style_id, style)
            if (
                style.get(_W + "type", "paragraph") == "paragraph"
                and self.default_paragraph is None
                and _on_attr(style.get(_W + "default"))
            ):
                self.default_paragraph = style_id

    def numpr(self, style_id: str | None) -> tuple[int | None, int | None, str | None]:
        """(numId, ilvl, id of the style that supplied numId) through the basedOn chain."""
        num_id = ilvl = None
        source = None
        seen: set[str] = set()
        while style_id and style_id not in seen and (num_id is None or ilvl is None):
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                break
            ppr = style.find(_W + "pPr")
            numpr = ppr.find(_W + "numPr") if ppr is not None else None
            if numpr is not None:
                if num_id is None:
                    num_id = _int(_val(numpr, "numId"))
                    if num_id is not None:
                        source = style_id
                if ilvl is None:
                    ilvl = _int(_val(numpr, "ilvl"))
            style_id = _val(style, "basedOn")
        return num_id, (ilvl if num_id is not None else None), source


def _on_attr(value) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


@dataclass
class _Level:
    start: int = 0
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never)
    legal: bool = False  # w:isLgl
    suffix: str = "tab"
    pstyle: str | None = None


def _level_of_style(instance: _Instance, styles: tuple[str | None, ...]) -> int:
    """The lowest level of the numbering bound to the first of ``styles`` that has one (0 if none)."""
    for candidate in styles:
        found = [n for n, lv in instance.levels.items() if candidate and lv.pstyle == candidate]
        if found:
            return min(found)
    return 0


def _level_overrides(num, levels: dict[int, _Level]) -> dict[int, int]:
    """Apply a w:num's w:lvlOverride levels to ``levels``; return its start overrides."""
    overrides: dict[int, int] = {}
    for override in num.findall(_W + "lvlOverride"):
        ilvl = _int(override.get(_W + "ilvl"))
        if ilvl is None:
            continue
        lvl = override.find(_W + "lvl")
        if lvl is not None:
            levels[ilvl] = _parse_level(lvl)
        start = _int(_val(override, "startOverride"))
        if start is not None:
            overrides[ilvl] = start
    return overrides


def _parse_level(lvl) -> _Level:
    level = _Level()
    level.start = _int(_val(lvl, "start"), 0)
    fmt = _val(lvl, "numFmt")
    if fmt is None:
        for fallback in lvl.iter(_FALLBACK):
            fmt = _val(fallback, "numFmt")
            if fmt is not None:
                break
    level.fmt = fmt or "decimal"
    text_el = lvl.find(_W + "lvlText")
    if text_el is not None:
        level.text = "" if _on_attr(text_el.get(_W + "null")) else text_el.get(_VAL, "")
    restart = lvl.find(_W + "lvlRestart")
    if restart is not None:
        level.restart = _int(restart.get(_VAL))
    legal = lvl.find(_W + "isLgl")
    level.legal = legal is not None and _on(legal)
    level.suffix = _val(lvl, "suff") or "tab"
    level.pstyle = _val(lvl, "pStyle")
    return level


@dataclass
class _Instance:
    """One w:num resolved: its counting key (abstract id), levels and start overrides."""

    key: str
    levels: dict[int, _Level]
    start_overrides: dict[int, int]


class _Numbering:
    def __init__(self, root, styles: _Styles) -> None:
        self.styles = styles
        self.abstracts: dict[str, Any] = {}  # XML elements (lxml ships no types)
        self.nums: dict[int, Any] = {}
        if root is not None:
            for abstract in root.findall(_W + "abstractNum"):
                abstract_id = abstract.get(_W + "abstractNumId")
                if abstract_id is not None:
                    self.abstracts.setdefault(abstract_id, abstract)
            for num in root.findall(_W + "num"):
                num_id = _int(num.get(_W + "numId"))
                if num_id is not None:
                    self.nums.setdefault(num_id, num)
        self._instances: dict[int, _Instance | None] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[int] = set()

    # -- definitions ---------------------------------------------------------------------------

    def _instance(self, num_id: int) -> _Instance | None:
        if num_id not in self._instances:
            self._instances[num_id] = self._resolve(num_id)
        return self._instances[num_id]

    def _resolve(self, num_id: int) -> _Instance | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        abstract_id, abstract = self._abstract_of(num)
        if abstract is None or abstract_id is None:
            return None
        levels: dict[int, _Level] = {}
        for lvl in abstract.findall(_W + "lvl"):
            ilvl = _int(lvl.get(_W + "ilvl"))
            if ilvl is not None and ilvl not in levels:
                levels[ilvl] = _parse_level(lvl)
        overrides = _level_overrides(num, levels)
        return _Instance(key=abstract_id, levels=levels, start_overrides=overrides)

    def _abstract_of(self, num) -> tuple[str | None, Any]:
        """(id, element) of the abstractNum a w:num uses, through w:numStyleLink: the levels
        may live in the abstractNum reached through a numbering style."""
        abstract_id = _val(num, "abstractNumId")
        abstract = self.abstracts.get(abstract_id) if abstract_id is not None else None
        for _ in range(8):
            link = _val(abstract, "numStyleLink") if abstract is not None else None
            if not link:
                break
            linked_num_id, _ilvl, _source = self.styles.numpr(link)
            linked = self.nums.get(linked_num_id) if linked_num_id is not None else None
            linked_abstract_id = _val(linked, "abstractNumId") if linked is not None else None
            if linked_abstract_id is None or linked_abstract_id == abstract_id:
                break
            abstract_id = linked_abstract_id
            abstract = self.abstracts.get(abstract_id)
        return abstract_id, abstract

    # -- per paragraph -------------------------------------------------------------------------

    def marker(self, p) -> str:
        num_id, ilvl, style_id, from_style = self._numbering_of(p)
        if not num_id:  # absent, or numId 0: "no numbering"
            return ""
        instance = self._instance(num_id)
        if instance is None:
            return ""
        if ilvl is None:
            ilvl = _level_of_style(instance, (style_id, from_style))
        ilvl = min(max(ilvl, 0), 8)
        level = instance.levels.get(ilvl)
        if level is None:
            return ""
        values = self._count(num_id, instance, ilvl)
        return self._render(instance, ilvl, level, values)

    def _numbering_of(self, p) -> tuple[int | None, int | None, str | None, str | None]:
        """(numId, ilvl, paragraph style, style the numbering came from) of a paragraph: its
        own w:numPr, else its style's (through basedOn)."""
        ppr = p.find(_W + "pPr")
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        num_id = ilvl = None
        if numpr is not None:
            num_id = _int(_val(numpr, "numId"))
            ilvl = _int(_val(numpr, "ilvl"))
        style_id = _val(ppr, "pStyle") or self.styles.default_paragraph
        from_style = None
        if num_id is None:
            num_id, style_ilvl, from_style = self.styles.numpr(style_id)
            if ilvl is None:
                ilvl = style_ilvl
        return num_id, ilvl, style_id, from_style

    def _start(self, instance: _Instance, ilvl: int) -> int:
        if ilvl in instance.start_overrides:
            return instance.start_overrides[ilvl]
        level = instance.levels.get(ilvl)
        return level.start if level is not None else 0

    def _count(self, num_id: int, instance: _Instance, ilvl: int) -> dict[int, int]:
        state = self.counters.setdefault(instance.key, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden in instance.start_overrides:
                state.pop(overridden, None)
        state[ilvl] = state[ilvl] + 1 if ilvl in state else self._start(instance, ilvl)
        for deeper in [n for n in state if n > ilvl]:
            level = instance.levels.get(deeper)
            restart = level.restart if level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del state[deeper]
        return state

    def _render(self, instance: _Instance, ilvl: int, level: _Level, values: dict[int, int]) -> str:
        if level.fmt == "bullet":
            marker = _symbol_text(level.text or "")
        else:

            def placeholder(match: re.Match) -> str:
                ref = int(match.group(1)) - 1
                ref_level = instance.levels.get(ref)
                value = values.get(ref, self._start(instance, ref))
                fmt = ref_level.fmt if ref_level is not None else "decimal"
                if level.legal and fmt not in ("none", "decimalZero"):
                    fmt = "decimal"
                return format_number(value, fmt)

            marker = re.sub(r"%([1-9])", placeholder, level.text or "")
        if marker and level.suffix == "space":
            marker += " "
        return marker


# ---------------------------------------------------------------------------------------------
# number formats (ST_NumberFormat)

_CJK_DIGITS = "〇一二三四五六七八九"
_ZERO_DIGITS = "零一二三四五六七八九"
_LEGAL_SIMPLIFIED = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万", "亿")
_LEGAL_TRADITIONAL = ("零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬", "億")
_COUNTING_SIMPLIFIED = (_ZERO_DIGITS, "十百千", "万", "亿")
_COUNTING_TRADITIONAL = (_ZERO_DIGITS, "十百千", "萬", "億")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ZODIAC_TRADITIONAL = ("甲子", "乙丑", "丙寅", "丁卯", "戊辰", "己巳", "庚午", "辛未", "壬申", "癸酉")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def format_number(value: int, fmt: str) -> str:
    """Render ``value`` in the w:numFmt ``fmt`` the way Word displays it (decimal if unknown)."""
    if fmt == "none":
        return ""
    if value < 0:
        return str(value)
    return _NUMBER_FORMATS.get(fmt, str)(value)


def _english(value: int, fmt: str) -> str:
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    return str(value)  # cardinalText/ordinalText spell out in English; digits are close enough


def _from_set(value: int, symbols) -> str:
    return symbols[value - 1] if 1 <= value <= len(symbols) else str(value)


def _chinese_counting(value: int) -> str:
    """chineseCounting: 一 … 十 十一 … 九十九; digit by digit from 100 (一〇〇)."""
    if value < 10:
        return _CJK_DIGITS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return ("" if tens == 1 else _CJK_DIGITS[tens]) + "十" + (_CJK_DIGITS[ones] if ones else "")
    return "".join(_CJK_DIGITS[int(d)] for d in str(value))


def _chinese_grouped(value: int, table, elide_ten: bool = True) -> str:
    """Chinese numerals with place words: 十一, 二十三, 一百零五, 一千零一十, 一万二千."""
    digits, places, wan, yi = table
    if value == 0:
        return digits[0]
    if value >= 10**12:  # not a list counter any more; fall back to digits
        return "".join(digits[int(d)] for d in str(value))
    out: list[str] = []
    need_zero = False
    for group, unit in reversed(_groups_of_10000(value, wan, yi)):
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out.append(digits[0])
        out.append(_below_10000(group, digits, places) + unit)
        need_zero = False
    text = "".join(out)
    ten = digits[1] + places[0]
    if elide_ten and text.startswith(ten):
        text = text[1:]  # 一十一 → 十一 (only at the very start)
    return text


def _groups_of_10000(value: int, wan: str, yi: str) -> list[tuple[int, str]]:
    """12345678 → [(5678, ""), (1234, 万)]: the value in groups of four digits, lowest first."""
    groups = []
    for unit in ("", wan, yi):
        value, group = divmod(value, 10000)
        groups.append((group, unit))
        if not value:
            break
    return groups


def _below_10000(n: int, digits, places) -> str:
    """1005 → 一千零五: one group of four digits with its place words and inner zeros."""
    out: list[str] = []
    pending_zero = False
    for power, unit in ((1000, places[2]), (100, places[1]), (10, places[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(digits[0])
            pending_zero = False
        out.append(digits[digit] + unit)
    return "".join(out)


def _roman(value: int) -> str:
    if not 1 <= value <= 39999:
        return str(value)
    out = []
    for number, symbol in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, value = divmod(value, number)
        out.append(symbol * count)
    return "".join(out)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    """An enclosed-number block (①, ⒈, ⑴, ㈠) from 1 to ``last``; plain digits past it."""
    return lambda value: chr(first + value - 1) if 1 <= value <= last else str(value)


def _letters(value: int) -> str:
    if not 1 <= value <= 26 * 20:  # Word repeats the letter (AA, BBB); keep that bounded
        return str(value)
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _lower(render: Callable[[int], str]) -> Callable[[int], str]:
    return lambda value: render(value).lower()


_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    **dict.fromkeys(("decimal", "decimalHalfWidth", "cardinalText", "ordinalText"), str),
    "ordinal": lambda value: _english(value, "ordinal"),
    "decimalZero": lambda value: f"{value:02d}",
    **dict.fromkeys(("decimalFullWidth", "decimalFullWidth2"), lambda value: str(value).translate(_FULL_WIDTH)),
    **dict.fromkeys(("chineseCounting", "taiwaneseCounting", "japaneseCounting"), _chinese_counting),
    "chineseCountingThousand": lambda value: _chinese_grouped(value, _COUNTING_SIMPLIFIED),
    "taiwaneseCountingThousand": lambda value: _chinese_grouped(value, _COUNTING_TRADITIONAL),
    "chineseLegalSimplified": lambda value: _chinese_grouped(value, _LEGAL_SIMPLIFIED, elide_ten=False),
    "ideographLegalTraditional": lambda value: _chinese_grouped(value, _LEGAL_TRADITIONAL, elide_ten=False),
    **dict.fromkeys(
        ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"),
        lambda value: "".join(_CJK_DIGITS[int(d)] for d in str(value)),
    ),
    "ideographTraditional": lambda value: _from_set(value, _HEAVENLY_STEMS),
    "ideographZodiac": lambda value: _from_set(value, _EARTHLY_BRANCHES),
    "ideographZodiacTraditional": lambda value: _from_set(value, _ZODIAC_TRADITIONAL),
    **dict.fromkeys(("decimalEnclosedCircle", "decimalEnclosedCircleChinese"), _enclosed(0x2460, 20)),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "ideographEnclosedCircle": _enclosed(0x3220, 10),
    "upperRoman": _roman,
    "lowerRoman": _lower(_roman),
    "upperLetter": _letters,
    "lowerLetter": _lower(_letters),
    "numberInDash": lambda value: f"- {value} -",
    "hex": lambda value: f"{value:X}",
}
