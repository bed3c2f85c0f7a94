"""Property tests: arbitrary text and bytes never break reading, linting, reporting or fixing.

Text is drawn from pieces that real 公文 are made of (outline markers, numbers with 万/亿/%,
Chinese punctuation, line breaks) mixed with arbitrary Unicode and control characters, so the
rules' own paths are exercised, not just the "nothing matched" one.
"""

from __future__ import annotations

import importlib.util
import json
import os
import xml.etree.ElementTree as ET
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import __version__
from lint.config import Settings
from lint.diagnostics import Diagnostic, FileResult
from lint.document import DecodeError, Document, load_bytes, load_text
from lint.engine import Engine, Overrides
from lint.fix import apply_fixes
from lint.report import FORMATS, ReportMeta, render

# A budget of examples, never of time, so every run explores as far as the last. The text tests
# run 1500 examples each (the first crash on ordinary text showed up only past 1000); the bytes test,
# whose cost is the decoders', fewer. GWLINT_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py for a longer hunt.
EXAMPLES = int(os.environ.get("GWLINT_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_BYTES = settings(FUZZ, max_examples=max(1, EXAMPLES // 5))
KINDS = ("auto", "summary", "plan", "notice", "report", "bulletin", "article")

PIECES = [
    "一、",
    "二、",
    "三、",
    "十一、",
    "（一）",
    "（二）",
    "（三）",
    "(一)",
    "1.",
    "2.",
    "3．",
    "1、",
    "2、",
    "（1）",
    "（2）",
    "(3)",
    "①",
    "②",
    "③",
    "一是",
    "二是",
    "三是",
    "第一",
    "其中",
    "合计",
    "共",
    "个",
    "项",
    "完成",
    "增长",
    "同比增长",
    "下降",
    "万元",
    "亿元",
    "万",
    "亿",
    "%",
    "％",
    "个百分点",
    "公顷",
    "亩",
    "平方米",
    "km",
    "吨",
    "元",
    "年",
    "月",
    "日",
    "2022年",
    "3月2日",
    "二〇二二年三月二日",
    "120",
    "8.5",
    "12,000",
    "1,2",
    "0.5",
    "３０",
    "一百二十",
    "两",
    "第",
    "X",
    "XX",
    "某某",
    "××",
    "〔2022〕",
    "号",
    "关于",
    "的通知",
    "工作要点",
    "工作总结",
    "各单位：",
    "特此通知。",
    "抄送：",
    "印发",
    "附件：",
    "。",
    "，",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "(",
    ")",
    "——",
    "…",
    ",",
    ".",
    ";",
    ":",
    " ",
    "  ",
    "\u3000",
    "\t",
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "# ",
    "## ",
    "- ",
    "<!-- gwlint-disable PH001 -->",
    "<!-- gwlint-disable-next-line -->",
    "?",
    "!",
    "??",
    "!!!",
    "![图](a.png)",
    "(",
    "（注）",
    "一百二十",
    "九百九十九",
    "一千零八",
    "三万五千",
    "十二亿",
    "一百二十、",
    "一百二十，",
]
CONTROL = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\x07",
        "\x0b",
        "\x0c",
        "\x1b",
        "\x7f",
        "\u200b",
        "\ufeff",
        "\u2028",
        "\u0085",
        "\ud7ff",
        "\U0002000b",
        "\u0301",
    ]
)
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY = st.characters(blacklist_categories=("Cs",))
MARKERS = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "（三）",
    "1.",
    "2.",
    "（1）",
    "（2）",
    "①",
    "②",
    "一是",
    "二是",
    "",
    "?",
    "!",
    "![图](a.png)",
    "一百二十、",
    "一百二十，",
    "九百九十九、",
    "（一百零五）",
    "１、",
    "２、",
]
# Figures as long as 31 digits (beyond Decimal's default 28-digit precision) and large Chinese numerals.
HUGE = st.integers(10**27, 10**31).map(str)
NUMBER = st.one_of(
    st.integers(0, 10**6).map(str),
    st.decimals(0, 10**4, places=2).map(str),
    HUGE,
    st.tuples(HUGE, st.sampled_from(["", ".5", "万", "亿", "%"])).map("".join),
    st.sampled_from(
        [
            "一百二十",
            "三",
            "两",
            "十二",
            "１２",
            "1,200",
            "50%",
            "8.5%",
            "九百九十九",
            "一千二百三十四",
            "三万五千",
            "十二亿",
        ]
    ),
)
WORD = st.one_of(st.sampled_from(PIECES), NUMBER, HAN, st.text(HAN, min_size=2, max_size=6))
LINE = st.tuples(
    st.sampled_from(MARKERS), st.lists(WORD, max_size=14).map("".join), st.sampled_from(["。", "；", "", "：", "，"])
).map("".join)
STRUCTURED = st.tuples(
    st.sampled_from(["", "关于做好2022年工作的通知\n", "2022年工作要点\n", "工作总结\n"]),
    st.lists(LINE, max_size=12).map("\n".join),
).map("".join)
NOISE = st.lists(st.one_of(st.sampled_from(PIECES), HAN, NUMBER, CONTROL, ANY), max_size=80).map("".join)
TEXT = st.one_of(STRUCTURED, STRUCTURED, NOISE)


@lru_cache(maxsize=None)
def engine(kind: str) -> Engine:
    """Every rule of every built-in pack, whatever its default selection or status."""
    built = Engine(Settings(select=["ALL"]), Overrides(kind=kind))
    built.rules = list(built.table.rules.values())
    return built


def formats() -> list[str]:
    out = []
    for name in FORMATS:
        module = "lint.report." + {"json": "jsonfmt"}.get(name, name)
        if importlib.util.find_spec(module) is not None:
            out.append(name)
    return out


def assert_position(doc: Document, line: int, column: int) -> None:
    assert 1 <= line <= doc.line_count, (line, doc.line_count)
    assert 1 <= column <= len(doc.line_text(line)) + 1, (line, column, doc.line_text(line))


def assert_span(doc: Document, d: Diagnostic) -> None:
    assert_position(doc, d.line, d.column)
    assert_position(doc, d.end_line, d.end_column)
    assert (d.end_line, d.end_column) >= (d.line, d.column), d
    assert 0 <= d.start <= d.end <= len(doc.text), d
    assert doc.line_col(d.start) == (d.line, d.column), d
    if d.fix is not None:
        assert d.fix.edits and d.fix.message, d
        for edit in d.fix.edits:
            assert_position(doc, edit.line, edit.column)
            assert_position(doc, edit.end_line, edit.end_column)
            assert (edit.end_line, edit.end_column) >= (edit.line, edit.column), d
            # An edit touches only what changes: never one that leaves its ends as they were.
            old = doc.text[doc.offset(edit.line, edit.column) : doc.offset(edit.end_line, edit.end_column)]
            assert old != edit.replacement, d
        # The edits follow one another without overlapping.
        ends = [(e.line, e.column, e.end_line, e.end_column) for e in d.fix.edits]
        assert all(a[2:] <= b[:2] for a, b in zip(ends, ends[1:])), d
    for related in d.related:
        assert_position(doc, related.line, related.column)


@FUZZ
@given(text=TEXT, kind=st.sampled_from(KINDS), fmt=st.sampled_from(["txt", "md"]))
def test_any_text_lints_and_renders(text: str, kind: str, fmt: str) -> None:
    doc = load_text(text, "fuzz." + fmt, fmt)
    lint_engine = engine(kind)
    result = lint_engine.lint(doc)
    assert [d.sort_key for d in result.diagnostics] == sorted(d.sort_key for d in result.diagnostics)
    for diagnostic in result.diagnostics:
        assert_span(doc, diagnostic)
    meta = ReportMeta(version=__version__, rules=lint_engine.codes, lang=lint_engine.lang)
    for name in formats():
        output = render(name, [result], meta)
        assert isinstance(output, str)
        if name in ("json", "sarif", "gitlab", "rdjson"):
            json.loads(output)
        elif name == "junit":
            ET.fromstring(output)


BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]
NASTY = st.sampled_from(
    [
        b"\xed\xa0\x80",
        b"\xed\xbf\xbf",
        b"\xc0\xaf",
        b"\xf4\x90\x80\x80",
        b"\xff",
        b"\x80",
        b"\x00",
        b"\xd8\x00",
        b"\xdc\x00",
        b"\x81\x30",
        b"\xa1\xa1",
    ]
)
BYTES = st.tuples(
    st.sampled_from(BOMS),
    st.lists(
        st.one_of(
            st.binary(max_size=12),
            NASTY,
            TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
            TEXT.map(lambda t: t.encode("gb18030", "replace")),
        ),
        max_size=12,
    ),
).map(lambda parts: parts[0] + b"".join(parts[1]))


@FUZZ_BYTES
@given(data=BYTES, fmt=st.sampled_from(["txt", "md", "docx"]))
def test_any_bytes_decode_or_refuse(data: bytes, fmt: str) -> None:
    try:
        doc = load_bytes(data, "fuzz." + fmt, fmt)
    except DecodeError:
        return
    assert isinstance(doc, Document)
    assert "\r" not in doc.text
    doc.text.encode("utf-8")  # a str without lone surrogates
    assert doc.line_count == doc.text.count("\n") + 1


FIX_PASSES = 6


def fix_all(text: str, kind: str) -> str:
    """What `gwlint check --fix` does to a text: apply fixes until none is left."""
    lint_engine = engine(kind)
    doc = load_text(text, "fuzz.txt")
    for _ in range(FIX_PASSES):
        fixed = apply_fixes(doc, lint_engine.lint(doc).diagnostics, unsafe=True)
        if fixed is None:
            break
        doc = load_text(fixed, "fuzz.txt")
    return doc.text


def untouched_lines(doc: Document, result: FileResult) -> list[str]:
    touched: set[int] = set()
    for d in result.diagnostics:
        for edit in d.fix.edits if d.fix is not None else ():
            touched.update(range(edit.line, edit.end_line + 1))
    return [doc.line_text(n) for n in range(1, doc.line_count + 1) if n not in touched]


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(line == candidate for candidate in remaining) for line in needles)


@FUZZ
@given(text=TEXT, kind=st.sampled_from(KINDS))
def test_fix_is_idempotent_and_local(text: str, kind: str) -> None:
    doc = load_text(text, "fuzz.txt")
    result = engine(kind).lint(doc)
    fixed = apply_fixes(doc, result.diagnostics, unsafe=True)
    if fixed is not None:
        # One pass changes only the lines fixes point at: every other line survives, in order.
        assert is_subsequence(untouched_lines(doc, result), fixed.split("\n"))
        fixes = sorted(
            (doc.offset(e.line, e.column), doc.offset(e.end_line, e.end_column))
            for d in result.diagnostics
            for e in (d.fix.edits if d.fix is not None else ())
        )
        first, last = fixes[0][0], max(end for _, end in fixes)
        assert fixed.startswith(doc.text[:first])
        assert fixed.endswith(doc.text[last:])
    once = fix_all(text, kind)
    assert fix_all(once, kind) == once
